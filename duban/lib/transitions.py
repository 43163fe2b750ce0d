"""The one vocabulary of state changes: the refusal, the state check, the permission check and
the compare-and-set write every state machine uses (see CONTRIBUTING.md, "How a transition is
written").
"""

from collections.abc import Collection

from django.core.exceptions import PermissionDenied

STALE_MESSAGE = "该记录已被他人修改，请刷新后重试"


class TransitionError(Exception):
    """A change the record's current state does not allow now; the message is for users."""


class StaleRecord(TransitionError):
    """A write that lost a compare-and-set: the record moved on since it was read."""

    def __init__(self, message: str = STALE_MESSAGE):
        super().__init__(message)


def require_permission(allowed: bool, message: str) -> None:
    """Refuse (403) a user whose role does not allow the change, whatever the state."""
    if not allowed:
        raise PermissionDenied(message)


def require_state(obj, field: str, allowed: Collection, message: str) -> None:
    """Refuse unless `obj.<field>` is one of `allowed`; `{state}` in the message is its label."""
    if getattr(obj, field) not in allowed:
        label = getattr(obj, f"get_{field}_display")()
        raise TransitionError(message.format(state=label))


def compare_and_set(model, pk, field: str, expected, *, message=STALE_MESSAGE, **updates) -> None:
    """Write `updates` to the row `pk` of `model` (a model or queryset) only if `field` still
    holds `expected`; raise StaleRecord(message) if another writer changed it first."""
    rows = model.objects.all() if isinstance(model, type) else model
    if not rows.filter(pk=pk, **{field: expected}).update(**updates):
        raise StaleRecord(message)


def advance(obj, field: str, *, message=STALE_MESSAGE, **updates) -> None:
    """compare_and_set on the instance's row, expecting the `field` value the instance holds;
    the instance then holds the updates too."""
    compare_and_set(type(obj), obj.pk, field, getattr(obj, field), message=message, **updates)
    for name, value in updates.items():
        setattr(obj, name, value)
