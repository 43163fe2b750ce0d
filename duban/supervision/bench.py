"""`duban bench refresh`: `refresh-status` (and `remind`, `escalate`) timed and counted.

Run in a throwaway test database, either loaded as `duban demo` loads it (the same statuses
also recomputed one task at a time, the shape of the refresh before it was batched per plan),
or holding a synthetic province of N tasks (`bench_province`).
"""

import io
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.models import F, Max
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from duban.accounts.choices import UserRole
from duban.accounts.models import Profile
from duban.ledger import demo
from duban.ledger.bench import BATCH, Ledger
from duban.ledger.models import Task, Unit
from duban.ledger.signals import tasks_changed_held
from duban.progress.choices import CycleState, MilestoneState, ReportState
from duban.progress.models import Milestone, Report, ReportingCycle
from duban.supervision.choices import Tier
from duban.supervision.models import SupervisionNotice
from duban.supervision.refresh import refresh_all, refresh_tasks
from duban.targets.choices import Measure, ValueSource
from duban.targets.models import Measurement, Metric, Target


@dataclass(frozen=True)
class RefreshFigures:
    tasks: int
    plans: int
    seconds: float  # median of the runs of a full refresh
    queries: int  # of one full refresh
    single_seconds: float  # every task refreshed on its own
    single_queries: int


def _timed(refresh: Callable[[], object]) -> float:
    started = time.perf_counter()
    refresh()
    return time.perf_counter() - started


def _counted(refresh: Callable[[], object]) -> tuple[float, int]:
    """Seconds and queries of a run; recording the queries adds a little to its time."""
    # The log keeps the last 9000 queries only, and the count is the difference of its lengths.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        seconds = _timed(refresh)
    return seconds, len(queries)


def bench_refresh(repeat: int, progress: Callable[[str], None]) -> RefreshFigures:
    progress("loading the demo…")
    state = demo.Demo()
    # The demo's attachments go with the throwaway database, not into the configured files.
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        with tasks_changed_held():
            for step in demo.STEPS:
                step(state)
    today = state.today
    tasks = Task.objects.active()
    ids = list(tasks.values_list("pk", flat=True))

    def full():
        refresh_all(today)

    def one_by_one():
        for pk in ids:
            refresh_tasks(Task.objects.filter(pk=pk), today)

    runs = []
    for i in range(repeat):
        progress(f"refresh {i + 1} of {repeat}…")
        runs.append(_timed(full))
    progress("refreshing one task at a time…")
    single_seconds, single_queries = _counted(one_by_one)
    return RefreshFigures(
        tasks=len(ids),
        plans=tasks.values("plan").distinct().count(),
        seconds=statistics.median(runs),
        queries=_counted(full)[1],
        single_seconds=single_seconds,
        single_queries=single_queries,
    )


# The synthetic province is judged on a day of its plans' year, with some cycles past due.
PROVINCE_DAY = date(2022, 9, 15)
# One task in TARGET_EVERY has a quantitative target, one in MILESTONE_EVERY an overdue
# milestone, and one in NOTICE_EVERY a 督办单 whose response is late.
TARGET_EVERY = 10
MILESTONE_EVERY = 5
NOTICE_EVERY = 100
# Report states by report id, modulo their count: every state the rules tell apart.
STATE_CYCLE = [
    ReportState.ACCEPTED,
    ReportState.SUBMITTED,
    ReportState.ACCEPTED,
    ReportState.RETURNED,
    ReportState.DRAFT,
    ReportState.ACCEPTED,
    ReportState.CONSOLIDATED,
]


def add_supervision_work(today: date = PROVINCE_DAY) -> None:
    """Give a synthetic ledger (`duban.ledger.bench.Ledger`) the work of a real refresh and remind.

    Reports in every state with percents, the later cycles still open (so reminders are owed),
    some lead reports missing, targets with values, overdue milestones, a liaison per unit and
    late 督办单 to escalate. Bulk statements only: it runs on 10⁵ tasks.
    """
    remainder = F("pk") % len(STATE_CYCLE)
    for index, state in enumerate(STATE_CYCLE):
        Report.objects.alias(r=remainder).filter(r=index).update(state=state)
    Report.objects.update(percent_complete=F("pk") * 37 % 101)
    Report.objects.alias(r=F("task_id") % 9).filter(
        r=0, cycle__due_on__gte=date(2022, 4, 1)
    ).delete()
    ReportingCycle.objects.filter(due_on__gte=date(2022, 4, 1)).update(state=CycleState.OPEN)
    tasks = list(Task.objects.values_list("pk", "plan_id"))
    metric, _ = Metric.objects.get_or_create(name="新增就业岗位")
    targets = Target.objects.bulk_create(
        (
            Target(
                task_id=pk,
                metric=metric,
                metric_text="新增就业岗位",
                measure=Measure.INCREASE,
                value=Decimal(1000),
                unit="个",
            )
            for pk, _ in tasks[::TARGET_EVERY]
        ),
        batch_size=BATCH,
    )
    Measurement.objects.bulk_create(
        (
            Measurement(
                target=target,
                on_date=date(2022, 6, 30),
                value=Decimal(target.task_id * 13 % 900),
                unit="个",
                source=ValueSource.OFFICE,
            )
            for target in targets
        ),
        batch_size=BATCH,
    )
    Milestone.objects.bulk_create(
        (
            Milestone(
                task_id=pk,
                year=2022,
                seq=1,
                title="项目开工",
                description="完成开工",
                due_on=date(2022, 5 + pk % 4, 1),
                state=MilestoneState.CONFIRMED,
            )
            for pk, _ in tasks[::MILESTONE_EVERY]
        ),
        batch_size=BATCH,
    )
    _liaisons()
    _late_notices(tasks[::NOTICE_EVERY], today)


