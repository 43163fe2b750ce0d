import io
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console

from duban.parsing.bench import bench_parse, default_seed_dir, render


class Command(BaseCommand):
    # Reads files only: no database, so no system checks to wait for.
    requires_system_checks = []
    help = "Benchmark the parser on the reference notice and print medians against budgets."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["parse"], help="what to benchmark")
        parser.add_argument(
            "--seed-dir", type=Path, default=None, help="folder of the reference files"
        )
        parser.add_argument(
            "--repeat", type=int, default=None, help="runs per rendering (default: 20, pdf 3)"
        )

    def handle(self, *args, **options):
        if options["repeat"] is not None and options["repeat"] < 1:
            raise CommandError("--repeat must be at least 1", returncode=2)
        seed_dir = options["seed_dir"] or default_seed_dir()
        figures = bench_parse(seed_dir, options["repeat"])
        if not figures:
            raise CommandError(f"no reference notice in {seed_dir}", returncode=2)
        # Rich renders into a buffer: Django's OutputWrapper adds a newline to every write.
        console = Console(file=io.StringIO(), width=120, force_terminal=self.stdout.isatty())
        render(figures, seed_dir, console)
        self.stdout.write(console.file.getvalue(), ending="")
