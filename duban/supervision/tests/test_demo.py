"""The demo's year in progress, on a small plan built in code."""

from datetime import date

from duban.audit.models import LogEntry
from duban.ledger.choices import AssignmentRole
from duban.ledger.models import Official, Unit
from duban.progress.choices import ReportState
from duban.progress.models import Report, ReportingCycle
from duban.supervision.choices import Colour, NoticeState, ProblemState
from duban.supervision.demo import load_year_in_progress
from duban.supervision.models import (
    Notification,
    Problem,
    StatusChange,
    SupervisionNotice,
    TaskStatus,
)
from duban.testing import BaseTestCase, make_section, make_task

TODAY = date(2022, 9, 10)


class DemoTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # 20 tasks in all: every profile of the demo twice.
        leader = Official.objects.create(name="周强")
        section = make_section(cls.plan, [leader], position=1)
        units = [Unit.objects.create(name=f"演示单位{i}") for i in range(3)]
        for i in range(18):
            make_task(
                section,
                str(i + 3),
                f"演示任务 {i + 3}，完成投资 {i} 亿元。",
                [(units[i % 3], AssignmentRole.LEAD), (units[(i + 1) % 3], AssignmentRole.SUPPORT)],
            )
        cls.lines = load_year_in_progress(cls.notice, TODAY)

    def test_it_builds_three_quarterly_cycles(self):
        assert ReportingCycle.objects.filter(plan=self.plan).count() == 3

    def test_reports_are_accepted_returned_and_missing(self):
        reports = Report.objects.filter(task__plan=self.plan)
        assert reports.filter(state=ReportState.ACCEPTED).count() > 10
        assert reports.filter(state=ReportState.RETURNED).count() == 2
        reported = set(reports.values_list("task_id", "cycle_id"))
        past_due = ReportingCycle.objects.filter(plan=self.plan, due_on__lt=TODAY)
        owed = {(t, c.pk) for t in self.plan.tasks.values_list("pk", flat=True) for c in past_due}
        assert len(owed - reported) >= 6  # the silent tasks (two quarters) and the late starters

    def test_tasks_are_red_yellow_green_and_done(self):
        colours = set(TaskStatus.objects.values_list("colour", flat=True))
        assert colours == {Colour.RED, Colour.YELLOW, Colour.GREEN, Colour.DONE}
        assert TaskStatus.objects.filter(colour=Colour.RED).count() == 2

    def test_the_history_shows_a_red_task_made_good(self):
        assert StatusChange.objects.filter(from_colour=Colour.RED, to_colour=Colour.YELLOW).exists()

    def test_a_problem_was_escalated_and_instructed(self):
        problem = Problem.objects.get(state=ProblemState.INSTRUCTED)
        assert problem.escalated_at.date() == date(2022, 6, 2)
        assert problem.instructions.get().official.name == "周强"
        assert Problem.objects.filter(state=ProblemState.RESOLVED).count() == 1

    def test_notices_were_escalated_and_closed(self):
        assert SupervisionNotice.objects.filter(state=NoticeState.ESCALATED).count() == 1
        assert SupervisionNotice.objects.filter(state=NoticeState.CLOSED).count() == 1

    def test_the_audit_trail_is_dated_in_the_simulated_year(self):
        years = {t.year for t in LogEntry.objects.values_list("timestamp", flat=True)}
        assert 2022 in years
        demo_entries = LogEntry.objects.filter(action__startswith="supervision.")
        assert {t.year for t in demo_entries.values_list("timestamp", flat=True)} == {2022}

    def test_it_reports_a_line_and_does_nothing_a_second_time(self):
        assert self.lines[0].startswith("年度进展（截至 2022-09-10）")
        count = Report.objects.count()
        assert load_year_in_progress(self.notice, TODAY) == ["年度进展演示数据已存在。"]
        assert Report.objects.count() == count

    def test_a_cycle_message_is_read_for_the_units_that_reported_in_it(self):
        read = []
        for cycle in ReportingCycle.objects.filter(plan=self.plan):
            owing = cycle.owed_tasks()
            for message in Notification.objects.about(cycle).select_related("user__profile"):
                assert (message.read_at is None) == (message.user.profile.unit_id in owing)
                read.append(message.read_at is not None)
        assert True in read and False in read
