"""`duban bench export`: the ledger of N synthetic tasks written to .xlsx, timed and weighed.

Run in a throwaway test database filled by `duban.scale.Ledger`, as `bench pages` is.
"""

import os
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

from duban.exports.ledger import write_ledger
from duban.ledger.models import Task
from duban.scale import Ledger

BUDGET_SECONDS = 10
BUDGET_MB = 300


@dataclass(frozen=True)
class ExportFigures:
    rows: int
    seconds: float
    peak_mb: float  # Python allocations at their peak, traced in a second run
    size_mb: float


def bench_export(
    tasks: int, reports_per_task: int, progress: Callable[[str], None]
) -> ExportFigures:
    progress(f"building {tasks} tasks and {tasks * reports_per_task} reports…")
    Ledger().add(tasks, reports_per_task)
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as output:
        progress("exporting…")
        started = time.perf_counter()
        rows = write_ledger(Task.objects.all(), output.name, "督办台账")
        seconds = time.perf_counter() - started
        size = os.path.getsize(output.name)
        progress("exporting again, tracing memory…")
        tracemalloc.start()
        try:
            write_ledger(Task.objects.all(), output.name, "督办台账")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    return ExportFigures(rows, seconds, peak / 2**20, size / 2**20)