def _liaisons() -> None:
    user_model = get_user_model()
    units = list(Unit.objects.filter(profiles__isnull=True).order_by("pk"))
    users = user_model.objects.bulk_create(
        (
            user_model(username=f"bench-liaison-{unit.pk}", email=f"liaison{unit.pk}@example.org")
            for unit in units
        ),
        batch_size=BATCH,
    )
    Profile.objects.bulk_create(
        (
            Profile(user=user, role=UserRole.UNIT, unit=unit)
            for user, unit in zip(users, units, strict=True)
        ),
        batch_size=BATCH,
    )


def _late_notices(tasks: list[tuple[int, int]], today: date) -> None:
    leads = Task.objects.filter(pk__in=[pk for pk, _ in tasks]).lead_unit_ids()
    first = (
        SupervisionNotice.objects.filter(year=today.year).aggregate(m=Max("seq"))["m"] or 0
    ) + 1
    SupervisionNotice.objects.bulk_create(
        (
            SupervisionNotice(
                task_id=pk,
                unit_id=leads[pk][0],
                tier=Tier.REMIND,
                year=today.year,
                seq=first + i,
                number=f"督〔{today.year}〕{first + i}号",
                reason="进度滞后，请说明原因。",
                respond_by=today - timedelta(days=30),
                signer="督查室",
            )
            for i, (pk, _) in enumerate(tasks)
        ),
        batch_size=BATCH,
    )


@contextmanager
def _counting():
    """Count the queries run inside, without keeping them (a province's refresh runs thousands)."""
    counter = [0]

    def count(execute, sql, params, many, context):
        counter[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield counter


@dataclass(frozen=True)
class Run:
    seconds: float
    queries: int


# The commands timed on the province, in this order: the first refresh writes most statuses,
# the second finds them steady; remind --dry-run reads only; escalate raises the late 督办单,
# so the remind after it (which escalates too) sends the reminders alone.
PROVINCE_COMMANDS = [
    ("refresh-status", ()),
    ("refresh-status", ()),
    ("remind", ("--dry-run",)),
    ("escalate", ()),
    ("remind", ()),
]


@dataclass(frozen=True)
class ProvinceFigures:
    tasks: int
    plans: int
    reports: int
    runs: list[tuple[str, Run]]  # (command line, its run) in PROVINCE_COMMANDS order


def run_command(name: str, *args: str, today: date = PROVINCE_DAY) -> Run:
    """Seconds and queries of `duban NAME ARGS --date today`, its output discarded."""
    with _counting() as queries:
        started = time.perf_counter()
        call_command(name, *args, "--date", today.isoformat(), stdout=io.StringIO())
        seconds = time.perf_counter() - started
    return Run(seconds, queries[0])


def refresh_figures(today: date = PROVINCE_DAY) -> dict:
    """{"tasks", "plans", "seconds", "queries"} of `refresh-status` on the current database.

    For a synthetic ledger (`duban.ledger.bench.Ledger`) call `add_supervision_work` first, once,
    after timing anything that must see the ledger as it was built.
    """
    run = run_command("refresh-status", today=today)
    tasks = Task.objects.active()
    return {
        "tasks": tasks.count(),
        "plans": tasks.values("plan").distinct().count(),
        "seconds": run.seconds,
        "queries": run.queries,
    }


def bench_province(
    tasks: int, reports_per_task: int, progress: Callable[[str], None]
) -> ProvinceFigures:
    """Build a synthetic province of `tasks` tasks and time the nightly and daily commands on it."""
    progress(f"building {tasks} tasks and {tasks * reports_per_task} reports…")
    Ledger().add(tasks, reports_per_task)
    add_supervision_work()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    runs = []
    for name, args in PROVINCE_COMMANDS:
        line = " ".join((name, *args))
        progress(f"{line}…")
        runs.append((line, run_command(name, *args)))
    active = Task.objects.active()
    return ProvinceFigures(
        tasks=active.count(),
        plans=active.values("plan").distinct().count(),
        reports=Report.objects.count(),
        runs=runs,
    )
