"""Writing audit entries; every change to the ledger goes through `record`."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models

from duban.audit.actions import AuditAction, declared_action
from duban.audit.models import LogEntry

# What every entry written in the current block adds to its data (the API's token name).
_via: ContextVar[dict] = ContextVar("audit_via", default={})


@contextmanager
def recorded_via(**data) -> Iterator[None]:
    """Add `data` to every audit entry written inside the block, e.g. `token=<name>` for a
    change made through the API, which calls the same model methods as the pages."""
    reset = _via.set({**_via.get(), **data})
    try:
        yield
    finally:
        _via.reset(reset)


def record(action: AuditAction, obj: models.Model | None = None, user=None, data=None) -> LogEntry:
    """Write one audit entry; `user` None means the system (an import from the console).

    Raises UndeclaredAction for an action no app declares (see `duban.audit.actions`).
    """
    written = entry(action, obj, user, data)
    written.save()
    return written


def entry(action: AuditAction, obj: models.Model | None = None, user=None, data=None) -> LogEntry:
    """An audit entry not yet saved, for callers that write many at once (bulk_create)."""
    entry = LogEntry(action=declared_action(action).value, data={**(data or {}), **_via.get()})
    if obj is not None:
        entry.object_type = obj._meta.label_lower
        entry.object_id = str(obj.pk)
        entry.object_repr = str(obj)[:300]
    if user is not None and user.is_authenticated:
        entry.user = user
        entry.user_name = user.get_username()
    return entry
