"""Build the status rules' input from the models, and store the verdicts (TaskStatus).

Each task costs a handful of queries; `refresh_all()` runs nightly and after imports, and
`refresh_task()` after a report is reviewed.
"""

from datetime import date, timedelta

from django.db import transaction

from duban.ledger.models import Task
from duban.lib import clock
from duban.lib.periods import elapsed_share
from duban.progress.choices import CycleState, MilestoneState, ReportKind, ReportState
from duban.progress.deadlines import parse_deadline
from duban.progress.models import Report, ReportingCycle, lead_unit_id
from duban.supervision.models import TaskStatus
from duban.supervision.status import (
    MilestoneFact,
    StatusFacts,
    TargetFact,
    Thresholds,
    Verdict,
    evaluate,
)
from duban.targets.choices import Pace
from duban.targets.pacing import status_of

# A report in one of these states counts as delivered for its cycle; a returned one is owed again.
DELIVERED = (ReportState.SUBMITTED, ReportState.CONSOLIDATED, ReportState.ACCEPTED)
# Only the last year's cycles count as missed: older gaps belong to earlier years' verdicts.
MISSED_WINDOW = timedelta(days=366)


def task_period(task: Task, today: date) -> tuple[date, date, date | None]:
    """The task's start, its end for 序时进度, and its own deadline when the text names one."""
    plan = task.plan
    first_year = plan.start_year or plan.end_year or today.year
    last_year = plan.end_year or first_year
    start = date(first_year, 1, 1)
    deadline = parse_deadline(task.deadline, last_year) if task.deadline else None
    end = deadline if deadline and deadline >= start else date(last_year, 12, 31)
    return start, end, deadline


def _own_reports(task: Task, lead_id: int | None):
    """The reports that speak for the task: the lead unit's consolidated ones, else any unit's."""
    if lead_id is None:
        return Report.objects.filter(task=task)
    return Report.objects.filter(task=task, unit_id=lead_id, kind=ReportKind.CONSOLIDATED)


def missed_cycles(task: Task, today: date, lead_id: int | None) -> int:
    """Past-due cycles of the task's plan for which nothing was delivered (see `_own_reports`)."""
    cycles = ReportingCycle.objects.filter(
        plan_id=task.plan_id,
        state__in=[CycleState.OPEN, CycleState.LOCKED],
        due_on__lt=today,
        due_on__gte=today - MISSED_WINDOW,
    )
    delivered = _own_reports(task, lead_id).filter(state__in=DELIVERED).values("cycle_id")
    return cycles.exclude(pk__in=delivered).count()


def _targets(task: Task, today: date) -> tuple[TargetFact, ...]:
    facts = []
    for target in task.targets.active().select_related("task__plan"):
        pace = status_of(target, today)
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


def facts_for_task(task: Task, today: date, previous: str | None = None) -> StatusFacts:
    """Everything the rules need about one task on `today`."""
    start, end, deadline = task_period(task, today)
    lead_id = lead_unit_id(task)
    reports = (
        _own_reports(task, lead_id)
        .filter(cycle__period_start__lte=today)
        .order_by("-cycle__period_end", "-cycle__due_on")
    )
    latest = (
        reports.select_related("cycle")
        .filter(state__in=DELIVERED, percent_complete__isnull=False)
        .first()
    )
    last_accepted = reports.filter(state=ReportState.ACCEPTED).first()
    milestones = task.milestones.filter(state=MilestoneState.CONFIRMED, due_on__lt=today).order_by(
        "due_on"
    )
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
        missed_reports=missed_cycles(task, today, lead_id),
        targets=_targets(task, today),
        overdue_milestones=tuple(MilestoneFact(m.title, m.due_on) for m in milestones),
        previous=previous,
    )


def verdict_for_task(task: Task, today: date, previous: str | None, thresholds) -> Verdict:
    """The rules' verdict; a task printed twice follows the copy it is reported on."""
    reported_on = task.reported_on
    verdict = evaluate(facts_for_task(reported_on, today, previous), thresholds)
    if reported_on is task:
        return verdict
    reason = f"与“{reported_on}”（{reported_on.plan}）为同一任务，按该任务的进展计算"
    return Verdict(verdict.colour, (reason, *verdict.reasons))


@transaction.atomic
def refresh_task(task: Task, today: date | None = None, user=None) -> TaskStatus:
    """Recompute and store one task's status; a new colour goes into its history."""
    today = today or clock.today()
    status = TaskStatus.objects.select_for_update().filter(task=task).first()
    if status is None:
        status = TaskStatus(task=task)
    previous = status.colour if status.pk else None
    status.apply(verdict_for_task(task, today, previous, Thresholds.from_settings()), user=user)
    return status


def refresh_all(today: date | None = None, tasks=None, dry_run: bool = False) -> dict[str, int]:
    """Recompute every active task (or the given ones); the counts of each colour after it.

    With dry_run nothing is stored and the counts are what the rules would give.
    """
    today = today or clock.today()
    tasks = Task.objects.active() if tasks is None else tasks
    thresholds = Thresholds.from_settings()
    counts: dict[str, int] = {}
    for task in tasks.select_related("plan", "twin_of__plan"):
        if dry_run:
            previous = TaskStatus.objects.filter(task=task).values_list("colour", flat=True).first()
            colour = verdict_for_task(task, today, previous, thresholds).colour
        else:
            colour = refresh_task(task, today).colour
        counts[colour] = counts.get(colour, 0) + 1
    return counts


def refresh_after_report(report_id: int) -> None:
    """Recompute the status of a report's task once the report was submitted or reviewed."""
    task = Task.objects.filter(reports__pk=report_id).select_related("plan").first()
    if task is not None:
        refresh_task(task)
        for twin in task.twins.select_related("plan", "twin_of__plan"):
            refresh_task(twin)
