"""The parser on the devset: real notices of ten provinces, and two documents that are not."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED

DEVSET = SHARED / "devset"
DUBAN = Path(sys.executable).parent / "duban"


@pytest.mark.skipif(not DEVSET.is_dir(), reason="the shared devset is not beside the repository")
def test_the_devset_scores_reach_the_goal_and_both_negatives_are_refused():
    run = subprocess.run(  # noqa: S603 - our own interpreter and the shared scorer
        [sys.executable, DEVSET / "score.py", "--parse", f"{DUBAN} parse"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    totals = run.stdout.strip().splitlines()[-1]
    assert run.returncode == 0, run.stdout
    figures = dict(re.findall(r"(\w+)=([\d.]+)", totals))
    assert all(float(value) >= 0.98 for value in figures.values()), totals
    assert "negatives 2/2" in totals
