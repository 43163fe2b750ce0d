from django.core.management.base import BaseCommand

from duban.lib import clock
from duban.supervision.management.options import add_date_option
from duban.supervision.models import escalate_late_notices


class Command(BaseCommand):
    help = "Raise the tier of 督办单 whose response is late (also run by `duban remind`)."

    def add_arguments(self, parser):
        add_date_option(parser)
        parser.add_argument(
            "--dry-run", action="store_true", help="list the late notices, change nothing"
        )

    def handle(self, *args, on, dry_run, **options):
        today = on or clock.today()
        late = escalate_late_notices(today, dry_run=dry_run)
        for notice in late:
            self.stdout.write(f"{notice}（{notice.unit}，反馈期限 {notice.respond_by}）")
        verb = "将升级" if dry_run else "已升级"
        self.stdout.write(f"{verb} {len(late)} 份督办单。")
