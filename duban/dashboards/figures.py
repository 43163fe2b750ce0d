"""The figures of the overview (一屏统揽) and the unit scorecard, one small query function each.

A figure is a dict the JSON endpoints serve as is and the pages print as a table:
``{"id", "title", "kind": "bar"|"line"|"gauge", "categories": [...], "series": [{"name",
"key", "data": [{"value", "url"}]}]}``. A count carries the URL of the list that shows the
same tasks, 督办单 or problems with the same filters (ledger, problem and notice lists); a
historical count or a rate has no list, so its url is None.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from duban.accounts.access import is_office
from duban.ledger.access import visible_tasks
from duban.ledger.models import Official, Plan, Task, Unit
from duban.lib import clock
from duban.lib.ages import AGES, date_range
from duban.lib.pacing import month_end
from duban.progress.choices import ReportKind, ReviewDecision
from duban.progress.models import Report, ReportingCycle, Review
from duban.progress.models.rules import DELIVERED_STATES, led_task_ids
from duban.supervision import tallies
from duban.supervision.choices import Colour, NoticeState
from duban.supervision.models import (
    LeaderTally,
    PlanTally,
    Problem,
    StatusChange,
    SupervisionNotice,
    TaskStatus,
    UnitTally,
)
from duban.targets.choices import LinkState, Measure, Pace, TargetPeriod
from duban.targets.models import Target
from duban.targets.pacing import status_of

# Worst first: the order of stacked segments and legends.
COLOURS = [Colour.RED, Colour.YELLOW, Colour.UNSCHEDULED, Colour.GREEN, Colour.DONE]
UNITS_SHOWN = 15


@dataclass
class Scope:
    """The tasks a figure counts and the filters that make the lists show the same ones."""

    tasks: QuerySet[Task]
    params: dict = field(default_factory=dict)
    # Every task in scope, withdrawn ones too: the problem and 督办单 lists count on those.
    all_tasks: QuerySet[Task] | None = None
    # Whether the scope is every active task, which the tallies kept per plan, leader and unit
    # (duban.supervision.tallies) count without reading each task's status.
    everything: bool = False

    def url(self, name: str, **params) -> str:
        query = urlencode({**self.params, **params})
        return f"{reverse(name)}?{query}"


def overview_scope(user, leader: Official | None = None) -> Scope:
    """The active tasks the user sees, narrowed to a leader's portfolio when one is given."""
    visible = visible_tasks(user)
    if leader is None:
        return Scope(visible.active(), all_tasks=visible, everything=is_office(user))
    portfolio = visible.for_official(leader)
    return Scope(portfolio.active(), {"leader": leader.pk}, all_tasks=portfolio)


def _colour_series(scope: Scope, rows: list[tuple[object, str, dict]], param: str) -> dict:
    """Stacked-bar series: one per colour, a segment per row (key, label, {colour: n})."""
    # A link per segment, thousands for a province's leaders: the scope's part is built once,
    # and the keys (ids) and colours (plain words) need no encoding.
    ledger = scope.url("ledger:tasks") + ("&" if scope.params else "")
    return {
        "categories": [label for _, label, _ in rows],
        "series": [
            {
                "name": colour.label,
                "key": colour.value,
                "data": [
                    {
                        "value": counts.get(colour, 0),
                        "url": f"{ledger}{param}={key}&colour={colour.value}",
                    }
                    for key, _, counts in rows
                ],
            }
            for colour in COLOURS
        ],
    }


def _totals(scope: Scope) -> dict[str, int]:
    return PlanTally.totals() if scope.everything else TaskStatus.counts(scope.tasks)


def status_totals(scope: Scope) -> dict:
    counts = _totals(scope)
    return {
        "id": "totals",
        "title": "任务状态",
        "kind": "bar",
        "categories": ["全部任务"],
        "series": [
            {
                "name": colour.label,
                "key": colour.value,
                "data": [
                    {
                        "value": counts.get(colour, 0),
                        "url": scope.url("ledger:tasks", colour=colour.value),
                    }
                ],
            }
            for colour in COLOURS
        ],
    }


