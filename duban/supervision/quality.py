"""Checks of a report's substance, shown to the reviewer: boilerplate, copies, contradicted claims.

`check_report_text()` is pure; `flags_for_report()` gathers its inputs from a progress Report.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from duban.lib.text import plain_number
from duban.lib.textsim import has_figures, similarity
from duban.progress.models import Report
from duban.progress.targets import reportable_targets_of, reported_values, value_rows
from duban.targets.checks import describe_problem
from duban.targets.pacing import status_of

__all__ = [
    "BOILERPLATE",
    "CONCRETE_ACTIONS",
    "TargetShortfall",
    "check_report_text",
    "flags_for_report",
    "flags_for_reports",
]

# Phrases that say work is going on without saying what was done.
BOILERPLATE = (
    "有序推进",
    "稳步推进",
    "积极推进",
    "扎实推进",
    "全力推进",
    "加快推进",
    "持续推进",
    "有力推进",
    "顺利推进",
    "进展顺利",
    "正在推进",
    "按计划推进",
    "取得积极成效",
    "取得明显成效",
    "取得一定成效",
)
# Verbs of a finished, checkable act: a report naming one of these says what happened.
CONCRETE_ACTIONS = (
    "召开",
    "印发",
    "出台",
    "签订",
    "签约",
    "开工",
    "竣工",
    "完工",
    "建成",
    "投用",
    "投产",
    "验收",
    "拨付",
    "立项",
    "批复",
    "挂牌",
    "上线",
    "交付",
    "审议通过",
)
SIMILARITY_LIMIT = 0.9


@dataclass(frozen=True, slots=True)
class TargetShortfall:
    """A target of the task whose latest value falls short of the value set for it."""

    name: str
    actual: float
    goal: float


def _is_boilerplate(text: str) -> bool:
    if not any(phrase in text for phrase in BOILERPLATE):
        return False
    return not has_figures(text) and not any(verb in text for verb in CONCRETE_ACTIONS)


def check_report_text(
    text: str,
    previous_text: str | None = None,
    percent: float | None = None,
    shortfalls: tuple[TargetShortfall, ...] = (),
) -> list[str]:
    """The flags for a report's text (完成情况 and the rest, joined), in Chinese."""
    flags = []
    if text.strip() and _is_boilerplate(text):
        flags.append("内容空泛：只有“推进”等套话，没有数字或具体举措")
    if previous_text and similarity(text, previous_text) >= SIMILARITY_LIMIT:
        flags.append("与本单位上期报告内容相同或几乎相同")
    if percent is not None and percent >= 100:
        for shortfall in shortfalls:
            flags.append(
                f"报告完成 100%，但指标“{shortfall.name}”实际 {plain_number(shortfall.actual)}，"
                f"未达目标 {plain_number(shortfall.goal)}"
            )
    return flags


def _shortfalls(report) -> tuple[TargetShortfall, ...]:
    """The task's targets whose value by the end of the report's period misses the target:
    the value the report gives (recorded only on acceptance), else the latest recorded."""
    on_date = report.cycle.period_end
    reported = dict(reported_values(report))
    shortfalls = []
    for target in report.task.targets.active().select_related("task__plan"):
        if target in reported:
            value, goal = reported[target], target.value_on(on_date)
        else:
            pace = status_of(target, on_date)
            value, goal = pace.value, pace.goal
        if value is not None and goal is not None and not target.meets(value, goal):
            shortfalls.append(TargetShortfall(target.metric_text, float(value), float(goal)))
    return tuple(shortfalls)


def _far_off_values(report, targets) -> list[str]:
    """A flag for each value of the report far off its target's path."""
    return [
        "指标数值偏离序时进度：" + describe_problem(row["target"], row["value"], row["far_off"])
        for row in value_rows(report, targets)
        if row["far_off"]
    ]


def flags_for_report(report) -> list[str]:
    """The flags for a progress report, for its reviewer. This causes a few SQL queries."""
    return flags_for_reports([report])[report.pk]


def flags_for_reports(reports) -> dict[int, list[str]]:
    """{report pk: its flags} for a page of reports, in a fixed number of SQL queries (and a
    few more for each one that claims the task 100% done)."""
    previous = _previous_texts(reports)
    targets = _reportable_targets(reports)
    return {
        report.pk: check_report_text(
            report.progress,
            previous.get(report.pk),
            report.percent_complete,
            _shortfalls(report) if report.percent_complete == 100 else (),
        )
        + _far_off_values(report, targets.get(report.pk, []))
        for report in reports
    }


def _previous_texts(reports) -> dict[int, str]:
    """{report pk: the text of the same unit's latest report on the task before its period}.

    One subquery per report on the progress_report_task_cycle index: reading every earlier
    report of the page's tasks and units would read each task's reports by other units too.
    """
    earlier = (
        Report.objects.not_draft()
        .filter(
            task_id=OuterRef("task_id"),
            unit_id=OuterRef("unit_id"),
            cycle__period_end__lt=OuterRef("cycle__period_start"),
        )
        .order_by("-cycle__period_end", "-pk")
    )
    found = (
        Report.objects.filter(pk__in=[report.pk for report in reports])
        .annotate(previous=Subquery(earlier.values("progress")[:1]))
        .values_list("pk", "previous")
    )
    return {pk: text for pk, text in found if text is not None}


def _reportable_targets(reports) -> dict[int, list]:
    """{report pk: its reportable targets} (progress.targets.reportable_targets), one query."""
    consolidated = [report for report in reports if report.is_consolidated_kind]
    targets = reportable_targets_of({report.task_id for report in consolidated})
    by_task: dict[int, list] = defaultdict(list)
    for target in targets:
        by_task[target.task_id].append(target)
    return {report.pk: by_task[report.task_id] for report in consolidated}
