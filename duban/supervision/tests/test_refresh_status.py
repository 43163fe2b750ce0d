import re
from datetime import date
from io import StringIO

from django.core.management import call_command

from duban.progress.choices import CycleState
from duban.supervision.choices import Colour
from duban.supervision.models import TaskStatus
from duban.supervision.refresh import refresh_all
from duban.supervision.status import UNSCHEDULED_REASON
from duban.testing import BaseTestCase, make_cycle


class RefreshStatusCommandTestCase(BaseTestCase):
    def test_it_prints_the_counts_and_stores_the_statuses(self):
        out = StringIO()
        call_command("refresh-status", "--date", "2022-03-01", stdout=out)
        # Not a terminal: no bar, the summary line alone, with the count and the time.
        expected = r"已完成 0，正常 0，滞后 0，严重滞后/逾期 0，未安排报送 2，共 2 项任务（用时 \d+\.\d 秒）"
        assert re.fullmatch(expected, out.getvalue().strip())
        assert TaskStatus.objects.count() == 2

    def test_dry_run_stores_nothing(self):
        out = StringIO()
        call_command("refresh-status", "--dry-run", "--date", "2023-01-10", stdout=out)
        assert out.getvalue().startswith("（试算）")
        assert "严重滞后/逾期 2" in out.getvalue()  # the year is over
        assert TaskStatus.objects.count() == 0


class UnscheduledStatusTestCase(BaseTestCase):
    def test_a_task_of_a_plan_without_cycles_is_stored_as_unscheduled(self):
        refresh_all(date(2022, 3, 1))
        status = TaskStatus.objects.get(task=self.task)
        assert status.colour == Colour.UNSCHEDULED
        assert status.reasons == [UNSCHEDULED_REASON]

    def test_a_cycle_of_any_state_makes_the_plan_scheduled(self):
        make_cycle(self.plan, date(2022, 5, 1), state=CycleState.DRAFT)
        refresh_all(date(2022, 3, 1))
        assert TaskStatus.objects.get(task=self.task).colour == Colour.GREEN

    def test_the_command_counts_the_unscheduled_tasks(self):
        out = StringIO()
        call_command("refresh-status", "--date", "2022-03-01", stdout=out)
        assert "，未安排报送 2，共 2 项任务（用时" in out.getvalue()
