"""Build the status rules' input from the models, and store the verdicts (TaskStatus).

Statuses are computed a batch of tasks at a time: everything the rules read about a batch is
loaded in a fixed number of queries, and the verdicts are written in bulk, so `refresh_all()`
(nightly) costs a constant number of queries per plan and `refresh_tasks()` (after each event
the tasks' status depends on) as few for one task.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction

from duban.audit.log import entry
from duban.audit.models import LogEntry
from duban.ledger.models import Task
from duban.lib import clock
from duban.lib.pacing import elapsed_share
from duban.progress.choices import CycleState, MilestoneState, ReportKind, ReportState
from duban.progress.models import DELIVERED_STATES, Milestone, Report, ReportingCycle
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

# Only the last year's cycles count as missed: older gaps belong to earlier years' verdicts.
MISSED_WINDOW = timedelta(days=366)


@dataclass
class Inputs:
    """What the rules read about a batch of tasks, loaded in a fixed number of queries."""

    today: date
    lead_ids: dict[int, list[int]] = field(default_factory=dict)
    reports: dict[int, list[Report]] = field(default_factory=lambda: defaultdict(list))
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
        for report in Report.objects.filter(task__in=ids).select_related("cycle"):
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

    def own_reports(self, task: Task) -> list[Report]:
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


def _newest_first(reports: list[Report]) -> list[Report]:
    return sorted(reports, key=lambda r: (r.cycle.period_end, r.cycle.due_on), reverse=True)


def facts_from(task: Task, inputs: Inputs, previous: str | None = None) -> StatusFacts:
    """Everything the rules need about one task of a batch."""
    today = inputs.today
    start, end, deadline = task.period(today)
    reports = _newest_first([r for r in inputs.own_reports(task) if r.cycle.period_start <= today])
    latest = next(
        (r for r in reports if r.state in DELIVERED_STATES and r.percent_complete is not None),
        None,
    )
    last_accepted = next((r for r in reports if r.state == ReportState.ACCEPTED), None)
    # A percent is judged against the pace at the end of the period it reports on: a June
    # report is not behind because September has come; a missing report is its own rule.
    as_of = min(latest.cycle.period_end, today) if latest else today
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
        updated = [
            by_task[t]
            for t, old in before.items()
            if old != (by_task[t].colour, by_task[t].reasons)
        ]
        TaskStatus.objects.bulk_update(updated, ["colour", "reasons", "since"])
        StatusChange.objects.bulk_create(changes)
        LogEntry.objects.bulk_create(entries)
    return [by_task[task.pk].colour for task in tasks]


def refresh_tasks(tasks, today: date | None = None, user=None, dry_run: bool = False) -> dict:
    """Recompute the given tasks a plan at a time; the counts of each colour after it.

    With dry_run nothing is stored and the counts are what the rules would give.
    """
    today = today or clock.today()
    thresholds = Thresholds.from_settings()
    by_plan: dict[int, list[Task]] = defaultdict(list)
    for task in tasks.select_related("plan", "twin_of__plan").order_by("plan", "pk"):
        by_plan[task.plan_id].append(task)
    counts: dict[str, int] = {}
    for plan_tasks in by_plan.values():
        for colour in _refresh_batch(plan_tasks, today, thresholds, user, dry_run):
            counts[colour] = counts.get(colour, 0) + 1
    return counts


def refresh_task(task: Task, today: date | None = None, user=None) -> TaskStatus:
    """Recompute and store one task's status; a new colour goes into its history."""
    refresh_tasks(Task.objects.filter(pk=task.pk), today, user)
    return TaskStatus.objects.get(task=task)


def refresh_all(today: date | None = None, tasks=None, dry_run: bool = False) -> dict[str, int]:
    """Recompute every active task (or the given ones); the counts of each colour after it."""
    tasks = Task.objects.active() if tasks is None else tasks
    return refresh_tasks(tasks, today, dry_run=dry_run)
