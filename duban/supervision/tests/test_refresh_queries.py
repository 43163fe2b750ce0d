"""A full status refresh costs a constant number of queries per plan, however many tasks it has."""

from datetime import date
from decimal import Decimal
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext

from duban.ledger.choices import AssignmentRole
from duban.progress.choices import CycleKind, CycleState, MilestoneState, ReportKind, ReportState
from duban.progress.models import Milestone, Report, ReportingCycle
from duban.supervision import refresh
from duban.supervision.refresh import refresh_all
from duban.supervision.tallies import recount_all
from duban.targets.choices import Measure, ValueSource
from duban.targets.models import Measurement, Metric, Target
from duban.testing import BaseTestCase, make_plan, make_section, make_task

DAY = date(2022, 7, 10)
# Recounting every tally once, however many plans, leaders and units: counting (plans,
# leaders, units 2), deleting and storing rows (2 a table), the savepoint (2) and, on
# PostgreSQL, the advisory lock (SQLite's transactions need none).
RECOUNT_ALL = 12 + (connection.vendor == "postgresql")
# The tasks; reading what the rules need (lead units 2, reports, cycles, milestones,
# targets 2, values, statuses); writing statuses, history and audit; the savepoint.
FIRST_REFRESH = 15
# The same, with statuses both to update and to create.
LATER_REFRESH = 16
# The same, with every status stored and none changing: nothing to create, update or log.
STEADY_REFRESH = 13


class RefreshQueriesTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.metric = Metric.objects.create(name="新增就业")
        cls.cycle = ReportingCycle.objects.create(
            plan=cls.plan,
            kind=CycleKind.QUARTERLY,
            name="2022年第一季度",
            period_start=date(2022, 1, 1),
            period_end=date(2022, 3, 31),
            due_on=date(2022, 4, 10),
            state=CycleState.OPEN,
        )
        ReportingCycle.objects.create(
            plan=cls.plan,
            kind=CycleKind.QUARTERLY,
            name="2022年第二季度",
            period_start=date(2022, 4, 1),
            period_end=date(2022, 6, 30),
            due_on=date(2022, 7, 5),
            state=CycleState.OPEN,
        )

    def add_tasks(self, count: int, section=None) -> None:
        """Tasks with everything the rules read: a report, a target with a value, a milestone."""
        for i in range(count):
            task = make_task(
                section or self.section, f"x{i}", f"任务 {i}", [(self.fagai, AssignmentRole.LEAD)]
            )
            Report.objects.create(
                task=task,
                unit=self.fagai,
                cycle=self.cycle,
                kind=ReportKind.CONSOLIDATED,
                progress="推进中",
                percent_complete=20,
                state=ReportState.ACCEPTED,
            )
            target = Target.objects.create(
                task=task,
                metric=self.metric,
                metric_text="新增就业",
                measure=Measure.INCREASE,
                value=Decimal(100),
                unit="人",
            )
            Measurement.objects.create(
                target=target,
                on_date=date(2022, 6, 30),
                value=Decimal(30),
                unit="人",
                source=ValueSource.OFFICE,
            )
            Milestone.objects.create(
                task=task,
                year=2022,
                seq=1,
                title="开工",
                description="完成开工",
                due_on=date(2022, 5, 1),
                state=MilestoneState.CONFIRMED,
            )

    def refresh_queries(self) -> int:
        """The queries of a full refresh beside its recount of every tally (RECOUNT_ALL)."""
        with CaptureQueriesContext(connection) as queries:
            refresh_all(DAY)
        return len(queries) - RECOUNT_ALL

    def test_recounting_every_tally_costs_the_same_for_more_plans_leaders_and_units(self):
        self.add_tasks(2)
        refresh_all(DAY)
        with CaptureQueriesContext(connection) as few:
            recount_all()
        other = make_section(make_plan(self.notice, annex="1", position=1), [self.wang_official])
        make_task(other, "1", "任务", [(self.jiaoyu, AssignmentRole.LEAD)])
        self.add_tasks(5, other)
        refresh_all(DAY)
        with CaptureQueriesContext(connection) as more:
            recount_all()
        assert len(few) == len(more) == RECOUNT_ALL

    def test_a_full_refresh_costs_a_constant_number_of_queries_per_plan(self):
        self.add_tasks(3)
        assert self.refresh_queries() == FIRST_REFRESH
        self.add_tasks(20)
        assert self.refresh_queries() == LATER_REFRESH
        self.add_tasks(40)
        assert self.refresh_queries() == LATER_REFRESH

    def test_each_plan_adds_a_constant_number_of_queries(self):
        other = make_section(make_plan(self.notice, annex="1", position=1), [self.lin_official])
        self.add_tasks(3)
        self.refresh_queries()
        one_plan = self.refresh_queries()
        assert one_plan == STEADY_REFRESH
        self.add_tasks(3, other)
        self.refresh_queries()
        # The tasks are read once; everything else once per plan.
        two_plans = self.refresh_queries()
        assert two_plans == 1 + 2 * (one_plan - 1)
        self.add_tasks(20)
        self.add_tasks(20, other)
        self.refresh_queries()
        assert self.refresh_queries() == two_plans

    def test_a_large_plan_costs_a_constant_number_of_queries_per_batch(self):
        self.add_tasks(7)  # beside the cast's two: nine tasks, three batches
        with mock.patch.object(refresh, "BATCH", 3):
            self.refresh_queries()
            # The tasks are read once; everything else once per batch, as for three plans.
            assert self.refresh_queries() == 1 + 3 * (STEADY_REFRESH - 1)
            self.add_tasks(3)
            self.refresh_queries()
            assert self.refresh_queries() == 1 + 4 * (STEADY_REFRESH - 1)
