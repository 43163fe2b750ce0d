from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from duban.ledger.choices import AssignmentRole
from duban.progress.choices import CycleKind, CycleState, ReportKind, ReportState
from duban.progress.models import Report, ReportingCycle
from duban.supervision.choices import Colour
from duban.supervision.models import TaskStatus
from duban.testing import BaseTestCase, make_task


class RefreshAfterReviewTestCase(BaseTestCase):
    @time_machine.travel(datetime(2022, 2, 10, 9, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
    def test_accepting_a_complete_report_marks_the_task_done(self):
        cycle = ReportingCycle.objects.create(
            plan=self.plan,
            kind=CycleKind.MONTHLY,
            name="2022年1月",
            period_start=date(2022, 1, 1),
            period_end=date(2022, 1, 31),
            due_on=date(2022, 2, 5),
            state=CycleState.OPEN,
        )
        report = Report.objects.create(
            task=self.task,
            unit=self.fagai,
            cycle=cycle,
            kind=ReportKind.CONSOLIDATED,
            progress="全部完成",
            percent_complete=100,
            state=ReportState.SUBMITTED,
        )
        with self.captureOnCommitCallbacks(execute=True):
            report.accept(self.alice)
        assert TaskStatus.objects.get(task=self.task).colour == Colour.DONE
        assert not TaskStatus.objects.filter(task=self.other_task).exists()

    @time_machine.travel(datetime(2022, 2, 10, 9, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
    def test_a_copy_of_the_task_printed_elsewhere_follows_its_status(self):
        copy = make_task(
            self.task.section, "9", self.task.text, [(self.fagai, AssignmentRole.LEAD)]
        )
        copy.twin_of = self.task
        copy.save()
        self.test_accepting_a_complete_report_marks_the_task_done()
        status = TaskStatus.objects.get(task=copy)
        assert status.colour == Colour.DONE
        assert status.reasons[0].startswith(f"与“{self.task}”")
