"""A district leader's stocktake pack (盘点材料): their portfolio on one page set, in Word."""

from datetime import date

from django.db.models import Case, IntegerField, Value, When

from duban.exports import gongwen
from duban.ledger.models import Official, Task
from duban.progress.models import Report
from duban.supervision.choices import Colour, ProblemState
from duban.supervision.models import Problem, TaskStatus
from duban.targets.choices import Pace
from duban.targets.models import Target
from duban.targets.pacing import status_of

OPEN_PROBLEMS = [ProblemState.RAISED, ProblemState.COORDINATING, ProblemState.ESCALATED]


def _last_report(task: Task, on: date) -> str:
    report = (
        Report.objects.consolidated()
        .delivered()
        .filter(task=task, cycle__period_end__lte=on)
        .select_related("cycle")
        .order_by("cycle__period_end")
        .last()
    )
    return f"{report.cycle.name}：{report.progress}" if report else "尚无报告"


def _lagging_rows(tasks, on: date) -> list[list[str]]:
    statuses = (
        TaskStatus.objects.filter(task__in=tasks, colour__in=[Colour.RED, Colour.YELLOW])
        .annotate(
            rank=Case(
                When(colour=Colour.RED, then=Value(0)), default=1, output_field=IntegerField()
            )
        )
        .select_related("task__plan")
        .order_by("rank", "task__plan_id", "task__position")
    )
    rows = []
    for status in statuses:
        task = status.task
        problems = "；".join(
            p.title for p in task.problems.filter(state__in=OPEN_PROBLEMS).order_by("raised_at")
        )
        rows.append(
            [
                f"{task.plan.title}第{task.seq}项",
                task.text,
                f"{status.get_colour_display()}：{(status.reasons or [''])[0]}",
                _last_report(task, on),
                problems or "—",
            ]
        )
    return rows


def pack_docx(official: Official, tasks, on: date) -> bytes:
    """The pack for `official` over `tasks` (their visible portfolio) as on `on`."""
    counts = TaskStatus.count_rows(TaskStatus.counts(tasks))
    document = gongwen.new_document(landscape=True)
    gongwen.title(document, f"{official.name}同志牵头重点工作盘点材料")
    gongwen.paragraph(document, f"（截至{on.year}年{on.month}月{on.day}日）", align="center")
    gongwen.heading(document, "一、总体情况")
    total = sum(n for _, _, n in counts)
    summary = "，".join(f"{label} {n} 项" for _, label, n in counts)
    gongwen.body(document, f"牵头重点工作共 {total} 项，其中{summary}。")
    gongwen.heading(document, "二、滞后和严重滞后任务")
    rows = _lagging_rows(tasks, on)
    if rows:
        header = ["任务", "内容", "状态及原因", "最近一次报告", "待解决问题"]
        gongwen.table(document, header, rows, [30, 70, 50, 60, 33])
    else:
        gongwen.body(document, "无。")
    gongwen.heading(document, "三、待批示问题")
    problems = Problem.objects.filter(task__in=tasks, state=ProblemState.ESCALATED).select_related(
        "task", "unit"
    )
    problem_rows = [[p.title, p.unit.name, p.description, str(p.task)] for p in problems]
    if problem_rows:
        gongwen.table(
            document, ["问题", "提出单位", "具体情况", "任务"], problem_rows, [45, 35, 110, 53]
        )
    else:
        gongwen.body(document, "无。")
    gongwen.heading(document, "四、欠序时进度的量化指标")
    behind = []
    for target in Target.objects.active().filter(task__in=tasks).select_related("task__plan"):
        pace = status_of(target, on)
        if pace.pace == Pace.BEHIND:
            behind.append([target.metric_text, str(target.task), pace.explanation])
    if behind:
        gongwen.table(document, ["指标", "任务", "进度"], behind, [45, 90, 108])
    else:
        gongwen.body(document, "无。")
    return gongwen.to_bytes(document)
