from django.core.management.base import BaseCommand

from duban.lib import clock
from duban.supervision.choices import Colour
from duban.supervision.management.options import add_date_option
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
        counts = refresh_all(on or clock.today(), dry_run=dry_run)
        summary = "，".join(f"{label} {counts.get(value, 0)}" for value, label in Colour.choices)
        self.stdout.write(("（试算）" if dry_run else "") + summary)