def status_by_plan(scope: Scope) -> dict:
    counts = PlanTally.every() if scope.everything else tallies.by_plan(scope.tasks)
    plans = Plan.objects.filter(pk__in=counts).order_by("notice_id", "annex", "pk")
    rows = [(p.pk, p.title, counts[p.pk]) for p in plans]
    return {
        "id": "by-plan",
        "title": "按计划",
        "kind": "bar",
        **_colour_series(scope, rows, "plan"),
    }


def status_by_leader(scope: Scope) -> dict:
    counts = LeaderTally.every() if scope.everything else tallies.by_leader(scope.tasks)
    officials = Official.objects.filter(pk__in=counts).order_by("name")
    rows = [(o.pk, o.name, counts[o.pk]) for o in officials]
    return {
        "id": "by-leader",
        "title": "按牵头领导",
        "kind": "bar",
        **_colour_series(scope, rows, "leader"),
    }


def status_by_unit(scope: Scope, limit: int = UNITS_SHOWN) -> dict:
    """The units with the most red, then yellow, tasks first (the first listed among equals)."""
    if scope.everything:
        worst = UnitTally.objects.select_related("unit").order_by("-red", "-yellow", "unit")
        rows = [(t.unit_id, t.unit.name, t.counts()) for t in worst[:limit]]
    else:
        counts = tallies.by_unit(scope.tasks)
        ranked = sorted(
            counts, key=lambda u: (-counts[u][Colour.RED], -counts[u][Colour.YELLOW], u)
        )
        names = dict(Unit.objects.filter(pk__in=ranked[:limit]).values_list("pk", "name"))
        rows = [(u, names[u], counts[u]) for u in ranked[:limit]]
    return {
        "id": "by-unit",
        "title": f"按责任单位（红黄任务最多的 {limit} 个）",
        "kind": "bar",
        **_colour_series(scope, rows, "unit"),
    }


def _cycles(scope: Scope, today: date) -> list[tuple[str, list[ReportingCycle]]]:
    """This year's cycles of the scope's plans that have ended, grouped by their period."""
    cycles = ReportingCycle.objects.filter(
        plan__in=scope.tasks.values("plan_id"), period_end__year=today.year, period_end__lte=today
    ).order_by("period_end", "plan_id")
    groups: dict = {}
    for cycle in cycles:
        groups.setdefault((cycle.period_start, cycle.period_end), []).append(cycle)
    return [(group[0].name, group) for group in groups.values()]


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


def status_trend(scope: Scope, today: date | None = None) -> dict:
    """Tasks of each colour at the end of each cycle of the year (from the status history),
    and now; only the current counts have a list."""
    today = today or clock.today()
    groups = _cycles(scope, today)
    changes = StatusChange.objects.filter(task__in=scope.tasks).order_by("at", "pk")
    history = list(changes.values_list("task_id", "to_colour", "at"))
    points = []
    for _, group in groups:
        end, colour_of = _end_of(group[0].period_end), {}
        for task_id, colour, at in history:
            if at > end:
                break
            colour_of[task_id] = colour
        # Before the first status was computed there is nothing to count, not zero.
        points.append(Counter(colour_of.values()) if colour_of else None)
    now = _totals(scope)
    return {
        "id": "trend",
        "title": "红黄绿趋势（各报送周期末）",
        "kind": "line",
        "categories": [name for name, _ in groups] + ["当前"],
        "series": [
            {
                "name": colour.label,
                "key": colour.value,
                "data": [{"value": p and p.get(colour, 0), "url": None} for p in points]
                + [
                    {
                        "value": now.get(colour, 0),
                        "url": scope.url("ledger:tasks", colour=colour.value),
                    }
                ],
            }
            for colour in COLOURS
        ],
    }


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def reporting_rates(scope: Scope, today: date | None = None) -> dict:
    """报送率 and on-time rate per cycle: consolidated reports delivered (and delivered by
    the due date) out of the tasks reported on in the cycle's plan."""
    today = today or clock.today()
    reported = scope.tasks.reported()
    rows = []
    for name, group in _cycles(scope, today):
        expected = delivered = on_time = 0
        for cycle in group:
            tasks = reported.filter(plan_id=cycle.plan_id)
            expected += tasks.count()
            reports = Report.objects.filter(
                cycle=cycle,
                kind=ReportKind.CONSOLIDATED,
                state__in=DELIVERED_STATES,
                task__in=tasks,
            )
            for submitted_at in reports.values_list("submitted_at", flat=True):
                delivered += 1
                on_time += submitted_at is not None and (
                    timezone.localdate(submitted_at) <= cycle.due_on
                )
        rows.append((name, expected, delivered, on_time))
    return {
        "id": "reporting",
        "title": "报送率与按时报送率（%）",
        "kind": "line",
        "unit": "%",
        "categories": [name for name, *_ in rows],
        "series": [
            {
                "name": "报送率",
                "key": "delivered",
                "data": [{"value": _percent(d, e), "url": None} for _, e, d, _ in rows],
            },
            {
                "name": "按时报送率",
                "key": "on_time",
                "data": [{"value": _percent(o, e), "url": None} for _, e, _, o in rows],
            },
        ],
        "counts": [
            {"cycle": n, "expected": e, "delivered": d, "on_time": o} for n, e, d, o in rows
        ],
    }


