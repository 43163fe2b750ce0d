import time

from django.core.management.base import BaseCommand

from duban.lib import clock
from duban.supervision.management.options import add_date_option
from duban.supervision.management.progress import closing_line, progress_bar
from duban.supervision.models import escalate_late_notices, late_notices
from duban.supervision.reminders import build_reminders, remind_days, send_reminder


class Command(BaseCommand):
    help = "E-mail unit liaisons the reports due soon or overdue, and escalate late 督办单 (daily cron)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="remind of reports due within N days"
        )
        add_date_option(parser)
        parser.add_argument(
            "--dry-run", action="store_true", help="list what would be sent, send nothing"
        )

    def handle(self, *args, days, on, dry_run, **options):
        started = time.perf_counter()
        today = on or clock.today()
        days = remind_days() if days is None else days
        reminders = build_reminders(today, days)
        late = late_notices(today)
        skipped = 0
        with progress_bar(self.stdout, "发送提醒", len(reminders) + len(late)) as bar:
            for reminder in reminders:
                bar.advance()
                if not dry_run and not send_reminder(reminder, today):
                    skipped += 1
                    continue
                address = reminder.user.email or "（无邮箱，仅站内通知）"
                bar.say(f"{reminder.user.get_username()} <{address}>：{reminder.subject}")
                for item in reminder.items:
                    bar.say(f"  - {item.task}｜{item.cycle}｜{item.urgency_label}")
            escalate_late_notices(today, dry_run=dry_run, notices=late, progress=bar.advance)
            for notice in late:
                bar.say(f"升级督办单：{notice}（{notice.unit}，反馈期限 {notice.respond_by}）")
        verb = "将发送" if dry_run else "已发送"
        summary = f"{verb} {len(reminders) - skipped} 份提醒"
        if skipped:
            summary += f"，{skipped} 份今日已发送过，未重复发送"
        summary += f"；{'将升级' if dry_run else '已升级'} {len(late)} 份督办单。"
        self.stdout.write(closing_line(summary, time.perf_counter() - started))
