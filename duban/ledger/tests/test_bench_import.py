"""`duban bench import` times the office's web import of the reference .docx, step by step."""

import os
import re
import subprocess
import sys
from pathlib import Path

DUBAN = Path(sys.executable).parent / "duban"


def test_it_times_upload_preview_and_confirmation_and_counts_one_parse(tmp_path, seed_dir):
    env = {**os.environ, "DUBAN_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(  # noqa: S603 (our own command)
        [DUBAN, "bench", "import", "--repeat", "1", "--seed-dir", str(seed_dir)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert "duban bench import: 000_de8080339d2f7ae4.docx through the office's pages" in done.stdout
    for step in ("upload", "preview", "confirm"):
        assert re.search(rf"^{step} +[\d.]+ s$", done.stdout, re.M)
    assert re.search(r"^total +[\d.]+ s \(median of 1\)$", done.stdout, re.M)
    assert "parses   1 per import" in done.stdout
    assert list(tmp_path.iterdir()) == []  # the configured database was never even opened


def test_a_folder_without_a_docx_is_refused(tmp_path):
    done = subprocess.run(  # noqa: S603 (our own command)
        [DUBAN, "bench", "import", "--seed-dir", str(tmp_path)],
        env={**os.environ, "DUBAN_DATA_DIR": str(tmp_path / "data")},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2
    assert "no reference notice (.docx)" in done.stderr
