"""The ledger as rows for export: one per task, with units, status, progress and targets.

Tasks are read in chunks so a ledger of 100 000 tasks never sits in memory at once.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from duban.ledger.choices import Role
from duban.ledger.models import Assignment, Task, TaskLeader
from duban.progress.models import Report
from duban.supervision.models import TaskStatus
from duban.targets.models import Target
from duban.targets.pacing import status_of

CHUNK = 2000

# (heading, width in characters) of the ledger's columns, in order.
COLUMNS = [
    ("序号", 6),
    ("原序号", 6),
    ("计划", 18),
    ("任务内容", 50),
    ("牵头领导", 10),
    ("牵头单位", 16),
    ("责任单位", 16),
    ("配合单位", 20),
    ("完成时限", 12),
    ("状态", 10),
    ("状态依据", 30),
    ("最新进展", 40),
    ("量化指标（最新值）", 36),
]


@dataclass(frozen=True, slots=True)
class LedgerRow:
    seq: str
    plan: str
    text: str
    leaders: str
    lead: str
    joint: str
    support: str
    deadline: str
    status: str
    reason: str
    progress: str
    targets: str

    def cells(self) -> tuple[str, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)


def _units(task: Task, role: str) -> str:
    return "、".join(a.unit.name for a in task.assignments.all() if a.role == role)


def _latest_progress(task_ids: list[int]) -> dict[int, str]:
    """The progress text of each task's latest delivered consolidated report."""
    reports = (
        Report.objects.consolidated()
        .delivered()
        .filter(task_id__in=task_ids)
        .order_by("task_id", "cycle__period_end")
        .values_list("task_id", "cycle__name", "progress")
    )
    return {task_id: f"{cycle}：{text}" for task_id, cycle, text in reports}


def _targets(task_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    targets = Target.objects.active().filter(task_id__in=task_ids).select_related("task__plan")
    for target in targets.order_by("task_id", "position"):
        pace = status_of(target)
        value = "暂无数据" if pace.value is None else f"{pace.value.normalize():f}{target.unit}"
        found.setdefault(target.task_id, []).append(
            f"{target.metric_text}：{value}（{pace.label}）"
        )
    return found


def ledger_records(tasks: QuerySet[Task]) -> Iterator[LedgerRow]:
    """One LedgerRow per task, in printed order; a handful of queries per chunk."""
    ids = list(tasks.order_by("plan_id", "position", "pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = (
            Task.objects.filter(pk__in=chunk)
            .order_by("plan_id", "position", "pk")
            .select_related("plan")
            .prefetch_related(
                Prefetch("task_leaders", TaskLeader.objects.select_related("official")),
                Prefetch("assignments", Assignment.objects.select_related("unit")),
            )
        )
        statuses = {s.task_id: s for s in TaskStatus.objects.filter(task_id__in=chunk)}
        progress = _latest_progress(chunk)
        targets = _targets(chunk)
        for task in rows:
            status = statuses.get(task.pk)
            yield LedgerRow(
                seq=task.seq,
                plan=task.plan.title,
                text=task.text,
                leaders="、".join(tl.official.name for tl in task.task_leaders.all()),
                lead=_units(task, Role.LEAD),
                joint=_units(task, Role.JOINT),
                support=_units(task, Role.SUPPORT),
                deadline=task.deadline,
                status=status.get_colour_display() if status else "",
                reason=status.reasons[0] if status and status.reasons else "",
                progress=progress.get(task.pk, ""),
                targets="\n".join(targets.get(task.pk, [])),
            )
