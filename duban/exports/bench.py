"""`duban bench export`: the ledger of N synthetic tasks written to .xlsx, timed and weighed.

Run in a throwaway test database filled by `duban.ledger.bench.Ledger`, as `bench pages` is. The
baseline is openpyxl's write-only mode writing as many rows of plain values (the ledger's
first row, repeated) without styles or queries: what the export costs beyond writing the file.
"""

import os
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

from openpyxl import Workbook

from duban.exports.ledger import numbered, write_ledger
from duban.ledger.bench import Ledger
from duban.ledger.models import Task

BUDGET_SECONDS = 10
BUDGET_MB = 300


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


@dataclass(frozen=True)
class ExportFigures:
    rows: int
    export: Timing
    baseline: Timing
    peak_mb: float  # Python allocations at their peak, traced in a second run
    size_mb: float

    @property
    def ratio(self) -> float:
        return self.export.wall / self.baseline.wall


def _timed(work: Callable[[], object]) -> tuple[object, Timing]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, Timing(time.perf_counter() - wall, time.process_time() - cpu)


def _baseline(row: tuple, count: int, path: str) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("台账")
    for _ in range(count):
        sheet.append(row)
    workbook.save(path)


def bench_export(
    tasks: int, reports_per_task: int, progress: Callable[[str], None]
) -> ExportFigures:
    progress(f"building {tasks} tasks and {tasks * reports_per_task} reports…")
    Ledger().add(tasks, reports_per_task)
    return measure_export(progress)


def measure_export(progress: Callable[[str], None]) -> ExportFigures:
    """Export every task of the database as it stands: timed, then weighed in a second run."""
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as output:
        progress("exporting…")
        rows, export = _timed(lambda: write_ledger(Task.objects.all(), output.name, "督办台账"))
        size = os.path.getsize(output.name)
        progress("writing the baseline…")
        first = next(numbered(Task.objects.all()))
        _, baseline = _timed(lambda: _baseline(first, rows, output.name))
        progress("exporting again, tracing memory…")
        tracemalloc.start()
        try:
            write_ledger(Task.objects.all(), output.name, "督办台账")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    return ExportFigures(rows, export, baseline, peak / 2**20, size / 2**20)
