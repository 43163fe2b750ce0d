"""`duban bench refresh` times refresh-status on the demo in a database of its own."""

import os
import re
import subprocess
import sys
from pathlib import Path

DUBAN = Path(sys.executable).parent / "duban"


def test_it_prints_the_seconds_and_queries_of_a_full_refresh_and_of_one_task_at_a_time(tmp_path):
    env = {**os.environ, "DUBAN_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(  # noqa: S603 (our own command)
        [DUBAN, "bench", "refresh", "--repeat", "1"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert "duban bench refresh: the demo's 161 active tasks in 3 plans" in done.stdout
    full = re.search(r"refresh-status  [\d.]+ s \(median of 1\), (\d+) queries", done.stdout)
    single = re.search(r"one task at a time  [\d.]+ s, (\d+) queries \(\d+×\)", done.stdout)
    # A constant per plan against a dozen per task.
    assert int(full[1]) < 20 * 3 < 161 * 2 < int(single[1])
    assert list(tmp_path.iterdir()) == []
