import json

import jsonschema
import pytest

from duban.parsing import parse_bytes
from duban.parsing.tests.gold import differences, load_gold, report, rows_from_parsed

REFERENCE = "000_de8080339d2f7ae4"


# The .docx and .pdf renderings of the reference notice; the .txt has test_gold_txt.py.
@pytest.fixture(scope="module", params=["docx", "pdf"])
def parsed(request, seed_dir):
    name = f"{REFERENCE}.{request.param}"
    return parse_bytes((seed_dir / name).read_bytes(), name)


def test_it_reads_every_gold_row(seed_dir, parsed):
    gold = load_gold(seed_dir / f"{REFERENCE}.gold.json")
    rows = rows_from_parsed(parsed)
    assert len(rows) == 161
    found = differences(rows, gold["tasks"])
    assert not found, report(found)


def test_it_reads_the_notice_metadata(parsed):
    notice = parsed["notice"]
    assert notice["doc_number"] == "温鹿政办〔2022〕4号"
    assert notice["issuer"] == "温州市鹿城区人民政府办公室"
    assert notice["issued_on"] == "2022-03-07"
    assert notice["printed_on"] == "2022-03-09"
    assert len(notice["attachments"]) == 3
    assert notice["public"] is True


def test_it_reads_the_three_plans_with_their_kind_and_years(parsed):
    assert [(p["annex"], p["kind"], p["years"]) for p in parsed["plans"]] == [
        ("1", "five_year", [2022, 2026]),
        ("2", "annual", [2022]),
        ("3", "livelihood", [2022]),
    ]


def test_it_gives_no_warnings(parsed):
    assert parsed["warnings"] == []


def test_its_json_is_valid_against_the_schema(seed_dir, parsed):
    schema = json.loads((seed_dir.parent / "spec" / "notice.schema.json").read_text())
    jsonschema.validate(parsed, schema)
