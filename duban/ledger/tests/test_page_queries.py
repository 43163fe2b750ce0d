"""Query-count baselines of the ledger's pages: a page costs the same with N rows and with 3N."""

from datetime import date, timedelta
from decimal import Decimal

from django.urls import reverse

from duban.accounts.choices import UserRole
from duban.ledger.choices import AssignmentRole, UnitKind
from duban.ledger.models import Notice, Official, Unit
from duban.ledger.registry import resolve_placeholder
from duban.progress.choices import CycleKind, CycleState, MilestoneState, ReportKind, ReportState
from duban.progress.models import Milestone, Report, ReportingCycle
from duban.supervision.models import Problem
from duban.supervision.refresh import refresh_all
from duban.targets.choices import Measure, ValueSource
from duban.targets.models import Measurement, Metric, Target
from duban.testing import (
    FLAT_ROWS,
    BaseTestCase,
    make_cycle,
    make_notice,
    make_plan,
    make_report,
    make_section,
    make_task,
    make_tasks,
    make_unit,
    make_user,
)


class PageQueriesTestCase(BaseTestCase):
    def add_tasks(self, count: int) -> None:
        """Tasks led by 区发改局, each with the report it handed in: their latest progress."""
        units = [(self.fagai, AssignmentRole.LEAD), (self.caizheng, AssignmentRole.SUPPORT)]
        cycle = self.plan.cycles.first() or make_cycle(self.plan)
        for task in make_tasks(self.section, count, units):
            make_report(task, self.fagai, cycle, state=ReportState.SUBMITTED)
        refresh_all()

    def add_task_rows(self, count: int) -> None:
        """Rows of self.task's page: cycles with both units' reports, targets, milestones, problems."""
        start = self.task.milestones.count()
        metric = Metric.objects.get_or_create(name="新增就业")[0]
        for i in range(start, start + count):
            month_start = date(2022, 1, 1) + timedelta(days=10 * i)
            cycle = ReportingCycle.objects.create(
                plan=self.plan,
                kind=CycleKind.MONTHLY,
                name=f"第 {i} 期",
                period_start=month_start,
                period_end=month_start + timedelta(days=9),
                due_on=month_start + timedelta(days=12),
                state=CycleState.OPEN,
            )
            for unit, kind in (
                (self.fagai, ReportKind.CONSOLIDATED),
                (self.caizheng, ReportKind.PART),
            ):
                Report.objects.create(
                    task=self.task,
                    unit=unit,
                    cycle=cycle,
                    kind=kind,
                    progress="推进中",
                    percent_complete=10,
                    state=ReportState.SUBMITTED,
                )
            target = Target.objects.create(
                task=self.task,
                metric=metric,
                metric_text=f"新增就业 {i}",
                measure=Measure.INCREASE,
                value=Decimal(100),
                unit="人",
            )
            Measurement.objects.create(
                target=target,
                on_date=month_start,
                value=Decimal(30),
                unit="人",
                source=ValueSource.OFFICE,
            )
            Milestone.objects.create(
                task=self.task,
                year=2022,
                seq=i + 1,
                title=f"节点 {i}",
                description="完成",
                due_on=month_start,
                state=MilestoneState.CONFIRMED,
            )
            Problem.objects.create(
                task=self.task, unit=self.fagai, title=f"问题 {i}", description="缺资金"
            )
        refresh_all(date(2022, 9, 10))

    def test_the_ledger_costs_the_same_with_three_times_the_tasks(self):
        # The plan, unit and leader filters list no options (was 12, then 9 with the plans
        # listed): a type-ahead asks for them. One capped read of the tasks' plan kinds gives
        # both the total and the counts by kind (was a COUNT(*) and a GROUP BY over every
        # visible task, 10).
        # One more reads the latest reports' text and date (was two more subqueries a row).
        self.assert_flat(self.alice, reverse("ledger:tasks"), self.add_tasks, 9)

    def test_a_unit_page_costs_the_same_with_three_times_the_tasks(self):
        url = reverse("ledger:unit", args=[self.fagai.pk])
        # The merge form's unit box lists no units (was 13): a type-ahead asks for them.
        # One more reads the latest reports of the group that has some.
        self.assert_flat(self.alice, url, self.add_tasks, 13)

    def add_units(self, count: int) -> None:
        """Units with a task each, which they lead."""
        start = self.plan.tasks.count()
        for i in range(start, start + count):
            unit = make_unit(f"测试单位{i}")
            make_task(self.section, f"x{i}", f"任务 {i}", [(unit, AssignmentRole.LEAD)])

    def test_the_unit_list_costs_the_same_with_three_times_the_units(self):
        # The session, the user, the profile, the page of units, their tasks counted per role
        # (for the page's units only), the capped total and the header's notifications.
        self.assert_flat(self.alice, reverse("ledger:units"), self.add_units, 7)

    def test_a_leaders_page_costs_the_same_with_three_times_the_tasks(self):
        url = reverse("ledger:official", args=[self.lin.profile.official_id])
        # The leader's tasks in one group per plan (here one), each group its first rows
        # with their leaders and units: the cost grows with the plans, not the tasks.
        # One more reads the latest reports (14 before).
        self.assert_flat(self.alice, url, self.add_tasks, 15)

    def test_a_task_page_costs_the_same_with_three_times_the_rows(self):
        url = reverse("ledger:task", args=[self.task.pk])
        # The timeline reads the reports in one query (was two, 31); its entries here have no
        # user, so the one query for the names users act under is not made. The
        # 批示 panel adds two: its 批示 and their ids for the timeline.
        self.assert_flat(self.alice, url, self.add_task_rows, 32)

    def test_a_task_page_costs_the_lead_unit_the_same_with_three_times_the_rows(self):
        url = reverse("ledger:task", args=[self.task.pk])
        # The timeline reads the unit's own and the others' reports in one query (was 35);
        # the 批示 panel adds two.
        self.assert_flat(self.bob, url, self.add_task_rows, 36)

    def add_logins(self, count: int) -> None:
        """Units with a liaison each and leaders with a log-in each."""
        start = Official.objects.count()
        for i in range(start, start + count):
            make_user(f"unit{i}", UserRole.UNIT, unit=make_unit(f"测试单位{i}"))
            official = Official.objects.create(name=f"领导{i}", titles=["副区长"])
            make_user(f"leader{i}", UserRole.LEADER, official=official)

    def test_the_people_page_costs_the_same_with_three_times_the_logins(self):
        # The session, the user, the profile, the header's notifications, the leaders, their
        # log-ins in one prefetch, the units and theirs in another.
        response = self.assert_flat(self.alice, reverse("ledger:people"), self.add_logins, 8)
        assert len(response.context["units"]) == Unit.objects.concrete().count()
        assert f"leader{Official.objects.count() - 1}" in response.content.decode()

    def add_placeholders(self, count: int) -> None:
        """Tasks each with a placeholder unit, resolved to a concrete unit."""
        start = self.plan.tasks.count()
        placeholder = Unit.objects.get_or_create(name="相关街镇", kind=UnitKind.PLACEHOLDER)[0]
        for i in range(start, start + count):
            task = make_task(
                self.section, f"x{i}", f"任务 {i}", [(placeholder, AssignmentRole.SUPPORT)]
            )
            resolve_placeholder(task.assignments.get(), [make_unit(f"测试街道{i}")])

    def test_the_placeholder_list_costs_the_same_with_three_times_the_placeholders(self):
        url = reverse("ledger:placeholders")
        # The session, the user, the profile, the header's notifications, the placeholder
        # assignments with their tasks, plans and units, and their resolutions in one prefetch.
        response = self.assert_flat(self.alice, url, self.add_placeholders, 6)
        assert len(response.context["assignments"]) == 3 * FLAT_ROWS
        assert f"测试街道{self.plan.tasks.count() - 1}" in response.content.decode()

    def add_notices(self, count: int) -> None:
        """Notices each with a plan of one task."""
        start = Notice.objects.count()
        for i in range(start, start + count):
            plan = make_plan(make_notice(f"测政办〔2023〕{i}号", uploaded_by=self.alice))
            section = make_section(plan, [self.lin_official])
            make_task(section, "1", f"任务 {i}", [(self.fagai, AssignmentRole.LEAD)])

    def test_the_notice_list_costs_the_same_with_three_times_the_notices(self):
        # The session, the user, the profile, the header's notifications and the notices with
        # their uploaders, plans and active tasks counted in one GROUP BY.
        response = self.assert_flat(self.alice, reverse("ledger:notices"), self.add_notices, 5)
        assert len(response.context["notices"]) == Notice.objects.count()
        assert all(n.task_count == 1 for n in response.context["notices"] if n != self.notice)
