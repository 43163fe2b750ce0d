"""The devset's scorer (shared/devset/score.py) run on a folder of notices with gold rows."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED

SCORER = SHARED / "devset" / "score.py"
# The parser's own command prints what `duban parse` does, without starting Django for each file.
PARSE = f"{sys.executable} -m duban.parsing"
NEEDS_SCORER = pytest.mark.skipif(
    not SCORER.is_file(), reason="the shared devset is not beside the repository"
)


def scored(folder: Path | None = None) -> tuple[str, dict[str, float]]:
    """The totals line the scorer prints for `folder` (the devset by default), parsing with
    `python -m duban.parsing`, and its figures by name; fails the test when the scorer exits
    non-zero."""
    where = [] if folder is None else ["--set", folder]
    run = subprocess.run(  # noqa: S603 - our own interpreter and the shared scorer
        [sys.executable, SCORER, *where, "--parse", PARSE],
        capture_output=True,
        text=True,
        timeout=600,
    )
    totals = run.stdout.strip().splitlines()[-1]
    assert run.returncode == 0, run.stdout
    return totals, {name: float(value) for name, value in re.findall(r"(\w+)=([\d.]+)", totals)}
