import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand

# Each beside the web server: the queue's worker and the webhooks' sender.
BESIDE = [["db_worker"], ["webhooks", "--loop"]]
# A worker finishing its task gets this long before it is killed.
GRACE_SECONDS = 10


class Command(BaseCommand):
    help = (
        "Development: runserver with a background worker (db_worker) and the webhook sender "
        "beside it; Ctrl-C, or any of them stopping, stops all three."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def commands(self, addrport: str) -> list[list[str]]:
        duban = [sys.executable, "-m", "duban.cli"]
        return [[*duban, "runserver", addrport], *([*duban, *c] for c in BESIDE)]

    def handle(self, *args, addrport, **options):
        commands = self.commands(addrport)
        stopping = []
        signal.signal(signal.SIGINT, lambda *_: stopping.append(True))
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        # Each in a process group of its own, stopped whole: runserver's reloader and the
        # worker's run as a parent and a child.
        children = [subprocess.Popen(c, process_group=0) for c in commands]  # noqa: S603
        try:
            while not stopping and all(child.poll() is None for child in children):
                time.sleep(0.5)
        finally:
            for child in children:
                self.stop(child)

    def stop(self, child: subprocess.Popen) -> None:
        if child.poll() is not None:
            return
        os.killpg(child.pid, signal.SIGTERM)
        try:
            child.wait(timeout=GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
