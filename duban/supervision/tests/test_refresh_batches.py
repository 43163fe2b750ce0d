"""Refreshing in batches gives each task the status a refresh of that task alone gives."""

from datetime import date
from unittest import mock

from duban.ledger.models import Task
from duban.progress.tests.base import ProgressTestCase
from duban.supervision import refresh
from duban.supervision.models import StatusChange, TaskStatus

DAY = date(2022, 7, 10)


class RefreshBatchesTestCase(ProgressTestCase):
    def statuses(self) -> dict:
        return {s.task_id: (s.colour, s.reasons) for s in TaskStatus.objects.all()}

    def test_batches_of_any_size_give_the_one_task_at_a_time_result(self):
        tasks = Task.objects.active()
        for pk in tasks.values_list("pk", flat=True):
            refresh.refresh_tasks(Task.objects.filter(pk=pk), DAY)
        alone = self.statuses()
        changes = StatusChange.objects.count()
        assert len(alone) == tasks.count() > 2
        assert len({colour for colour, _ in alone.values()}) > 1
        TaskStatus.objects.all().delete()
        StatusChange.objects.all().delete()
        with mock.patch.object(refresh, "BATCH", 2):
            counts = refresh.refresh_all(DAY)
        assert self.statuses() == alone
        assert StatusChange.objects.count() == changes
        assert sum(counts.values()) == len(alone)
