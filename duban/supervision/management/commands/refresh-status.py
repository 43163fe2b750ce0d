import time

from django.core.management.base import BaseCommand

from duban.ledger.models import Task
from duban.lib import clock
from duban.supervision.choices import Colour
from duban.supervision.management.options import add_date_option
from duban.supervision.management.progress import closing_line, progress_bar
from duban.supervision.refresh import refresh_all


class Command(BaseCommand):
    help = "Recompute the supervision status (colour and reasons) of every active task."
    # The nightly job: the checks import every view and with them the parser's readers, a
    # second of start-up; `duban check` runs them in `make test` and at deployment.
    requires_system_checks = []

    def add_arguments(self, parser):
        add_date_option(parser)
        parser.add_argument(
            "--dry-run", action="store_true", help="count the colours, store nothing"
        )

    def handle(self, *args, on, dry_run, **options):
        started = time.perf_counter()
        tasks = Task.objects.active()
        with progress_bar(self.stdout, "计算督办状态", tasks.count()) as bar:
            counts = refresh_all(
                on or clock.today(), tasks=tasks, dry_run=dry_run, progress=bar.advance
            )
        summary = "，".join(f"{label} {counts.get(value, 0)}" for value, label in Colour.choices)
        summary = f"{'（试算）' if dry_run else ''}{summary}，共 {sum(counts.values())} 项任务"
        self.stdout.write(closing_line(summary, time.perf_counter() - started))
