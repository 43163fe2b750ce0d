"""`duban bench refresh`: `refresh-status` on the demo, timed and its queries counted.

Run in a throwaway test database loaded as `duban demo` loads it. The same statuses are also
recomputed one task at a time, the shape of the refresh before it was batched per plan.
"""

import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from duban.ledger import demo
from duban.ledger.models import Task
from duban.ledger.signals import tasks_changed_held
from duban.supervision.refresh import refresh_all, refresh_tasks


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
