import time

from django.core.management.base import BaseCommand

from duban.lib import clock
from duban.supervision.management.options import add_date_option
from duban.supervision.management.progress import closing_line, progress_bar
from duban.supervision.models import escalate_late_notices, late_notices


class Command(BaseCommand):
    help = "Raise the tier of 督办单 whose response is late (also run by `duban remind`)."

    def add_arguments(self, parser):
        add_date_option(parser)
        parser.add_argument(
            "--dry-run", action="store_true", help="list the late notices, change nothing"
        )

    def handle(self, *args, on, dry_run, **options):
        started = time.perf_counter()
        today = on or clock.today()
        late = late_notices(today)
        with progress_bar(self.stdout, "升级督办单", len(late)) as bar:
            escalate_late_notices(today, dry_run=dry_run, notices=late, progress=bar.advance)
            for notice in late:
                bar.say(f"{notice}（{notice.unit}，反馈期限 {notice.respond_by}）")
        verb = "将升级" if dry_run else "已升级"
        seconds = time.perf_counter() - started
        self.stdout.write(closing_line(f"{verb} {len(late)} 份督办单。", seconds))
