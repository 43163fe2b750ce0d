"""The WSGI entry point that gunicorn loads."""

import subprocess
import sys


def test_loading_the_application_freezes_what_is_alive_out_of_the_collectors_passes():
    # A process of its own: freezing is process-wide, and the test process must not be frozen.
    probe = "import gc, duban.wsgi; print(gc.get_freeze_count())"
    done = subprocess.run(  # noqa: S603 (our own interpreter)
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert int(done.stdout) > 10_000
