"""Recompute the statuses of the tasks whose facts changed (duban.ledger.signals.tasks_changed),
and the tallies of the plans, leaders and units they count in."""

from django.db.models import Q
from django.dispatch import receiver

from duban.ledger.models import Task
from duban.ledger.signals import tasks_changed
from duban.supervision.refresh import refresh_tasks


@receiver(tasks_changed, dispatch_uid="supervision_refresh_changed_tasks")
def refresh_changed_tasks(sender, task_ids, regrouped=False, **kwargs) -> None:
    # A copy of a task printed twice follows the task it repeats.
    changed = Task.objects.filter(Q(pk__in=task_ids) | Q(twin_of__in=task_ids))
    # Regrouped, the units and leaders the tasks left are no longer known: every tally is
    # recounted rather than the tasks' own.
    refresh_tasks(changed, every_tally=regrouped)
