from django.core.management.base import BaseCommand, CommandError

from duban.ledger import demo
from duban.ledger.signals import tasks_changed_held


class Command(BaseCommand):
    help = "Load the reference notice and demo log-ins (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            action="store_true",
            help="print the date the loaded demo lives on (for DUBAN_TODAY) and stop",
        )

    def handle(self, *args, today, **options):
        if today:
            try:
                self.stdout.write(demo.loaded_today().isoformat())
            except FileNotFoundError as exc:
                raise CommandError(str(exc), returncode=2) from exc
            return
        if demo.published_password_refused():
            raise CommandError(
                "DUBAN_DEBUG=0：不能用公开的演示密码创建账号。"
                "请先设置 DUBAN_DEMO_PASSWORD=<不少于 8 位、非纯数字的密码> 再运行 duban demo。"
            )
        state = demo.Demo()
        try:
            # The demo dates the statuses it computes; none is computed for the real today.
            with tasks_changed_held():
                for step in demo.STEPS:
                    step(state)
        except FileNotFoundError as exc:
            raise CommandError(str(exc)) from exc
        for line in state.lines:
            self.stdout.write(line)
        self.stdout.write("")
        self.stdout.write("演示账号：")
        rows = [("用户名", "密码", "角色", "对应")] + [
            (a.username, a.password, a.role, a.tied_to) for a in state.accounts
        ]
        widths = [max(_width(row[i]) for row in rows) for i in range(3)]
        for row in rows:
            cells = [
                cell + " " * (width - _width(cell))
                for cell, width in zip(row, widths, strict=False)
            ]
            self.stdout.write("  ".join([*cells, row[3]]))


def _width(text: str) -> int:
    # Chinese characters take two columns on a console.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
