"""Sign and magnitude checks of a value against its target, before it is recorded.

An impossible value (a negative count, a fall of more than 100 %, a share over 100 %) is
refused; a value far off the target's path is saved only once the user confirms it.
"""

from datetime import date
from decimal import Decimal

from duban.lib.text import plain_number as num
from duban.targets.choices import Measure
from duban.targets.models import Target

__all__ = ["FAR_FACTOR", "RATE_SPREAD", "describe_problem", "far_off", "impossible"]

# A quantity or level over three times its whole target is far off the path.
FAR_FACTOR = Decimal(3)
# A rate further from its target than the target itself, and at least this many points, is too.
RATE_SPREAD = Decimal(10)

_NEVER_NEGATIVE = (Measure.COUNT, Measure.INCREASE, Measure.LEVEL, Measure.SHARE)


def impossible(target: Target, value: Decimal) -> str | None:
    """Why `value` cannot be a value of the target, in Chinese; None when it can."""
    rate = target.unit == "%"
    if rate and target.measure == Measure.GROWTH and value < -100:
        return "增速不能低于 -100%"
    if rate and target.measure in (Measure.DECREASE, Measure.SHARE) and value > 100:
        return "降幅或比率不能超过 100%"
    if value < 0 and target.measure in _NEVER_NEGATIVE:
        return "数值不能为负数"
    return None


def far_off(target: Target, value: Decimal, on_date: date) -> str | None:
    """Why `value` lies far off the target's path on `on_date`, in Chinese; None when it does not."""
    goal = target.value_on(on_date)
    if target.unit == "%":
        gap = abs(value - goal)
        if gap > max(abs(goal), RATE_SPREAD):
            return f"与目标{target.describe(goal)}相差 {num(gap)} 个百分点"
        return None
    if goal > 0 and value > goal * FAR_FACTOR:
        return f"是全年（全期）目标 {num(goal)}{target.unit} 的 {value / goal:.1f} 倍"
    if value < 0:
        return "为负数"
    due = target.pace_on(on_date)
    if due > 0 and value < due / 10:
        return f"不到序时应完成的 {num(due)}{target.unit} 的十分之一"
    return None


def describe_problem(target: Target, value: Decimal, problem: str) -> str:
    """A sentence naming the target and the value with what is wrong with it."""
    return f"“{target.metric_text}”{num(value)}{target.unit}：{problem}"
