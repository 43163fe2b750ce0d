"""Signals the ledger sends, so that apps built on it (targets, supervision, …) follow it."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.dispatch import Signal

# Sent inside the import's transaction once a notice was created or changed; arguments:
# notice, user, and targets ({task pk: the targets the parser read from its row}, for the
# rows the import wrote). A receiver that fails rolls the whole import back.
notice_imported = Signal()

# Sent after the commit of a change that a task's supervision status reads (a notice imported,
# a report delivered or reviewed, a milestone, a value recorded, a target revised); arguments:
# task_ids, and regrouped: whether tasks' units or leaders changed (units merged, a task
# edited or removed), which the counts per unit and leader follow. After the commit, so
# receivers read the new state and cannot undo the change.
tasks_changed = Signal()

_held = ContextVar("duban_tasks_changed_held", default=False)


def announce_tasks_changed(task_ids, *, regrouped: bool = False) -> None:
    """Send `tasks_changed` for the tasks once the current transaction commits."""
    ids = frozenset(task_ids)
    if (ids or regrouped) and not _held.get():
        transaction.on_commit(
            lambda: tasks_changed.send(sender=None, task_ids=ids, regrouped=regrouped)
        )


@contextmanager
def tasks_changed_held():
    """Announce nothing in the block: for loaders that date the statuses they compute (the demo)."""
    token = _held.set(True)
    try:
        yield
    finally:
        _held.reset(token)
