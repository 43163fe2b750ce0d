"""`duban bench export` measures the ledger export in a database of its own."""

import os
import re
import subprocess
import sys
from pathlib import Path

DUBAN = Path(sys.executable).parent / "duban"


def test_it_prints_seconds_and_peak_memory_with_their_budget(tmp_path):
    env = {**os.environ, "DUBAN_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    args = ["export", "--tasks", "1000", "--reports-per-task", "2"]
    done = subprocess.run(  # noqa: S603 (our own command)
        [DUBAN, "bench", *args], env=env, capture_output=True, text=True, check=True, timeout=300
    )
    assert "duban bench export: 1000 rows" in done.stdout
    assert re.search(r"time [\d.]+ s \(budget ≤ 10 s\)", done.stdout)
    assert re.search(r"baseline .* [\d.]+ s, CPU [\d.]+ s; ratio [\d.]+×", done.stdout)
    assert re.search(r"peak memory [\d.]+ MB \(budget < 300 MB\)", done.stdout)
    assert list(tmp_path.iterdir()) == []
