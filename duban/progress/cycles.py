"""Generating a year's reporting cycles for a plan."""

from datetime import date

from django.db import transaction

from duban.audit.log import record
from duban.progress.actions import CycleAction
from duban.progress.choices import CycleKind
from duban.progress.models import ReportingCycle
from duban.progress.periods import ReportingPeriod, monthly_periods, quarterly_periods

__all__ = ["custom_period", "generate_cycles"]


def custom_period(start: date, end: date, due_on: date, name: str = "") -> ReportingPeriod:
    """A custom window; refused when its dates are out of order."""
    if not start <= end:
        raise ValueError("起始日期不能晚于截止日期。")
    if due_on < start:
        raise ValueError("报送截止日期不能早于起始日期。")
    return ReportingPeriod(name or f"{start:%Y-%m-%d}至{end:%Y-%m-%d}", start, end, due_on)


@transaction.atomic
def generate_cycles(
    plan, year: int, kind: str, *, due_day: int = 5, periods=(), user=None
) -> list[ReportingCycle]:
    """Create the plan's cycles of `kind` for `year` (or the given custom periods) as drafts.

    Monthly cycles are due on `due_day` of the next month, quarterly ones likewise after the
    quarter. Cycles that exist already are left alone; the new ones are returned.
    """
    if kind == CycleKind.MONTHLY:
        periods = monthly_periods(year, due_day)
    elif kind == CycleKind.QUARTERLY:
        periods = quarterly_periods(year, due_day)
    elif not periods:
        raise ValueError("自定义周期需要给出起止日期和报送截止日期。")
    created = []
    for period in periods:
        cycle, new = ReportingCycle.objects.get_or_create(
            plan=plan,
            kind=kind,
            period_start=period.start,
            period_end=period.end,
            defaults={"name": period.name, "due_on": period.due_on},
        )
        if new:
            created.append(cycle)
            record(
                CycleAction.CREATED,
                cycle,
                user=user,
                data={"kind": kind, "due_on": period.due_on.isoformat()},
            )
    return created
