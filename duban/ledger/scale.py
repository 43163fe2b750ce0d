"""The figures of `duban bench pages`: the pages on both databases, then the ledger export and
refresh-status on the large one, measured in one throwaway database; as a table or as JSON."""

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table

from duban.exports.bench import BUDGET_MB, BUDGET_SECONDS, ExportFigures, measure_export
from duban.ledger.bench import PagesFigures, Samples, bench_pages
from duban.lib.timings import ms
from duban.supervision.bench import add_supervision_work, refresh_figures


@dataclass(frozen=True)
class Scale:
    pages: PagesFigures
    export: ExportFigures
    refresh: dict  # duban.supervision.bench.refresh_figures
    repeat: int  # views per page and database


def bench_scale(
    small: int, large: int, reports_per_task: int, repeat: int, progress: Callable[[str], None]
) -> Scale:
    """The pages on both databases, then the ledger export and refresh-status on the large one
    (given the reports, targets and milestones a refresh reads, after the rest is measured)."""
    pages = bench_pages(small, large, reports_per_task, repeat, progress)
    export = measure_export(progress)
    progress("adding the work a refresh reads…")
    add_supervision_work()
    progress(f"refreshing the statuses of {pages.tasks} tasks…")
    return Scale(pages, export, refresh_figures(), repeat)


def _samples_json(samples: Samples) -> dict:
    return {
        "median_ms": ms(samples.median),
        "p95_ms": ms(samples.p95),
        "floor_ms": ms(samples.floor),
        "ratio": round(samples.ratio, 2),
        "queries": samples.queries,
        "floor_reads": samples.reads,
        "slowest_read_ms": ms(samples.slowest[0]),
        "slowest_read_sql": samples.slowest[1],
    }


def scale_json(found: Scale) -> dict:
    """Each page's figures on the large database, its growth from the small one and the small
    one's own figures; the export's and the refresh's."""
    figures, export, refresh = found.pages, found.export, found.refresh
    return {
        "database": figures.database,
        "tasks": figures.tasks,
        "small_tasks": figures.small_tasks,
        "reports": figures.reports,
        "repeat": found.repeat,
        "pages": {
            timing.page: {
                **_samples_json(timing.large),
                "growth": round(timing.growth, 2),
                "small": _samples_json(timing.small),
            }
            for timing in figures.timings
        },
        "export": {
            "rows": export.rows,
            "seconds": round(export.export.wall, 2),
            "peak_mb": round(export.peak_mb, 1),
        },
        "refresh": {**refresh, "seconds": round(refresh["seconds"], 2)},
    }


def render_scale(console: Console, found: Scale) -> None:
    figures, export, refresh = found.pages, found.export, found.refresh
    table = Table(
        title=f"duban bench pages on {figures.database}: {figures.small_tasks} tasks, then "
        f"{figures.tasks - figures.small_tasks} more beside them ({figures.reports} reports "
        "in all); times on the large database",
        title_justify="left",
    )
    table.add_column("page")
    for heading in ("small", "median", "p95", "floor", "ratio", "growth", "queries"):
        table.add_column(heading, justify="right")
    for timing in figures.timings:
        large = timing.large
        table.add_row(
            timing.page,
            f"{ms(timing.small.median)} ms",
            f"{ms(large.median)} ms",
            f"{ms(large.p95)} ms",
            f"{ms(large.floor)} ms",
            f"{large.ratio:.1f}×",
            f"{timing.growth:.2f}×",
            str(large.queries),
        )
    console.print(table)
    console.print(
        f"{found.repeat} views per page and database. small, median: medians; floor: the "
        "page's reads sent again raw (median); ratio: median over floor; growth: median over "
        "small. A page should cost what it shows, so a growth near 1×."
    )
    console.print(
        f"export: {export.rows} rows in {export.export.wall:.2f} s (budget ≤ {BUDGET_SECONDS} "
        f"s), peak {export.peak_mb:.1f} MB (budget < {BUDGET_MB} MB)"
    )
    console.print(
        f"refresh-status: {refresh['tasks']} tasks in {refresh['plans']} plans in "
        f"{refresh['seconds']:.2f} s, {refresh['queries']} queries"
    )