def targets_pace(scope: Scope, today: date | None = None) -> dict:
    """Per family of target (增长, 达到, 新增…): the share of targets with a value that are
    behind their 序时进度."""
    today = today or clock.today()
    targets = Target.objects.active().for_tasks(scope.tasks).select_related("task__plan")
    paces: dict = defaultdict(Counter)
    for target in targets:
        paces[target.measure][status_of(target, today).pace] += 1
    families = [m for m in Measure if m in paces]
    # A gauge for each family with a value to judge; the counts list every family.
    gauged = [m for m in families if paces[m].total() > paces[m][Pace.NO_DATA]]
    return {
        "id": "pace",
        "title": "欠序时进度的指标（按类别，%）",
        "kind": "gauge",
        "categories": [m.label for m in gauged],
        "series": [
            {
                "name": "欠进度占比",
                "key": "behind",
                "data": [
                    {
                        "value": _percent(
                            paces[m][Pace.BEHIND], paces[m].total() - paces[m][Pace.NO_DATA]
                        ),
                        "url": None,
                    }
                    for m in gauged
                ],
            }
        ],
        "counts": [
            {
                "family": m.label,
                "behind": paces[m][Pace.BEHIND],
                "measured": paces[m].total() - paces[m][Pace.NO_DATA],
                "total": paces[m].total(),
            }
            for m in families
        ],
    }


def _by_age(queryset, started: str, today: date) -> list[int]:
    numbers = []
    for bracket in AGES:
        first, last = date_range(bracket, today)
        within = queryset.filter(**{f"{started}__date__lte": last})
        if first is not None:
            within = within.filter(**{f"{started}__date__gte": first})
        numbers.append(within.count())
    return numbers


def open_by_age(scope: Scope, today: date | None = None) -> dict:
    """Open problems and pending 督办单, by how long ago they were raised or issued."""
    today = today or clock.today()
    problems = Problem.objects.open().filter(task__in=scope.all_tasks)
    notices = SupervisionNotice.objects.filter(task__in=scope.all_tasks, state=NoticeState.ISSUED)
    lists = [
        ("未解决问题", problems, "raised_at", "supervision:problems"),
        ("待反馈督办单", notices, "issued_at", "supervision:notices"),
    ]
    numbers = [_by_age(qs, started, today) for _, qs, started, _ in lists]
    return {
        "id": "ages",
        "title": "问题与督办单（按已过天数）",
        "kind": "bar",
        "categories": [label for label, *_ in lists],
        "series": [
            {
                "name": label,
                "key": bracket,
                "data": [
                    {"value": numbers[i][j], "url": scope.url(name, open=1, age=bracket)}
                    for i, (*_, name) in enumerate(lists)
                ],
            }
            for j, (bracket, (label, *_)) in enumerate(AGES.items())
        ],
    }


