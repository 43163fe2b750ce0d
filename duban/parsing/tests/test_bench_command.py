import io
import re
import shutil

import pytest
from django.core.management import CommandError, call_command

from duban.parsing.bench import REFERENCE, Figure, Timing
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
    assert "parse CPU" in text and "parse wall" in text


def test_budgets_are_judged_on_cpu_time_not_on_wall_time_inflated_by_other_processes():
    busy_machine = Timing(cpu=0.012, wall=0.035)
    assert Figure("txt", 50, busy_machine, None).within_budget
    assert not Figure("txt", 50, Timing(cpu=0.021, wall=0.021), None).within_budget
    docx = Figure("docx", 20, Timing(cpu=0.050, wall=0.200), Timing(cpu=0.030, wall=0.030))
    assert docx.ratio == pytest.approx(5 / 3)
    assert docx.within_budget


def test_bench_parse_without_reference_files_exits_2(tmp_path):
    with pytest.raises(CommandError, match="no reference notice") as error:
        call_command("bench", "parse", "--seed-dir", str(tmp_path), stdout=io.StringIO())
    assert error.value.returncode == 2
