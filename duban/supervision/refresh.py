"""Build the status rules' input from the models, and store the verdicts (TaskStatus).

Statuses are computed a batch of tasks at a time: everything the rules read about a batch is
loaded in a fixed number of queries, and the verdicts are written in bulk, so `refresh_all()`
(nightly) costs a constant number of queries per plan and `refresh_tasks()` (after each event
the tasks' status depends on) as few for one task.
"""

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date, timedelta

from django.db import connection, transaction

from duban.audit.log import entry
from duban.audit.models import LogEntry
from duban.ledger.models import Task
from duban.lib import clock
from duban.lib.pacing import elapsed_share
from duban.progress.choices import CycleState, MilestoneState, ReportKind, ReportState
from duban.progress.models import DELIVERED_STATES, Milestone, Report, ReportingCycle
from duban.supervision import tallies
from duban.supervision.actions import StatusAction
from duban.supervision.models import StatusChange, TaskStatus
from duban.supervision.status import (
    MilestoneFact,
    StatusFacts,
    TargetFact,
    Thresholds,
    Verdict,
    evaluate,
)
from duban.targets.choices import Pace
from duban.targets.models import Measurement, Target
from duban.targets.pacing import status_of, values_in_effect

# Tasks judged in one transaction: a plan's, or a few thousand of a larger plan's, so the
# queries' IN lists stay within SQLite's limit on parameters and the locks held stay bounded.
BATCH = 2000

# Only the last year's cycles count as missed: older gaps belong to earlier years' verdicts.
MISSED_WINDOW = timedelta(days=366)


@dataclass(frozen=True, slots=True)
class ReportRow:
    """What the rules read of a report and its cycle: plain values, no model to build."""

    task_id: int
    unit_id: int
    cycle_id: int
    kind: str
    state: str
    percent_complete: int | None
    period_start: date
    period_end: date
    due_on: date


REPORT_COLUMNS = [field.name for field in fields(ReportRow)[:6]] + [
    "cycle__period_start",
    "cycle__period_end",
    "cycle__due_on",
]


@dataclass
class Inputs:
    """What the rules read about a batch of tasks, loaded in a fixed number of queries."""

    today: date
    lead_ids: dict[int, list[int]] = field(default_factory=dict)
    reports: dict[int, list[ReportRow]] = field(default_factory=lambda: defaultdict(list))
    cycles: dict[int, list[ReportingCycle]] = field(default_factory=lambda: defaultdict(list))
    milestones: dict[int, list[Milestone]] = field(default_factory=lambda: defaultdict(list))
    targets: dict[int, list[Target]] = field(default_factory=lambda: defaultdict(list))
    measurements: dict[int, list[Measurement]] = field(default_factory=dict)
    scheduled: set[int] = field(default_factory=set)  # plans with a reporting cycle

    @classmethod
    def load(cls, tasks: list[Task], today: date) -> "Inputs":
        inputs = cls(today)
        ids = [task.pk for task in tasks]
        inputs.lead_ids = Task.objects.filter(pk__in=ids).lead_unit_ids()
        # Tens of reports a task: rows, not models, which would cost most of the refresh's time.
        for row in Report.objects.filter(task__in=ids).values_list(*REPORT_COLUMNS):
            report = ReportRow(*row)
            inputs.reports[report.task_id].append(report)
        # Every cycle of the plans, so that a plan without any is known in the same query.
        for cycle in ReportingCycle.objects.filter(plan__in={task.plan_id for task in tasks}):
            inputs.scheduled.add(cycle.plan_id)
            missable = cycle.state in (CycleState.OPEN, CycleState.LOCKED)
            if missable and today - MISSED_WINDOW <= cycle.due_on < today:
                inputs.cycles[cycle.plan_id].append(cycle)
        milestones = Milestone.objects.filter(
            task__in=ids, state=MilestoneState.CONFIRMED, due_on__lt=today
        )
        for milestone in milestones.order_by("due_on"):
            inputs.milestones[milestone.task_id].append(milestone)
        targets = list(
            Target.objects.active()
            .filter(task__in=ids)
            .select_related("task__plan")
            .prefetch_related("revisions")
        )
        for target in targets:
            inputs.targets[target.task_id].append(target)
        inputs.measurements = values_in_effect(targets)
        return inputs

    def own_reports(self, task: Task) -> list[ReportRow]:
        """The reports that speak for the task: the lead unit's consolidated ones, else any unit's."""
        reports = self.reports[task.pk]
        lead_id = self.lead_id(task)
        if lead_id is None:
            return reports
        return [r for r in reports if r.unit_id == lead_id and r.kind == ReportKind.CONSOLIDATED]

    def lead_id(self, task: Task) -> int | None:
        return next(iter(self.lead_ids.get(task.pk, [])), None)