OVERVIEW = {
    "totals": status_totals,
    "by-plan": status_by_plan,
    "by-leader": status_by_leader,
    "by-unit": status_by_unit,
    "trend": status_trend,
    "reporting": reporting_rates,
    "pace": targets_pace,
    "ages": open_by_age,
}


def unit_reporting(unit: Unit, tasks: QuerySet[Task], today: date | None = None) -> list[dict]:
    """Per cycle of the year: the tasks the unit consolidates, its reports delivered, on time."""
    today = today or clock.today()
    led = tasks.active().filter(pk__in=led_task_ids(unit.pk)).reported()
    scope = Scope(led)
    rows = []
    for name, group in _cycles(scope, today):
        expected = delivered = on_time = 0
        for cycle in group:
            expected += led.filter(plan_id=cycle.plan_id).count()
            reports = Report.objects.filter(
                cycle=cycle, unit=unit, kind=ReportKind.CONSOLIDATED, state__in=DELIVERED_STATES
            )
            for submitted_at in reports.values_list("submitted_at", flat=True):
                delivered += 1
                on_time += submitted_at is not None and (
                    timezone.localdate(submitted_at) <= cycle.due_on
                )
        rows.append(
            {
                "cycle": name,
                "expected": expected,
                "delivered": delivered,
                "on_time": on_time,
                "rate": _percent(on_time, expected),
            }
        )
    return rows


def unit_record(unit: Unit, tasks: QuerySet[Task], today: date | None = None) -> dict:
    """A unit's year in numbers: tasks by colour, returned reports, 督办单 and late answers."""
    today = today or clock.today()
    own = tasks.active().for_unit(unit)
    colours = TaskStatus.counts(own)
    notices = SupervisionNotice.objects.for_unit(unit).filter(issued_at__year=today.year)
    answered_late = unanswered = 0
    for respond_by, responded_at in notices.values_list("respond_by", "responded_at"):
        if responded_at is None:
            # Pending, or escalated without an answer: 逾期未反馈 once the deadline passed.
            unanswered += today > respond_by
        else:
            answered_late += timezone.localdate(responded_at) > respond_by
    reporting = unit_reporting(unit, tasks, today)
    expected = sum(r["expected"] for r in reporting)
    return {
        "colours": {c.value: colours.get(c, 0) for c in COLOURS},
        "tasks": sum(colours.values()),
        "returned": Review.objects.filter(
            report__unit=unit,
            decision=ReviewDecision.RETURN,
            created_at__year=today.year,
        ).count(),
        "notices": notices.count(),
        "answered_late": answered_late,
        "unanswered": unanswered,
        "on_time_rate": _percent(sum(r["on_time"] for r in reporting), expected),
        "reporting": reporting,
    }


def peer_ranking(unit: Unit, today: date | None = None) -> dict:
    """Where the unit stands among the units of its kind (街道 with 街道): by red and yellow
    tasks (fewest first) and by on-time rate (highest first), over all their tasks."""
    today = today or clock.today()
    peers = list(Unit.objects.filter(kind=unit.kind))
    records = {p.pk: unit_record(p, Task.objects.all(), today) for p in peers}

    def lateness(pk):
        return records[pk]["colours"][Colour.RED] + records[pk]["colours"][Colour.YELLOW]

    rates = [r["on_time_rate"] for r in records.values() if r["on_time_rate"] is not None]
    by_rate = sorted(records, key=lambda pk: -(records[pk]["on_time_rate"] or 0))
    return {
        "kind": unit.get_kind_display(),
        "peers": len(peers),
        "late_rank": 1 + sum(1 for pk in records if lateness(pk) < lateness(unit.pk)),
        "rate_rank": by_rate.index(unit.pk) + 1,
        "average_rate": round(sum(rates) / len(rates), 1) if rates else None,
    }


