"""`duban bench parse`: time the full parse of each rendering of the reference notice.

The .docx and .pdf parses are set against the bare library read of the same file, so the
budgets hold on any machine: txt ≤ 20 ms, docx ≤ 2× python-docx, pdf ≤ 3× pdfplumber.
Budgets are checked on CPU time: on a shared machine, wall time also counts the moments
other processes hold the CPU. Wall time is printed beside it.
"""

import gc
import io
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import pdfplumber
from rich.console import Console
from rich.table import Table

from duban.parsing.api import parse_bytes
from duban.parsing.errors import NO_TASKS, ParseError

REFERENCE = "000_de8080339d2f7ae4"
# Repeats per rendering when --repeat is not given: the PDF takes seconds per parse.
DEFAULT_REPEATS = {"txt": 50, "docx": 20, "pdf": 3}
TXT_BUDGET = 0.020
RATIO_BUDGETS = {"docx": 2.0, "pdf": 3.0}


@dataclass(frozen=True)
class Timing:
    """Medians, in seconds, of the CPU time and of the wall time of repeated runs."""

    cpu: float
    wall: float


@dataclass(frozen=True)
class Figure:
    """One rendering's timings and whether it met its budget."""

    rendering: str
    repeat: int
    parse: Timing
    bare: Timing | None

    @property
    def budget(self) -> str:
        if self.bare is None:
            return f"≤ {TXT_BUDGET * 1000:g} ms"
        return f"≤ {RATIO_BUDGETS[self.rendering]:g}× bare"

    @property
    def ratio(self) -> float | None:
        return self.parse.cpu / self.bare.cpu if self.bare else None

    @property
    def within_budget(self) -> bool:
        if self.bare is None:
            return self.parse.cpu <= TXT_BUDGET
        return self.ratio <= RATIO_BUDGETS[self.rendering]


def default_seed_dir() -> Path:
    """$DUBAN_SHARED_DIR/seed, else the shared folder beside the repository."""
    repo = Path(__file__).resolve().parents[2]
    return Path(os.getenv("DUBAN_SHARED_DIR", repo.parent / "shared")) / "seed"


def bench_parse(seed_dir: Path, repeat: int | None = None) -> list[Figure]:
    """Time every rendering found in `seed_dir`; `repeat` overrides the default repeats."""
    figures = []
    for rendering in ("txt", "docx", "pdf"):
        path = seed_dir / f"{REFERENCE}.{rendering}"
        if not path.exists():
            continue
        data = path.read_bytes()
        times = repeat or DEFAULT_REPEATS[rendering]
        parse = _time(lambda: _parse(data, path.name), times)
        bare = BARE_READS.get(rendering)
        figures.append(
            Figure(rendering, times, parse, _time(lambda: bare(data), times) if bare else None)
        )
    return figures


def _parse(data: bytes, filename: str) -> None:
    """Parse as `duban parse` does; a file refused for holding no tasks was read all the same."""
    try:
        parse_bytes(data, filename)
    except ParseError as error:
        if error.code != NO_TASKS:
            raise


def render(figures: list[Figure], seed_dir: Path, console: Console) -> None:
    """Print the figures as a table; over budget is reported, never an error."""
    table = Table(title=f"duban bench parse ({seed_dir})", title_justify="left")
    table.add_column("rendering")
    for heading in ("runs", "parse CPU", "parse wall", "bare CPU", "ratio", "budget", "result"):
        table.add_column(heading, justify="right")
    for figure in figures:
        table.add_row(
            figure.rendering,
            str(figure.repeat),
            _ms(figure.parse.cpu),
            _ms(figure.parse.wall),
            _ms(figure.bare.cpu) if figure.bare else "-",
            f"{figure.ratio:.2f}×" if figure.ratio else "-",
            figure.budget,
            "pass" if figure.within_budget else "OVER",
        )
    console.print(table)
    # Timings are noisy on shared machines: a figure over budget is a prompt, not a failure.
    console.print(
        "medians; budgets on CPU time: txt ≤ 20 ms, docx ≤ 2× python-docx, pdf ≤ 3× pdfplumber"
    )


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _time(run: Callable[[], object], times: int) -> Timing:
    """Median CPU and wall time of `times` runs after one warm-up, with the collector off
    as timeit does, so that a collection left over from earlier work is not counted."""
    run()
    cpu, wall = [], []
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(times):
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            run()
            cpu.append(time.process_time() - started_cpu)
            wall.append(time.perf_counter() - started_wall)
    finally:
        if gc_was_enabled:
            gc.enable()
    return Timing(statistics.median(cpu), statistics.median(wall))


def _bare_docx(data: bytes) -> None:
    """python-docx's plain load and read of every table cell's text."""
    for table in docx.Document(io.BytesIO(data)).tables:
        for row in table.rows:
            for cell in row.cells:
                cell.text  # noqa: B018 - reading is what is timed


def _bare_pdf(data: bytes) -> None:
    """pdfplumber's plain open and text extraction of every page."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()


BARE_READS: dict[str, Callable[[bytes], None]] = {"docx": _bare_docx, "pdf": _bare_pdf}