def missed_cycles(task: Task, inputs: Inputs) -> int:
    """Past-due cycles of the task's plan for which nothing was delivered (see `own_reports`)."""
    reports = inputs.own_reports(task)
    delivered = {r.cycle_id for r in reports if r.state in DELIVERED_STATES}
    return sum(1 for cycle in inputs.cycles[task.plan_id] if cycle.pk not in delivered)


def _targets(task: Task, inputs: Inputs) -> tuple[TargetFact, ...]:
    facts = []
    for target in inputs.targets[task.pk]:
        pace = status_of(target, inputs.today, measurements=inputs.measurements[target.pk])
        facts.append(
            TargetFact(
                name=target.metric_text,
                state=pace.label if pace.pace != Pace.NO_DATA else "",
                behind=pace.pace == Pace.BEHIND,
                due=float(pace.due) if pace.due is not None else None,
                actual=float(pace.value) if pace.value is not None else None,
                unit=target.unit,
            )
        )
    return tuple(facts)


def _newest_first(reports: list[ReportRow]) -> list[ReportRow]:
    return sorted(reports, key=lambda r: (r.period_end, r.due_on), reverse=True)


def facts_from(task: Task, inputs: Inputs, previous: str | None = None) -> StatusFacts:
    """Everything the rules need about one task of a batch."""
    today = inputs.today
    start, end, deadline = task.period(today)
    reports = _newest_first([r for r in inputs.own_reports(task) if r.period_start <= today])
    latest = next(
        (r for r in reports if r.state in DELIVERED_STATES and r.percent_complete is not None),
        None,
    )
    last_accepted = next((r for r in reports if r.state == ReportState.ACCEPTED), None)
    # A percent is judged against the pace at the end of the period it reports on: a June
    # report is not behind because September has come; a missing report is its own rule.
    as_of = min(latest.period_end, today) if latest else today
    return StatusFacts(
        today=today,
        pace=elapsed_share(start, end, as_of),
        percent=latest.percent_complete if latest else None,
        as_of=as_of if latest else None,
        completed=bool(last_accepted and last_accepted.percent_complete == 100),
        deadline=end,
        deadline_text=task.deadline if deadline else f"{end.year}年底前",
        missed_reports=missed_cycles(task, inputs),
        targets=_targets(task, inputs),
        overdue_milestones=tuple(
            MilestoneFact(m.title, m.due_on) for m in inputs.milestones[task.pk]
        ),
        previous=previous,
        scheduled=task.plan_id in inputs.scheduled,
    )


def facts_for_task(task: Task, today: date, previous: str | None = None) -> StatusFacts:
    """Everything the rules need about one task on `today`."""
    return facts_from(task, Inputs.load([task], today), previous)


def _verdict(task: Task, inputs: Inputs, previous: str | None, thresholds) -> Verdict:
    """The rules' verdict; a task printed twice follows the copy it is reported on."""
    reported_on = task.reported_on
    verdict = evaluate(facts_from(reported_on, inputs, previous), thresholds)
    if reported_on is task:
        return verdict
    reason = f"与“{reported_on}”（{reported_on.plan}）为同一任务，按该任务的进展计算"
    return Verdict(verdict.colour, (reason, *verdict.reasons))


def _write_verdicts(statuses: list[TaskStatus]) -> None:
    """Store the colour, reasons and since of stored statuses in one UPDATE … FROM VALUES.

    bulk_update's CASE over every row costs a millisecond a row to build: most of a first
    refresh of a large plan.
    """
    if not statuses:
        return
    names = ["task_id", "colour", "reasons", "since"]
    columns = [TaskStatus._meta.get_field(name) for name in names]
    params = [
        column.get_db_prep_save(getattr(status, column.attname), connection)
        for status in statuses
        for column in columns
    ]
    quote = connection.ops.quote_name
    table = quote(TaskStatus._meta.db_table)
    row = f"({', '.join(['%s'] * len(names))})"
    assignments = ", ".join(f"{quote(name)} = v.{quote(name)}" for name in names[1:])
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH v({', '.join(quote(name) for name in names)}) "  # noqa: S608 (no input in it)
            f"AS (VALUES {', '.join([row] * len(statuses))}) "
            f"UPDATE {table} SET {assignments} FROM v WHERE {table}.{quote('task_id')} = v.{quote('task_id')}",
            params,
        )


