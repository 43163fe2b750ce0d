import io
import json
import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import override_settings
from django.test.utils import setup_databases, teardown_databases
from rich.console import Console

from duban.exports.bench import BUDGET_MB, BUDGET_SECONDS, bench_export
from duban.ledger.bench import IMPORT_STEPS, bench_import
from duban.ledger.loadrun import bench_load, load_json, render_load
from duban.ledger.scale import bench_scale, render_scale, scale_json
from duban.parsing.bench import bench_parse, default_seed_dir, render
from duban.supervision.bench import bench_province, bench_refresh


class Command(BaseCommand):
    # `parse` reads files only and the others make their own database: no checks to wait for.
    requires_system_checks = []
    help = (
        "Benchmark the parser on the reference notice (parse), or the main pages with the "
        "ledger export and refresh-status (pages), or the Excel ledger export alone (export) "
        "on a province's worth of synthetic data in a throwaway database, or refresh-status "
        "on the demo (refresh; with --tasks, refresh-status, remind and escalate on a "
        "synthetic province), or the office's web import of the reference .docx (import), "
        "or gunicorn under many logged-in clients on PostgreSQL (load)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "what",
            choices=["parse", "pages", "export", "refresh", "import", "load"],
            help="what to benchmark",
        )
        parser.add_argument(
            "--repeat",
            type=int,
            default=None,
            help="runs per case (parse: 20, pdf 3; pages: 20; refresh: 5; import: 5)",
        )
        parser.add_argument(
            "--seed-dir",
            type=Path,
            default=None,
            help="parse, import: folder of the reference files",
        )
        parser.add_argument(
            "--tasks",
            type=int,
            default=None,
            help="pages: tasks of the large database; export: tasks exported; load: tasks "
            "served (all three 100000); refresh: tasks of a synthetic province (default: the "
            "demo)",
        )
        parser.add_argument(
            "--small", type=int, default=1_000, help="pages: tasks of the baseline database"
        )
        parser.add_argument(
            "--reports-per-task",
            type=int,
            default=10,
            help="pages, export, refresh --tasks, load: progress reports per task",
        )
        parser.add_argument(
            "--json", action="store_true", help="pages, load: print the figures as JSON"
        )
        parser.add_argument("--clients", type=int, default=50, help="load: concurrent clients")
        parser.add_argument("--seconds", type=float, default=30, help="load: seconds measured")
        parser.add_argument(
            "--warmup", type=float, default=5, help="load: seconds of warm-up, not counted"
        )
        parser.add_argument("--workers", type=int, default=4, help="load: gunicorn workers")

    def handle(self, *args, what, repeat, **options):
        if repeat is not None and repeat < 1:
            raise CommandError("--repeat must be at least 1", returncode=2)
        if options["tasks"] is not None and options["tasks"] < 1:
            raise CommandError("--tasks must be at least 1", returncode=2)
        # Rich renders into a buffer: Django's OutputWrapper adds a newline to every write.
        console = Console(file=io.StringIO(), width=120, force_terminal=self.stdout.isatty())
        if what == "parse":
            self.parse(console, options["seed_dir"] or default_seed_dir(), repeat)
        elif what == "export":
            self.export(console, options["tasks"] or 100_000, options["reports_per_task"])
        elif what == "refresh" and options["tasks"]:
            self.province(console, options["tasks"], options["reports_per_task"])
        elif what == "refresh":
            self.refresh(console, repeat or 5)
        elif what == "import":
            self.web_import(console, options["seed_dir"] or default_seed_dir(), repeat or 5)
        elif what == "load":
            self.load(console, options)
        else:
            self.pages(console, options, repeat or 20)
        self.stdout.write(console.file.getvalue(), ending="")

    def parse(self, console, seed_dir, repeat):
        figures = bench_parse(seed_dir, repeat)
        if not figures:
            raise CommandError(f"no reference notice in {seed_dir}", returncode=2)
        render(figures, seed_dir, console)

    def export(self, console, tasks, reports_per_task):
        figures = throwaway_database(bench_export, tasks, reports_per_task, self.stderr.write)
        console.print(
            f"duban bench export: {figures.rows} rows ({reports_per_task} reports per task), "
            f"{figures.size_mb:.1f} MB .xlsx"
        )
        export, baseline = figures.export, figures.baseline
        console.print(
            f"time {export.wall:.2f} s (budget ≤ {BUDGET_SECONDS} s), CPU {export.cpu:.2f} s"
        )
        console.print(
            f"baseline (openpyxl write-only, as many plain rows) {baseline.wall:.2f} s, "
            f"CPU {baseline.cpu:.2f} s; ratio {figures.ratio:.2f}×"
        )
        console.print(f"peak memory {figures.peak_mb:.1f} MB (budget < {BUDGET_MB} MB)")

    def pages(self, console, options, repeat):
        small, large = options["small"], options["tasks"] or 100_000
        if not 1 <= small <= large:
            raise CommandError("--small must be at least 1 and at most --tasks", returncode=2)
        figures = throwaway_database(
            bench_scale, small, large, options["reports_per_task"], repeat, self.stderr.write
        )
        if options["json"]:
            console.file.write(dump(scale_json(figures)))
        else:
            render_scale(console, figures)

    def refresh(self, console, repeat):
        try:
            figures = throwaway_database(bench_refresh, repeat, self.stderr.write)
        except FileNotFoundError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        console.print(
            f"duban bench refresh: the demo's {figures.tasks} active tasks in {figures.plans} plans"
        )
        console.print(
            f"refresh-status  {figures.seconds:.3f} s (median of {repeat}), "
            f"{figures.queries} queries"
        )
        console.print(
            f"one task at a time  {figures.single_seconds:.3f} s, "
            f"{figures.single_queries} queries ({figures.single_seconds / figures.seconds:.0f}×)"
        )

    def province(self, console, tasks, reports_per_task):
        figures = throwaway_database(bench_province, tasks, reports_per_task, self.stderr.write)
        console.print(
            f"duban bench refresh: a synthetic province of {figures.tasks} active tasks in "
            f"{figures.plans} plans, {figures.reports} reports, on {connection.vendor}"
        )
        for line, run in figures.runs:
            console.print(
                f"{line:<18} {run.seconds:8.2f} s  {run.queries:6} queries  "
                f"{run.queries / figures.plans:6.1f} per plan"
            )

    def web_import(self, console, seed_dir, repeat):
        found = sorted(seed_dir.glob("*.docx"))
        if not found:
            raise CommandError(f"no reference notice (.docx) in {seed_dir}", returncode=2)
        figures = throwaway_database(bench_import, found[0], repeat, self.stderr.write)
        console.print(f"duban bench import: {figures.filename} through the office's pages")
        for step in IMPORT_STEPS:
            console.print(f"{step:<8} {figures.seconds[step]:.3f} s")
        console.print(f"total    {figures.total:.3f} s (median of {repeat})")
        console.print(f"parses   {figures.parses} per import")

    def load(self, console, options):
        if options["clients"] < 4 or options["workers"] < 1 or options["seconds"] <= 0:
            raise CommandError(
                "--clients must be at least 4, --workers at least 1, --seconds above 0",
                returncode=2,
            )
        if connection.vendor != "postgresql":
            raise CommandError(
                "the load run needs PostgreSQL: set DATABASE_URL (its throwaway database is "
                "made beside the configured one)",
                returncode=2,
            )
        figures = throwaway_database(
            bench_load,
            options["tasks"] or 100_000,
            options["reports_per_task"],
            options["clients"],
            options["seconds"],
            options["workers"],
            options["warmup"],
            self.stderr.write,
        )
        if options["json"]:
            console.file.write(dump(load_json(figures)))
        else:
            render_load(console, figures)


def dump(figures: dict) -> str:
    return json.dumps(figures, ensure_ascii=False, indent=2) + "\n"


def throwaway_database(bench, *args):
    """Run `bench(*args)` in a test database created and dropped here, never the configured one."""
    if connection.vendor == "postgresql":
        # Named for the bench and the process: beside a test run's test_<name>, never on it.
        connection.settings_dict["TEST"]["NAME"] = f"test_duban_bench_{os.getpid()}"
    with served_as_in_production():
        databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        try:
            return bench(*args)
        finally:
            teardown_databases(databases, verbosity=0)


def served_as_in_production():
    """Settings under which the test client's pages cost what a server's do: DEBUG off (no
    query log, no template debugging), mail kept in memory, the client's host allowed.

    Not setup_test_environment(): it also instruments every template render with a signal
    that the test client answers by copying the context, a cost no server pays.
    """
    locmem = {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    return override_settings(
        DEBUG=False,
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
        MAILERS={alias: locmem for alias in settings.MAILERS},
    )
