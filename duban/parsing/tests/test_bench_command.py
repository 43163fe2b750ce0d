import io
import re
import shutil

import pytest
from django.core.management import CommandError, call_command

from duban.parsing.bench import REFERENCE
from duban.parsing.tests.pdfs import Page, make_pdf


def test_bench_parse_prints_a_median_per_rendering_and_the_ratios_to_the_bare_reads(
    seed_dir, tmp_path
):
    for rendering in ("txt", "docx"):
        shutil.copy(seed_dir / f"{REFERENCE}.{rendering}", tmp_path)
    # The reference PDF takes seconds to read; a small one keeps this test fast.
    page = (
        Page().text(72, 72, "Annex 1").table(72, 120, [40, 200], [["No", "Task"], ["1", "Roads"]])
    )
    (tmp_path / f"{REFERENCE}.pdf").write_bytes(make_pdf([page]))
    out = io.StringIO()
    call_command("bench", "parse", "--repeat", "1", "--seed-dir", str(tmp_path), stdout=out)
    text = out.getvalue()
    for rendering in ("txt", "docx", "pdf"):
        assert re.search(rf"{rendering} +│ +1 │ +[\d.]+ ms", text), text
    assert len(re.findall(r"│ +\d+\.\d\d× │", text)) == 2
    assert "≤ 20 ms" in text and "≤ 2× bare" in text and "≤ 3× bare" in text
    assert re.search(r"(pass|OVER)", text)


def test_bench_parse_without_reference_files_exits_2(tmp_path):
    with pytest.raises(CommandError, match="no reference notice") as error:
        call_command("bench", "parse", "--seed-dir", str(tmp_path), stdout=io.StringIO())
    assert error.value.returncode == 2
