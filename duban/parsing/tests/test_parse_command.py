import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from django.core.management import CommandError, call_command

DUBAN = Path(sys.executable).parent / "duban"


@pytest.fixture(scope="module")
def schema(seed_dir):
    return json.loads((seed_dir.parent / "spec" / "notice.schema.json").read_text())


def run_parse(*args) -> str:
    out = io.StringIO()
    call_command("parse", *map(str, args), stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("rendering", ["txt", "docx"])
def test_json_output_is_valid_against_the_schema(seed_dir, schema, rendering):
    result = json.loads(run_parse(seed_dir / f"000_de8080339d2f7ae4.{rendering}"))
    jsonschema.validate(result, schema)
    assert result["source"]["format"] == rendering
    assert result["notice"]["doc_number"] == "温鹿政办〔2022〕4号"
    assert sum(len(s["items"]) for p in result["plans"] for s in p["sections"]) == 161


def test_json_output_keeps_chinese_readable(seed_dir):
    assert "鹿城区" in run_parse(seed_dir / "000_de8080339d2f7ae4.txt", "--format", "json")


def test_table_output_shows_metadata_sections_rows_and_lead_units(seed_dir):
    text = run_parse(seed_dir / "000_de8080339d2f7ae4.docx", "--format", "table")
    assert "温鹿政办〔2022〕4号" in text
    assert "林杰" in text
    assert "地区生产总值年均增长" in text
    assert "区应急管理局*" in text
    assert "警告" in text


def test_it_exits_0_from_a_shell_and_prints_json(seed_dir):
    done = subprocess.run(  # noqa: S603 - our own console script
        [DUBAN, "parse", seed_dir / "000_de8080339d2f7ae4.txt"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["schema"] == "duban.notice/1"


def test_an_unknown_format_option_is_refused(seed_dir):
    with pytest.raises(CommandError, match="invalid choice"):
        run_parse(seed_dir / "000_de8080339d2f7ae4.txt", "--format", "yaml")


def test_the_parsers_own_command_prints_what_duban_parse_prints_and_exits_2_on_refusal(
    seed_dir, tmp_path
):
    notice = seed_dir / "000_de8080339d2f7ae4.txt"
    module = [sys.executable, "-m", "duban.parsing"]
    done = subprocess.run([*module, notice], capture_output=True, text=True, timeout=60)  # noqa: S603
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads(run_parse(notice))
    news = tmp_path / "news.txt"
    news.write_text("区政府召开常务会议。\n会议听取了一季度经济运行情况汇报。\n")
    refused = subprocess.run([*module, news], capture_output=True, text=True, timeout=60)  # noqa: S603
    assert refused.returncode == 2
    assert "no task rows found" in refused.stderr
