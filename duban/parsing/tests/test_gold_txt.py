import json
import time

import jsonschema

from duban.parsing import parse_bytes
from duban.parsing.readers.txt import read_txt
from duban.parsing.structure import assemble
from duban.parsing.tests.gold import differences, load_gold, report, rows_from_parsed

REFERENCE = "000_de8080339d2f7ae4"


def _parsed(seed_dir):
    return assemble(read_txt((seed_dir / f"{REFERENCE}.txt").read_bytes())).to_dict()


def test_it_reads_every_gold_row_from_the_txt(seed_dir):
    gold = load_gold(seed_dir / f"{REFERENCE}.gold.json")
    found = differences(rows_from_parsed(_parsed(seed_dir)), gold["tasks"])
    assert not found, report(found)


def test_it_reads_the_notice_metadata_from_the_txt(seed_dir):
    notice = _parsed(seed_dir)["notice"]
    assert notice["doc_number"] == "温鹿政办〔2022〕4号"
    assert notice["issuer"] == "温州市鹿城区人民政府办公室"
    assert notice["issued_on"] == "2022-03-07"
    assert notice["printed_on"] == "2022-03-09"
    assert len(notice["attachments"]) == 3
    assert notice["public"] is True
    assert notice["addressees"] == ["各街道办事处、镇人民政府", "区政府直属各单位"]
    assert notice["cc"][0] == "区委各部门" and notice["cc"][-1] == "各群众团体"
    # The printed title lacks the 事 of 民生实事 that the gold title has.
    assert notice["title"].startswith("温州市鹿城区人民政府办公室关于印发2022年政府工作报告")
    assert notice["title"].endswith("责任分解的通知")


def test_it_reads_three_plans_with_their_kind_years_and_sections(seed_dir):
    plans = _parsed(seed_dir)["plans"]
    assert [(p["annex"], p["kind"], p["years"]) for p in plans] == [
        ("1", "five_year", [2022, 2026]),
        ("2", "annual", [2022]),
        ("3", "livelihood", [2022]),
    ]
    assert [len(p["sections"]) for p in plans[:2]] == [8, 9]
    first = plans[0]["sections"][0]
    assert first["heading"] == "一、林杰常委、常务副区长牵头重点工作"
    assert first["leaders"] == [{"name": "林杰", "titles": ["常委", "常务副区长"]}]


def test_it_gives_no_warnings_for_the_reference_txt(seed_dir):
    assert _parsed(seed_dir)["warnings"] == []


def test_it_reads_lead_overrides_from_remarks(seed_dir):
    items = [item for p in _parsed(seed_dir)["plans"] for s in p["sections"] for item in s["items"]]
    overrides = [item["lead_override"] for item in items if item["lead_override"]]
    assert ["区委办（区委改革办）", "区委政法委"] in overrides
    assert ["区委组织部（区人才办）"] in overrides


def test_it_fills_the_targets_of_each_row(seed_dir):
    first = _parsed(seed_dir)["plans"][0]["sections"][0]["items"][0]
    assert [(t["metric"], t["value"], t["unit"]) for t in first["targets"]] == [
        ("地区生产总值", 7, "%")
    ]


def test_its_output_follows_the_notice_schema(seed_dir):
    schema = json.loads(
        (seed_dir.parent / "spec" / "notice.schema.json").read_text(encoding="utf-8")
    )
    parsed = parse_bytes((seed_dir / f"{REFERENCE}.txt").read_bytes(), f"{REFERENCE}.txt")
    jsonschema.validate(parsed, schema)


def test_it_parses_the_reference_txt_in_milliseconds(seed_dir):
    data = (seed_dir / f"{REFERENCE}.txt").read_bytes()
    started = time.process_time()
    for _ in range(5):
        assemble(read_txt(data))
    # Generous for a loaded CI machine; a quiet one takes a few milliseconds.
    assert (time.process_time() - started) / 5 < 0.2
