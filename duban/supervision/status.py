"""The status rules: a pure function from a task's facts to a colour with its reasons.

`evaluate()` knows nothing of the database, so every rule is tested on a small dataclass;
`facts_for_task()` in `duban.supervision.refresh` builds that dataclass from the models.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings

from duban.lib.text import plain_number
from duban.supervision.choices import Colour

__all__ = [
    "DEFAULT_THRESHOLDS",
    "UNSCHEDULED_REASON",
    "MilestoneFact",
    "StatusFacts",
    "TargetFact",
    "Thresholds",
    "Verdict",
    "evaluate",
]

UNSCHEDULED_REASON = "所属计划尚未安排进度报送周期，无从判断是否按计划推进"

DEFAULT_THRESHOLDS = {
    # Percentage points the reported completion may trail 序时进度 before turning yellow / red.
    "yellow_lag": 10,
    "red_lag": 25,
    # Report cycles missed (past due, still without a report) that turn a task yellow / red.
    "yellow_missed": 1,
    "red_missed": 2,
    # Days a confirmed milestone may stay undone past its date before it turns the task red.
    "red_milestone_days": 30,
    # Share of the value due by now that a target may fall short before it turns the task red.
    "red_target_shortfall": 0.2,
}


@dataclass(frozen=True, slots=True)
class Thresholds:
    yellow_lag: float
    red_lag: float
    yellow_missed: int
    red_missed: int
    red_milestone_days: int
    red_target_shortfall: float

    @classmethod
    def from_settings(cls) -> "Thresholds":
        """The defaults overridden by any keys given in settings.DUBAN_STATUS_THRESHOLDS."""
        values = {**DEFAULT_THRESHOLDS, **settings.DUBAN_STATUS_THRESHOLDS}
        return cls(**{name: values[name] for name in DEFAULT_THRESHOLDS})


@dataclass(frozen=True, slots=True)
class TargetFact:
    """One quantitative target as the targets app classes it today."""

    name: str
    state: (
        str  # the label the targets app gives (欠进度 / 达进度 / 超进度 / 已完成), "" without data
    )
    behind: bool = False
    due: float | None = None
    actual: float | None = None
    unit: str = ""


@dataclass(frozen=True, slots=True)
class MilestoneFact:
    """A confirmed milestone whose date has passed and that is not done."""

    title: str
    due_on: date


@dataclass(frozen=True, slots=True)
class StatusFacts:
    today: date
    pace: float  # 序时进度: the share (0..1) of the task's period elapsed by `as_of` (else today)
    percent: float | None = None  # the latest reported completion, 0..100
    as_of: date | None = None  # the day the percent speaks for (the end of its period)
    completed: bool = False  # the office accepted a report of full completion
    deadline: date | None = None
    deadline_text: str = ""
    missed_reports: int = 0  # past-due cycles still without a report from the lead unit
    targets: tuple[TargetFact, ...] = ()
    overdue_milestones: tuple[MilestoneFact, ...] = ()
    previous: str | None = None  # the colour the task had before this evaluation
    scheduled: bool = True  # the task's plan has a reporting cycle (of any state)


@dataclass(frozen=True, slots=True)
class Verdict:
    colour: str
    reasons: tuple[str, ...] = field(default_factory=tuple)


def _lag(facts: StatusFacts) -> float | None:
    if facts.percent is None:
        return None
    return facts.pace * 100 - facts.percent


def _target_reasons(facts: StatusFacts, t: Thresholds, red: list, yellow: list, green: list):
    for target in facts.targets:
        if not target.behind:
            if target.state:
                green.append(f"指标“{target.name}”{target.state}")
            continue
        figures = ""
        if target.due is not None and target.actual is not None:
            due, actual = plain_number(target.due, 1), plain_number(target.actual, 1)
            unit = target.unit
            figures = f"（序时应达 {due}{unit}，实际 {actual}{unit}）"
        reason = f"指标“{target.name}”欠进度{figures}"
        shortfall = None
        if target.due and target.actual is not None:
            # abs(): for a ceiling (不良贷款率 1.2% 以下) being behind means being above it.
            shortfall = abs(target.due - target.actual) / abs(target.due)
        if shortfall is not None and shortfall > t.red_target_shortfall:
            red.append(reason)
        else:
            yellow.append(reason)


def evaluate(facts: StatusFacts, thresholds: Thresholds) -> Verdict:
    """The colour of a task and the reasons for it, in Chinese, most serious first."""
    if facts.completed:
        return Verdict(Colour.DONE, ("已报告全部完成，经督查室审核通过",))
    t = thresholds
    red: list[str] = []
    yellow: list[str] = []
    green: list[str] = []

    if facts.deadline and facts.today > facts.deadline:
        label = facts.deadline_text or f"{facts.deadline:%Y-%m-%d}"
        red.append(f"已过完成时限（{label}）仍未完成")

    if facts.missed_reports >= t.red_missed:
        red.append(f"{facts.missed_reports} 期进度未报送")
    elif facts.missed_reports >= t.yellow_missed:
        yellow.append(f"{facts.missed_reports} 期进度未报送")

    lag = _lag(facts)
    if lag is not None:
        percent, pace = plain_number(facts.percent, 1), plain_number(facts.pace * 100, 1)
        figures = f"完成进度 {percent}%，序时进度 {pace}%"
        if facts.as_of is not None:
            figures = f"截至{facts.as_of.month}月{facts.as_of.day}日{figures}"
        if lag > t.red_lag:
            red.append(f"{figures}，落后 {plain_number(lag, 1)} 个百分点")
        elif lag > t.yellow_lag:
            yellow.append(f"{figures}，落后 {plain_number(lag, 1)} 个百分点")
        else:
            green.append(figures)

    _target_reasons(facts, t, red, yellow, green)

    for milestone in facts.overdue_milestones:
        days = (facts.today - milestone.due_on).days
        reason = f"节点“{milestone.title}”已过期 {days} 天未完成"
        (red if days > t.red_milestone_days else yellow).append(reason)

    if red:
        return Verdict(Colour.RED, tuple(red))
    if yellow:
        made_up = (lag is None or lag <= t.yellow_lag) and facts.missed_reports == 0
        if facts.previous == Colour.RED and not made_up:
            # Hysteresis: one report arriving does not lift a red task; the shortfall must be made up.
            held = "原为严重滞后，差距尚未补齐（须完成进度回到序时进度允许范围内且无欠报），暂不降为滞后"
            return Verdict(Colour.RED, (held, *yellow))
        return Verdict(Colour.YELLOW, tuple(yellow))
    if not facts.scheduled:
        # Green would claim progress nobody was ever asked to report.
        return Verdict(Colour.UNSCHEDULED, (UNSCHEDULED_REASON, *green))
    return Verdict(Colour.GREEN, tuple(green) or ("按计划推进，暂无滞后情形",))
