"""The ledger as rows for export: one per task, with units, status, progress and targets.

A fixed handful of queries, each in the ledger's order and streamed, merged task by task: a
ledger of 100 000 tasks never sits in memory at once and costs no query per task.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import batched, groupby
from operator import itemgetter
from typing import NamedTuple

from django.db.models import (
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    prefetch_related_objects,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce, Concat

from duban.ledger.choices import AssignmentRole
from duban.ledger.models import Assignment, Task, TaskLeader
from duban.progress.models import Report
from duban.supervision.choices import Colour
from duban.targets.models import Measurement, Target
from duban.targets.pacing import status_of

# Rows fetched from the database at a time, and targets whose values are loaded at once.
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

# The ledger's order, and the same order reached from a row that belongs to a task.
ORDER = ("plan_id", "position", "pk")
TASK_ORDER = ("task__plan_id", "task__position", "task_id")


class LedgerRow(NamedTuple):
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


class _Merged:
    """Rows (task_id, *values) in the ledger's order, handed out task by task."""

    def __init__(self, rows: Iterable[tuple]):
        self._groups = groupby(rows, key=itemgetter(0))
        self._next = next(self._groups, None)

    def take(self, task_id: int) -> list[tuple]:
        if self._next is None or self._next[0] != task_id:
            return []
        rows = list(self._next[1])
        self._next = next(self._groups, None)
        return rows


def _tasks(tasks: QuerySet[Task], reports: QuerySet[Report]) -> QuerySet:
    """The tasks' own cells, status and latest delivered consolidated report among `reports`
    (a task printed twice reads the copy it repeats, as the ledger page does), in one query."""
    latest = (
        reports.consolidated()
        .delivered()
        .filter(task_id=Coalesce(OuterRef("twin_of_id"), OuterRef("pk")))
        .order_by("-cycle__period_end", "-pk")
        .annotate(line=Concat("cycle__name", Value("："), "progress", output_field=TextField()))
    )
    return (
        Task.objects.filter(pk__in=tasks.values("pk"))
        .order_by(*ORDER)
        .annotate(
            progress=Subquery(latest.values("line")[:1]),
            # The first reason, unpacked by the database rather than the whole list in Python.
            reason=KeyTextTransform(0, "supervision_status__reasons"),
        )
        .values_list(
            "pk",
            "seq",
            "plan__title",
            "text",
            "deadline",
            "supervision_status__colour",
            "reason",
            "progress",
        )
    )


def _target_texts(chosen: QuerySet[Task]) -> Iterator[tuple[int, str]]:
    """(task_id, "指标：最新值（序时进度）") for each active target, in the ledger's order."""
    targets = (
        Target.objects.active()
        .filter(task__in=chosen)
        .select_related("task__plan")
        .order_by(*TASK_ORDER, "position", "pk")
    )
    for batch in batched(targets.iterator(chunk_size=CHUNK), CHUNK):
        values = _values_in_effect(batch)
        for target in batch:
            pace = status_of(
                target, measurements=values[target.pk] + values[(target.metric_id, target.unit)]
            )
            value = "暂无数据" if pace.value is None else f"{pace.value.normalize():f}{target.unit}"
            yield target.task_id, f"{target.metric_text}：{value}（{pace.label}）"


def _values_in_effect(targets: tuple[Target, ...]) -> dict:
    """Each target's own values (by pk) and its metric's shared ones (by metric and unit)."""
    prefetch_related_objects(targets, "revisions")
    found: dict = defaultdict(list)
    shared = Q(target__isnull=True, metric__in={target.metric_id for target in targets})
    for value in Measurement.objects.filter(Q(target__in=targets) | shared):
        found[value.target_id or (value.metric_id, value.unit)].append(value)
    return found


def ledger_records(
    tasks: QuerySet[Task], reports: QuerySet[Report] | None = None
) -> Iterator[LedgerRow]:
    """One LedgerRow per task, in printed order; progress is read from `reports` (all of them
    by default, for the office's commands), so a download shows no more than its page."""
    chosen = Task.objects.filter(pk__in=tasks.values("pk"))
    leaders = _Merged(
        TaskLeader.objects.filter(task__in=chosen)
        .order_by(*TASK_ORDER, "position", "pk")
        .values_list("task_id", "official__name")
        .iterator(chunk_size=CHUNK)
    )
    units = _Merged(
        Assignment.objects.filter(task__in=chosen)
        .order_by(*TASK_ORDER, "position", "pk")
        .values_list("task_id", "role", "unit__name")
        .iterator(chunk_size=CHUNK)
    )
    targets = _Merged(_target_texts(chosen))
    colours = dict(Colour.choices)
    for pk, seq, plan, text, deadline, colour, reason, progress in _tasks(
        tasks, Report.objects.all() if reports is None else reports
    ).iterator(chunk_size=CHUNK):
        assigned = units.take(pk)
        yield LedgerRow(
            seq=seq,
            plan=plan,
            text=text,
            leaders="、".join(name for _, name in leaders.take(pk)),
            lead="、".join(name for _, role, name in assigned if role == AssignmentRole.LEAD),
            joint="、".join(name for _, role, name in assigned if role == AssignmentRole.JOINT),
            support="、".join(name for _, role, name in assigned if role == AssignmentRole.SUPPORT),
            deadline=deadline,
            status=colours.get(colour, ""),
            reason=reason or "",
            progress=progress or "",
            targets="\n".join(line for _, line in targets.take(pk)),
        )