def unit_status(scope: Scope, unit: Unit) -> dict:
    """The unit's tasks by colour, each a link to the ledger filtered to them."""
    counts = TaskStatus.counts(scope.tasks.for_unit(unit))
    rows = [(unit.pk, unit.name, counts)]
    return {
        "id": "unit-status",
        "title": "任务状态",
        "kind": "bar",
        **_colour_series(scope, rows, "unit"),
    }


def unit_on_time(unit: Unit, tasks: QuerySet[Task], today: date | None = None) -> dict:
    rows = unit_reporting(unit, tasks, today)
    return {
        "id": "unit-on-time",
        "title": "按时报送率（%）",
        "kind": "line",
        "unit": "%",
        "categories": [r["cycle"] for r in rows],
        "series": [
            {
                "name": "按时报送率",
                "key": "on_time",
                "data": [{"value": r["rate"], "url": None} for r in rows],
            }
        ],
        "counts": rows,
    }


def _months(first: int, last: int) -> list[date]:
    return [month_end(y, m) for y in range(first, last + 1) for m in range(1, 13)]


def _target_years(target: Target, today: date) -> tuple[int, int]:
    """The years a target's path runs over: its plan's, or the first one for an annual one."""
    plan = target.task.plan
    first = plan.start_year or today.year
    several = target.period in (TargetPeriod.CUMULATIVE, TargetPeriod.ANNUAL_AVERAGE)
    return first, (plan.end_year or first) if several else first


def _planned(target: Target, months: list[date]) -> list[float | None]:
    """The 序时 path month by month, None outside the target's own years."""
    first, last = _target_years(target, months[0])
    return [float(target.pace_on(d)) if first <= d.year <= last else None for d in months]


def _reported(measurements, months: list[date]) -> list[float | None]:
    index = {(d.year, d.month): i for i, d in enumerate(months)}
    values: list = [None] * len(months)
    for m in measurements.order_by("on_date", "created_at"):
        if (m.on_date.year, m.on_date.month) in index:
            values[index[(m.on_date.year, m.on_date.month)]] = float(m.value)
    return values


def _line(figure_id: str, title: str, unit: str, months: list[date], series) -> dict:
    return {
        "id": figure_id,
        "title": title,
        "kind": "line",
        "unit": unit,
        "categories": [f"{d:%Y-%m}" for d in months],
        "series": [
            {"name": name, "key": key, "data": [{"value": v, "url": None} for v in values]}
            for name, key, values in series
        ],
    }


def target_trajectory(target: Target, today: date | None = None) -> dict:
    """Month by month over the target's plan years: the planned path (序时), the values
    reported and, for a five-year target, the annual targets serving it at their year's end."""
    months = _months(*_target_years(target, today or clock.today()))
    index = {(d.year, d.month): i for i, d in enumerate(months)}
    annual: list = [None] * len(months)
    links = target.annual_links.exclude(state=LinkState.REMOVED).select_related(
        "annual__task__plan"
    )
    for link in links:
        year = link.annual.task.plan.start_year
        if (year, 12) in index:
            annual[index[(year, 12)]] = float(link.annual.value_on(month_end(year, 12)))
    series = [
        ("序时目标", "planned", _planned(target, months)),
        ("实际数值", "reported", _reported(target.measurements_in_effect(), months)),
    ]
    if any(v is not None for v in annual):
        series.append(("年度目标", "annual", annual))
    title = f"{target.metric_text}：序时目标与实际数值"
    return _line("trajectory", title, target.unit, months, series)


def metric_trajectory(metric, targets: QuerySet[Target], today: date | None = None) -> dict:
    """A metric's values against the 序时 path of each target bound to it (the user's)."""
    today = today or clock.today()
    targets = list(targets.select_related("task__plan"))
    years = [y for t in targets for y in _target_years(t, today)]
    months = _months(min(years, default=today.year), max(years, default=today.year))
    series = [("实际数值", "reported", _reported(metric.measurements.all(), months))]
    series += [
        (f"{t.task.plan.title[:12]} {t.task.seq}：{t.describe()}", "path", _planned(t, months))
        for t in targets
    ]
    unit = targets[0].unit if targets else ""
    return _line("trajectory", f"{metric.name}：数值与各目标序时进度", unit, months, series)
