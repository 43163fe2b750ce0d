"""The parser on notices written blind in layouts the devset lacks (blind/README.md)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED

SCORER = SHARED / "devset" / "score.py"
BLIND = Path(__file__).parent / "blind"
DUBAN = Path(sys.executable).parent / "duban"


@pytest.mark.skipif(not SCORER.is_file(), reason="the shared devset is not beside the repository")
def test_the_blind_notices_score_as_the_devset_must_and_every_look_alike_is_refused():
    run = subprocess.run(  # noqa: S603 - our own interpreter and the shared scorer
        [sys.executable, SCORER, "--set", BLIND, "--parse", f"{DUBAN} parse"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    totals = run.stdout.strip().splitlines()[-1]
    assert run.returncode == 0, run.stdout
    figures = dict(re.findall(r"(\w+)=([\d.]+)", totals))
    assert all(float(value) >= 0.98 for value in figures.values()), totals
    assert "negatives 9/9" in totals
