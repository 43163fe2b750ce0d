"""`duban bench pages` times the main pages on a small and a larger synthetic ledger."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

DUBAN = Path(sys.executable).parent / "duban"


def test_it_times_each_page_on_both_sizes_in_a_database_of_its_own(tmp_path):
    # A process of its own with an SQLite file of its own: the bench makes and drops a test
    # database beside the configured one, which it must leave untouched.
    env = {**os.environ, "DUBAN_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    args = ["pages", "--tasks", "40", "--small", "20", "--reports-per-task", "2", "--repeat", "1"]
    done = subprocess.run(  # noqa: S603 (our own command)
        [DUBAN, "bench", *args], env=env, capture_output=True, text=True, check=True, timeout=300
    )
    for page in ("台账第一页", "督办总览", "单位页（联络员）", "本单位报送", "领导页", "任务页"):
        assert re.search(rf"{page} +│ +[\d.]+ ms │ +[\d.]+ ms │ +[\d.]+× │ +\d+ │", done.stdout)
    assert "adding 40 tasks and 80 reports" in done.stderr
    assert list(tmp_path.iterdir()) == []  # the configured database was never even opened


def test_the_baseline_must_not_exceed_the_large_size():
    with pytest.raises(CommandError, match="--small") as error:
        call_command("bench", "pages", "--tasks", "10", "--small", "20", stdout=io.StringIO())
    assert error.value.returncode == 2
