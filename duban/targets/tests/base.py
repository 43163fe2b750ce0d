"""The targets tests' additions to the cast (duban.testing): a five-year and an annual plan.

Both plans belong to a notice of their own (`notice` here), so that notice-wide work (syncing
targets, proposing links) sees only the tasks the tests add, not the cast's; each plan has one
section and no leader. charlie's unit (区财政局) leads the revenue tasks, dave's (区教育局) none.
"""

from datetime import date, timedelta

from duban.ledger.choices import AssignmentRole, PlanKind
from duban.ledger.models import Notice, Plan, Task, Unit
from duban.progress.choices import CycleKind, CycleState, ReportKind, ReportState
from duban.progress.models import Report, ReportingCycle
from duban.targets.sync import sync_targets
from duban.testing import BaseTestCase, make_notice, make_plan, make_section, make_task


def plan_of_years(notice: Notice, kind: str, start_year: int, end_year: int) -> Plan:
    """A plan of `notice` for the years given, with one section and no leader."""
    plan = make_plan(
        notice,
        kind,
        annex=str(notice.plans.count() + 1),
        title=f"{start_year}-{end_year} {kind}",
        start_year=start_year,
        end_year=end_year,
        position=notice.plans.count(),
    )
    make_section(plan, [], heading="一、牵头重点工作")
    return plan


def task_with_targets(plan: Plan, text: str, targets=(), unit: Unit | None = None) -> Task:
    """A task at the end of `plan`, led by `unit`, with `targets` synced as an import does."""
    seq = str(plan.tasks.count() + 1)
    units = [(unit, AssignmentRole.LEAD)] if unit is not None else []
    task = make_task(plan.sections.first(), seq, text, units)
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


class TargetsTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.notice = make_notice("某政办〔2022〕4号", issuer="某区人民政府办公室")
        cls.five_year = plan_of_years(cls.notice, PlanKind.FIVE_YEAR, 2022, 2026)
        cls.annual = plan_of_years(cls.notice, PlanKind.ANNUAL, 2022, 2022)
