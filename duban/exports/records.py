"""The ledger as rows for export: one per task, with units, status, progress and targets.

Tasks are read in chunks so a ledger of 100 000 tasks never sits in memory at once.
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import QuerySet

from duban.ledger.choices import Role
from duban.ledger.models import Assignment, Task, TaskLeader
from duban.progress.models import Report
from duban.supervision.choices import Colour
from duban.supervision.models import TaskStatus
from duban.targets.models import Target
from duban.targets.pacing import status_of

CHUNK = 2000

# (heading, width in characters) of the ledger's columns, in order.
COLUMNS = [
    ("序号", 6),
    ("原序号", 6),
    ("计划", 16),
    ("任务内容", 40),
    ("牵头领导", 10),
    ("牵头单位", 16),
    ("责任单位", 16),
    ("配合单位", 16),
    ("完成时限", 12),
    ("状态", 10),
    ("状态依据", 24),
    ("最新进展", 30),
    ("量化指标（最新值）", 28),
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


def _grouped(rows) -> dict[int, list]:
    found: dict[int, list] = defaultdict(list)
    for task_id, *values in rows:
        found[task_id].append(values)
    return found


def ledger_records(tasks: QuerySet[Task]) -> Iterator[LedgerRow]:
    """One LedgerRow per task, in printed order; a handful of value queries per chunk."""
    ids = list(tasks.order_by("plan_id", "position", "pk").values_list("pk", flat=True))
    colours = dict(Colour.choices)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = (
            Task.objects.filter(pk__in=chunk)
            .order_by("plan_id", "position", "pk")
            .values_list("pk", "seq", "plan__title", "text", "deadline")
        )
        leaders = _grouped(
            TaskLeader.objects.filter(task_id__in=chunk)
            .order_by("task_id", "position", "pk")
            .values_list("task_id", "official__name")
        )
        units = _grouped(
            Assignment.objects.filter(task_id__in=chunk)
            .order_by("task_id", "position", "pk")
            .values_list("task_id", "role", "unit__name")
        )
        statuses = {
            task_id: (colour, reasons)
            for task_id, colour, reasons in TaskStatus.objects.filter(
                task_id__in=chunk
            ).values_list("task_id", "colour", "reasons")
        }
        progress = _latest_progress(chunk)
        targets = _targets(chunk)
        for pk, seq, plan, text, deadline in rows:
            colour, reasons = statuses.get(pk, ("", []))
            assigned = units.get(pk, [])
            yield LedgerRow(
                seq=seq,
                plan=plan,
                text=text,
                leaders="、".join(name for (name,) in leaders.get(pk, [])),
                lead="、".join(name for role, name in assigned if role == Role.LEAD),
                joint="、".join(name for role, name in assigned if role == Role.JOINT),
                support="、".join(name for role, name in assigned if role == Role.SUPPORT),
                deadline=deadline,
                status=colours.get(colour, ""),
                reason=reasons[0] if reasons else "",
                progress=progress.get(pk, ""),
                targets="\n".join(targets.get(pk, [])),
            )
