"""序时进度: whether a target's latest value is behind, on or ahead of time-elapsed pace.

The rules, so the supervision status can cite them: a quantity (count, increase, an absolute
decrease) is due in proportion to the months elapsed — m/12 of an annual target by the end of
month m, or the elapsed share of a multi-year period for a five-year total. A growth rate
compares the cumulative year-on-year rate with the target rate; a level or a share compares
the level itself. A value is judged against the target in force on its own date (任务调整).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q

from duban.lib import clock
from duban.lib.text import plain_number as num
from duban.targets.choices import Measure, Pace, TargetPeriod
from duban.targets.models import Measurement, Target

__all__ = ["AHEAD_MARGIN", "PaceStatus", "completion_ratio", "status_of", "values_in_effect"]

# A value beating what is due by more than a tenth of it counts as 超进度 rather than 达进度.
AHEAD_MARGIN = Decimal("0.1")


def values_in_effect(targets) -> dict[int, list[Measurement]]:
    """Each target's values in effect (`Target.measurements_in_effect`) by its pk, in one query."""
    shared = Q(target__isnull=True, metric__in={target.metric_id for target in targets})
    by_key = defaultdict(list)
    for value in Measurement.objects.filter(Q(target__in=targets) | shared):
        by_key[value.target_id or (value.metric_id, value.unit)].append(value)
    return {t.pk: [*by_key[t.pk], *by_key[(t.metric_id, t.unit)]] for t in targets}


def completion_ratio(target: Target, value: Decimal, goal: Decimal) -> Decimal | None:
    """Percent of the target attained, for quantities and levels; None for rates."""
    if not (target.is_prorated or (target.measure == Measure.LEVEL and target.unit != "%")):
        return None
    if target.lower_is_better:
        return goal / value * 100 if value else None
    return value / goal * 100 if goal else None


@dataclass(frozen=True)
class PaceStatus:
    """A target's 序时进度 class with the numbers behind it, and the sentence that explains it."""

    pace: str
    goal: Decimal | None = None
    due: Decimal | None = None
    value: Decimal | None = None
    measured_on: date | None = None
    revised: bool = False
    explanation: str = "暂无数据。"

    @property
    def label(self) -> str:
        return Pace(self.pace).label


def _latest(target: Target, on_date: date, measurements=None) -> Measurement | None:
    """The value the target is judged on; `measurements`, when given, are its values in effect."""
    plan = target.task.plan
    # An annual target is judged on its own year's values only.
    year = plan.start_year if target.period in (TargetPeriod.ANNUAL, "") else None
    if measurements is not None:
        values = [
            m for m in measurements if m.counts_on(on_date) and (not year or m.on_date.year == year)
        ]
        return max(values, key=lambda m: (m.on_date, m.created_at), default=None)
    values = target.measurements_in_effect().filter(on_date__lte=on_date)
    values = values.exclude(counts_from__gt=on_date)
    if year:
        values = values.filter(on_date__year=year)
    return values.order_by("on_date", "created_at").last()


def _is_done(target: Target, value: Decimal, goal: Decimal, measured_on: date) -> bool:
    if not target.meets(value, goal):
        return False
    if target.is_prorated or (target.measure == Measure.LEVEL and target.unit != "%"):
        return True
    # A rate or share is only settled by the year's (or the period's) final figure.
    plan = target.task.plan
    last_year = plan.end_year if target.period != TargetPeriod.ANNUAL else plan.start_year
    return measured_on.month == 12 and (last_year is None or measured_on.year >= last_year)


def _classify(target: Target, value: Decimal, due: Decimal) -> str:
    if not target.meets(value, due):
        return Pace.BEHIND
    if target.lower_is_better:
        ahead = value <= due * (1 - AHEAD_MARGIN)
    else:
        ahead = value >= due * (1 + AHEAD_MARGIN) if due > 0 else value > due
    return Pace.AHEAD if ahead else Pace.ON_PACE


def status_of(target: Target, on_date: date | None = None, measurements=None) -> PaceStatus:
    """The 序时进度 class of the target's latest value on or before `on_date` (today by default).

    `measurements` spares a query when a batch already loaded the target's values in effect.
    """
    on_date = on_date or clock.today()
    measurement = _latest(target, on_date, measurements)
    if measurement is None:
        return PaceStatus(Pace.NO_DATA, goal=target.value_on(on_date))
    measured_on, value = measurement.on_date, measurement.value
    goal = target.value_on(measured_on)
    due = target.pace_on(measured_on)
    pace = (
        Pace.DONE if _is_done(target, value, goal, measured_on) else _classify(target, value, due)
    )
    revised = goal != target.value
    unit = target.unit
    when = f"截至{measured_on.year}年{measured_on.month}月"
    goal_text = f"目标{target.describe(goal)}" + ("（任务调整后）" if revised else "")
    if target.is_prorated:
        share = target.elapsed_share(measured_on)
        basis = f"序时应完成{num(due)}{unit}（{share:.0%}），实际完成{num(value)}{unit}"
    elif target.measure == Measure.GROWTH:
        basis = f"累计增长{num(value)}{unit}"
    else:
        basis = f"实际为{num(value)}{unit}"
    explanation = f"{when}，{goal_text}，{basis}，{Pace(pace).label}。"
    return PaceStatus(pace, goal, due, value, measured_on, revised, explanation)