@transaction.atomic
def _refresh_batch(tasks: list[Task], today: date, thresholds, user, dry_run: bool) -> list[str]:
    """Recompute and (unless dry_run) store the statuses of `tasks`; their colours in order."""
    inputs = Inputs.load([task.reported_on for task in tasks], today)
    statuses = TaskStatus.objects.filter(task__in=tasks)
    if not dry_run:
        statuses = statuses.select_for_update()
    by_task = {status.task_id: status for status in statuses}
    before = {task_id: (s.colour, s.reasons) for task_id, s in by_task.items()}
    now = clock.now()
    created, changes, entries = [], [], []
    for task in tasks:
        status = by_task.get(task.pk)
        if status is None:
            status = TaskStatus(task=task)
            by_task[task.pk] = status
            created.append(status)
        previous = status.colour if status.pk else None
        change = status.take(_verdict(task, inputs, previous, thresholds), now)
        if change is not None:
            changes.append(change)
            entries.append(entry(StatusAction.CHANGED, task, user, change.audit_data()))
    if not dry_run:
        # Two refreshes committing at once may both find a task without a status: the first
        # row stands, and the next refresh judges the task again.
        TaskStatus.objects.bulk_create(created, ignore_conflicts=True)
        # Most statuses keep their colour and reasons from one day to the next: only the
        # time of the computation is written for those, in one query.
        TaskStatus.objects.filter(task__in=list(before)).update(computed_at=now)
        _write_verdicts(
            [
                by_task[t]
                for t, old in before.items()
                if old != (by_task[t].colour, by_task[t].reasons)
            ]
        )
        StatusChange.objects.bulk_create(changes)
        LogEntry.objects.bulk_create(entries)
    return [by_task[task.pk].colour for task in tasks]


def batches(tasks) -> Iterator[list[Task]]:
    """The tasks a plan at a time, a large plan in batches of at most BATCH tasks."""
    batch: list[Task] = []
    ordered = tasks.select_related("plan", "twin_of__plan").order_by("plan", "pk")
    for task in ordered.iterator(chunk_size=BATCH):
        if batch and (task.plan_id != batch[0].plan_id or len(batch) == BATCH):
            yield batch
            batch = []
        batch.append(task)
    if batch:
        yield batch


def refresh_tasks(
    tasks,
    today: date | None = None,
    user=None,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    every_tally: bool = False,
) -> dict:
    """Recompute the given tasks a batch at a time; the counts of each colour after it.

    Each batch is stored in a transaction of its own: a refresh cut short keeps the batches
    it finished, and the next one judges every task again. With dry_run nothing is stored and
    the counts are what the rules would give. `progress` is told the tasks of each batch done.
    After the last batch the tallies of the tasks' plans, leaders and units are recounted, or
    every tally with `every_tally` (the tasks' units or leaders changed, or all were judged).
    """
    today = today or clock.today()
    thresholds = Thresholds.from_settings()
    counts: dict[str, int] = {}
    refreshed: list[int] = []
    for batch in batches(tasks):
        for colour in _refresh_batch(batch, today, thresholds, user, dry_run):
            counts[colour] = counts.get(colour, 0) + 1
        refreshed += [task.pk for task in batch]
        if progress is not None:
            progress(len(batch))
    if dry_run:
        return counts
    if every_tally:
        tallies.recount_all()
    else:
        tallies.recount(refreshed)
    return counts


def refresh_task(task: Task, today: date | None = None, user=None) -> TaskStatus:
    """Recompute and store one task's status; a new colour goes into its history."""
    refresh_tasks(Task.objects.filter(pk=task.pk), today, user)
    return TaskStatus.objects.get(task=task)


def refresh_all(
    today: date | None = None,
    tasks=None,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Recompute every active task (or the given ones); the counts of each colour after it.

    Every tally is recounted after a refresh of every task, withdrawn tasks' plans included.
    """
    if tasks is not None:
        return refresh_tasks(tasks, today, dry_run=dry_run, progress=progress)
    return refresh_tasks(
        Task.objects.active(), today, dry_run=dry_run, progress=progress, every_tally=True
    )
