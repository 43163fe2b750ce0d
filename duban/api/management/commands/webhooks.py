import time

from django.core.management.base import BaseCommand

from duban.api.webhooks import collect, deliver_due


class Command(BaseCommand):
    help = "Send the webhooks' events (status changes, report submissions, new 督办单), retrying failures."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", action="store_true", help="keep running, every --every seconds"
        )
        parser.add_argument("--every", type=int, default=30, help="seconds between rounds")

    def handle(self, *args, loop, every, **options):
        while True:
            created = collect()
            sent = deliver_due()
            delivered = sum(1 for d in sent if d.delivered_at is not None)
            self.stdout.write(f"新事件 {created} 条，发送 {len(sent)} 次，送达 {delivered} 次。")
            if not loop:
                return
            time.sleep(every)
