"""Recompute the statuses of the tasks whose facts changed (duban.ledger.signals.tasks_changed),
and the tallies of the plans, leaders and units they count in."""

from django.db.models import Q
from django.dispatch import receiver

from duban.ledger.models import Task
from duban.ledger.signals import tasks_changed
from duban.supervision.refresh import refresh_tasks
from duban.supervision.tallies import recount_all


@receiver(tasks_changed, dispatch_uid="supervision_refresh_changed_tasks")
def refresh_changed_tasks(sender, task_ids, regrouped=False, **kwargs) -> None:
    # A copy of a task printed twice follows the task it repeats.
    refresh_tasks(Task.objects.filter(Q(pk__in=task_ids) | Q(twin_of__in=task_ids)))
    if regrouped:
        # The units and leaders the tasks left are no longer known: every tally is recounted.
        recount_all()
