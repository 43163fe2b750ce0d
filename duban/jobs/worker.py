"""The queue emptied in this process: for the tests and the benchmarks, which run jobs where
they can read their outcome at once."""

import signal
from unittest import mock

from django.core.management import call_command


def run_queued() -> None:
    """Run every queued background task with the real `db_worker`, in this process (and
    transaction), until the queue is empty.

    The worker's check for stale connections would close a connection inside a transaction,
    so it is left out; the worker's signal handlers are put back afterwards.
    """
    signals = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
    handlers = {sig: signal.getsignal(sig) for sig in signals}
    try:
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command(
                "db_worker", batch=True, reload=False, interval=0, startup_delay=False, verbosity=0
            )
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
