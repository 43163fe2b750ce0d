"""A task table's rows: the tasks loaded in a fixed number of queries, and their cells
worked out in Python.

Each cell through the template language (a reverse() per link, an include per unit list,
truncatechars) cost ~0.3 ms a row; a unit's page lists four groups of up to fifty rows.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from duban.ledger.choices import AssignmentRole, TaskState, UnitKind
from duban.ledger.models import Assignment, Task, TaskLeader
from duban.lib import clock
from duban.lib.text import clip, spoken_date
from duban.lib.urls import url_for_each
from duban.progress.latest import attach_latest_progress, with_latest_report

TEXT_LENGTH = 160
PROGRESS_LENGTH = 60


@dataclass(frozen=True, slots=True)
class UnitCell:
    """A responsible unit as its tag shows it: lead units starred."""

    name: str
    css: str
    title: str
    lead: bool


@dataclass(frozen=True, slots=True)
class TaskRow:
    """One task's cells; the text and the latest progress already shortened."""

    pk: int
    seq: str
    url: str
    name: str
    text: str
    lead_override: str
    withdrawn: bool
    leaders: list[str]
    units: list[UnitCell]
    plan_title: str
    plan_short_title: str
    deadline: str
    colour: str
    colour_label: str
    report_url: str
    progress: str
    progress_short: str
    submitted: str


def ledger_rows(tasks: QuerySet[Task], user) -> QuerySet[Task]:
    """Tasks in printed order with their plan, leaders, units, status and the latest progress
    `user` may read, in a fixed number of queries.

    Ordering by plan_id rather than by the plan's own ordering keeps each plan's rows
    together and lets the database walk the ledger_task_plan_position index.
    """
    ordered = with_latest_report(tasks, user).order_by("plan_id", "position", "pk")
    related = ordered.select_related("plan__notice", "section", "supervision_status")
    return related.prefetch_related(
        Prefetch("task_leaders", TaskLeader.objects.select_related("official")),
        Prefetch("assignments", Assignment.objects.select_related("unit")),
    )


def table_rows(tasks: Iterable[Task]) -> list[TaskRow]:
    """The rows of tasks loaded by `ledger_rows()`, in their order."""
    tasks = list(tasks)
    attach_latest_progress(tasks)
    task_url = url_for_each("ledger:task")
    report_url = url_for_each("progress:report")
    today = clock.today()
    rows = []
    for task in tasks:
        status = getattr(task, "supervision_status", None)
        report = task.latest_report_id
        progress, submitted = task.latest_progress or "", task.latest_submitted_at
        rows.append(
            TaskRow(
                pk=task.pk,
                seq=task.seq,
                url=task_url(task.pk),
                name=task.name,
                text=clip(task.text, TEXT_LENGTH),
                lead_override="、".join(task.lead_override),
                withdrawn=task.status == TaskState.WITHDRAWN,
                leaders=[link.official.name for link in task.task_leaders.all()],
                units=[_unit_cell(assignment) for assignment in task.assignments.all()],
                plan_title=task.plan.title,
                plan_short_title=task.plan.short_title,
                deadline=task.deadline,
                colour=status.colour if status else "",
                colour_label=status.get_colour_display() if status else "",
                report_url=report_url(report) if report else "",
                progress=progress,
                progress_short=clip(progress or "（未填写完成情况）", PROGRESS_LENGTH)
                if report
                else "",
                submitted=spoken_date(timezone.localdate(submitted), today) if submitted else "",
            )
        )
    return rows


def _unit_cell(assignment) -> UnitCell:
    lead = assignment.role == AssignmentRole.LEAD
    css = ["tag"]
    if assignment.role in (AssignmentRole.LEAD, AssignmentRole.JOINT):
        css.append(assignment.role)
    if assignment.unit.kind == UnitKind.PLACEHOLDER:
        css.append("placeholder")
    title = assignment.get_role_display()
    if assignment.resolved_from_id:
        title += "（由泛指单位细化）"
    return UnitCell(assignment.unit.name, " ".join(css), title, lead)
