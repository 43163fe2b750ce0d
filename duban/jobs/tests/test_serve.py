"""`duban serve` (make run) stops the web server and the worker together."""

import signal
import subprocess
import sys
from unittest import mock

from django.core.management import call_command
from django.test import SimpleTestCase

from duban.jobs.management.commands.serve import Command

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


class ServeTests(SimpleTestCase):
    def test_when_one_process_stops_the_others_are_stopped_too(self):
        started = []

        def commands(self, addrport):
            return [SLEEPER, [sys.executable, "-c", "pass"]]

        real_popen = subprocess.Popen

        def popen(*args, **kwargs):
            started.append(real_popen(*args, **kwargs))
            return started[-1]

        handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            with (
                mock.patch.object(Command, "commands", commands),
                mock.patch("subprocess.Popen", popen),
            ):
                call_command("serve")
        finally:
            for sig, handler in handlers.items():
                signal.signal(sig, handler)
        sleeper, quick = started
        assert quick.returncode == 0
        assert sleeper.returncode == -signal.SIGTERM
