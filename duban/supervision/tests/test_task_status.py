"""TaskStatus and its history, computed from cycles, reports and milestones with frozen time."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from duban.audit.models import LogEntry
from duban.ledger.models import Task
from duban.progress.choices import CycleKind, CycleState, MilestoneState, ReportKind, ReportState
from duban.progress.models import Milestone, Report, ReportingCycle
from duban.progress.periods import monthly_periods
from duban.supervision.choices import Colour
from duban.supervision.models import StatusChange, TaskStatus
from duban.supervision.refresh import facts_for_task, refresh_all, refresh_task
from duban.targets.choices import Comparator, Measure, TargetPeriod, ValueSource
from duban.targets.models import Measurement, Metric, Target
from duban.testing import BaseTestCase

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(*args):
    return time_machine.travel(datetime(*args, 10, 0, tzinfo=SHANGHAI), tick=False)


class TaskStatusTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.cycles = [
            ReportingCycle.objects.create(
                plan=cls.plan,
                kind=CycleKind.MONTHLY,
                name=p.name,
                period_start=p.start,
                period_end=p.end,
                due_on=p.due_on,
                state=CycleState.OPEN,
            )
            for p in monthly_periods(2022)[:6]
        ]

    def report(self, month, percent, state=ReportState.SUBMITTED, task=None, unit=None):
        report, _ = Report.objects.update_or_create(
            cycle=self.cycles[month - 1],
            task=task or self.task,
            unit=unit or self.fagai,
            defaults={
                "kind": ReportKind.CONSOLIDATED,
                "progress": "完成投资 1 亿元",
                "percent_complete": percent,
                "state": state,
            },
        )
        return report

    def test_facts_count_the_missed_cycles_and_the_latest_percent(self):
        self.report(1, 10)
        facts = facts_for_task(self.task, date(2022, 4, 10))
        assert facts.missed_reports == 2  # February (due 5 March) and March (due 5 April)
        assert facts.percent == 10
        assert facts.deadline == date(2022, 12, 31)
        # The percent is judged at the end of January, the period it reports on.
        assert facts.as_of == date(2022, 1, 31)
        assert round(facts.pace, 3) == round(31 / 365, 3)

    def test_a_returned_report_is_owed_again_and_its_percent_ignored(self):
        self.report(1, 10)
        self.report(2, 90, state=ReportState.RETURNED)
        facts = facts_for_task(self.task, date(2022, 3, 10))
        assert facts.missed_reports == 1
        assert facts.percent == 10

    def test_a_draft_report_counts_as_missing(self):
        self.report(1, 10, state=ReportState.DRAFT)
        assert facts_for_task(self.task, date(2022, 2, 10)).missed_reports == 1

    def test_the_tasks_dated_deadline_is_used_and_its_text_shown(self):
        self.task.deadline, self.task.due = "3月底前", date(2022, 3, 31)
        self.task.save()
        facts = facts_for_task(self.task, date(2022, 4, 10))
        assert facts.deadline == date(2022, 3, 31)
        assert facts.deadline_text == "3月底前"

    def test_the_first_refresh_creates_the_status_and_its_history(self):
        self.report(1, 10)
        with at(2022, 2, 10):
            status = refresh_task(self.task)
        assert status.colour == Colour.GREEN
        change = StatusChange.objects.get()
        assert (change.from_colour, change.to_colour) == ("", Colour.GREEN)
        assert LogEntry.objects.filter(action="supervision.status.changed").count() == 1

    def test_an_unchanged_colour_adds_no_history(self):
        self.report(1, 10)
        with at(2022, 2, 10):
            refresh_task(self.task)
            refresh_task(self.task)
        assert StatusChange.objects.count() == 1

    def test_a_report_accepted_at_full_completion_makes_it_done(self):
        self.report(1, 100, state=ReportState.ACCEPTED)
        with at(2022, 2, 10):
            assert refresh_task(self.task).colour == Colour.DONE

    def test_red_turns_yellow_only_after_the_shortfall_is_made_up(self):
        self.report(1, 10)
        Milestone.objects.create(
            task=self.task,
            year=2022,
            seq=1,
            title="完成方案",
            description="完成实施方案",
            due_on=date(2022, 3, 31),
            state=MilestoneState.CONFIRMED,
        )
        with at(2022, 4, 10):
            # February and March missed: red.
            assert refresh_task(self.task).colour == Colour.RED

            # The March report arrives (15%), February is still missing: one report is not enough.
            self.report(3, 15)
            status = refresh_task(self.task)
            assert status.colour == Colour.RED
            assert "差距尚未补齐" in status.reasons[0]

            # February is sent late and March corrected to 25%: made up, only the milestone lags.
            self.report(2, 20)
            self.report(3, 25)
            status = refresh_task(self.task)
            assert status.colour == Colour.YELLOW
            assert status.reasons == ["节点“完成方案”已过期 10 天未完成"]

        history = list(
            StatusChange.objects.order_by("at", "pk").values_list("from_colour", "to_colour")
        )
        assert history == [("", Colour.RED), (Colour.RED, Colour.YELLOW)]

    def test_refresh_all_counts_the_colours_and_dry_run_stores_nothing(self):
        self.report(1, 10)
        counts = refresh_all(date(2022, 2, 10), dry_run=True)
        assert counts == {Colour.GREEN: 1, Colour.YELLOW: 1}  # the other one missed January
        assert TaskStatus.objects.count() == 0
        assert refresh_all(date(2022, 2, 10)) == counts
        assert TaskStatus.objects.count() == 2

    def test_facts_carry_the_targets_pace_and_skip_those_without_data(self):
        metric = Metric.objects.create(name="高新技术企业")
        for text, value in (("新增高新技术企业", 38), ("新增科技型中小企业", None)):
            target = Target.objects.create(
                task=self.task,
                metric=Metric.objects.create(name=text) if value is None else metric,
                metric_text=text,
                measure=Measure.INCREASE,
                comparator=Comparator.GE,
                value=Decimal(100),
                unit="家",
                period=TargetPeriod.ANNUAL,
            )
            if value is not None:
                Measurement.objects.create(
                    target=target,
                    on_date=date(2022, 6, 30),
                    value=Decimal(value),
                    unit="家",
                    source=ValueSource.OFFICE,
                )
        behind, no_data = facts_for_task(self.task, date(2022, 7, 10)).targets
        assert (behind.name, behind.behind, behind.due, behind.actual) == (
            "新增高新技术企业",
            True,
            50,
            38,
        )
        assert behind.unit == "家"
        assert (no_data.state, no_data.behind) == ("", False)


class ColourCountsTestCase(BaseTestCase):
    def test_the_colours_are_counted_without_joining_every_task_for_an_ordering(self):
        refresh_all()
        with CaptureQueriesContext(connection) as captured:
            counts = TaskStatus.counts(Task.objects.active())
        self.assertEqual(sum(counts.values()), Task.objects.active().count())
        self.assertNotIn("JOIN", captured[0]["sql"])
