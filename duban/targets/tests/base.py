"""Ledger rows built in code for the targets tests: a notice with a five-year and an annual plan."""

from datetime import date, timedelta

from django.test import TestCase

from duban.accounts.choices import UserRole
from duban.ledger.choices import AssignmentRole, PlanKind
from duban.ledger.models import Assignment, Notice, Plan, Section, Task, Unit
from duban.progress.choices import CycleKind, CycleState, ReportKind, ReportState
from duban.progress.models import Report, ReportingCycle
from duban.targets.sync import sync_targets
from duban.testing import make_user


def make_notice(
    issuer: str = "某区人民政府办公室", doc_number: str = "某政办〔2022〕4号"
) -> Notice:
    return Notice.objects.create(
        doc_number=doc_number,
        issuer=issuer,
        source_format="txt",
        file_hash=doc_number.encode().hex()[:64],
        file_size=1,
    )


def make_plan(notice: Notice, kind: str, start_year: int, end_year: int) -> Plan:
    plan = Plan.objects.create(
        notice=notice,
        title=f"{start_year}-{end_year} {kind}",
        kind=kind,
        start_year=start_year,
        end_year=end_year,
        position=notice.plans.count(),
    )
    Section.objects.create(plan=plan, heading="一、牵头重点工作")
    return plan


def make_task(plan: Plan, text: str, targets=(), unit: Unit | None = None) -> Task:
    position = plan.tasks.count()
    task = Task.objects.create(
        plan=plan,
        section=plan.sections.first(),
        seq=str(position + 1),
        text=text,
        position=position,
    )
    if unit is not None:
        Assignment.objects.create(task=task, unit=unit, role=AssignmentRole.LEAD)
    if targets:
        sync_targets(task, list(targets))
    return task


def accepted_report(task: Task, unit: Unit, user, period_end: date) -> Report:
    """The lead unit's consolidated report on `task` for the month ending `period_end`,
    submitted by `user` and accepted: what a unit's values are recorded with."""
    cycle, _ = ReportingCycle.objects.get_or_create(
        plan=task.plan,
        kind=CycleKind.MONTHLY,
        period_start=period_end.replace(day=1),
        period_end=period_end,
        defaults={
            "name": f"{period_end:%Y年%-m月}",
            "due_on": period_end + timedelta(days=5),
            "state": CycleState.OPEN,
        },
    )
    return Report.objects.create(
        task=task,
        unit=unit,
        cycle=cycle,
        kind=ReportKind.CONSOLIDATED,
        progress="按月报送。",
        state=ReportState.ACCEPTED,
        submitted_by=user,
    )


class TargetsTestCase(TestCase):
    """alice is the office; bob reports for 区财政局 (the revenue tasks); charlie's unit has none."""

    @classmethod
    def setUpTestData(cls):
        cls.finance = Unit.objects.create(name="区财政局")
        cls.education = Unit.objects.create(name="区教育局")
        cls.alice = make_user("alice", UserRole.OFFICE)
        cls.bob = make_user("bob", UserRole.UNIT, unit=cls.finance)
        cls.charlie = make_user("charlie", UserRole.UNIT, unit=cls.education)
        cls.notice = make_notice()
        cls.five_year = make_plan(cls.notice, PlanKind.FIVE_YEAR, 2022, 2026)
        cls.annual = make_plan(cls.notice, PlanKind.ANNUAL, 2022, 2022)
