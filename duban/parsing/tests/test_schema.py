"""The notice's JSON and the parser's dataclasses hold the same thing, either way round."""

import pytest

from duban.parsing import from_json, parse_bytes, parse_notice, to_json
from duban.parsing.model import Item, ParsedNotice

REFERENCE = "000_de8080339d2f7ae4"
TRADITIONAL = (
    "附件\n重點工作責任分解表\n序號\t重點工作\t責任單位\n1\t新建學校2所。\t縣教育局*、縣財政局\n"
)


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_the_reference_notice_comes_back_from_its_dataclasses_unchanged(seed_dir, fmt):
    name = f"{REFERENCE}.{fmt}"
    data = parse_bytes((seed_dir / name).read_bytes(), name)
    parsed = from_json(data)
    assert isinstance(parsed, ParsedNotice)
    assert isinstance(parsed.plans[0].sections[0].items[0], Item)
    assert sum(len(s.items) for plan in parsed.plans for s in plan.sections) == 161
    assert to_json(parsed) == data


def test_a_notice_in_traditional_characters_comes_back_unchanged():
    data = parse_bytes(TRADITIONAL.encode(), "t.txt")
    assert to_json(from_json(data)) == data
    (item,) = parse_notice(TRADITIONAL.encode(), "t.txt").plans[0].sections[0].items
    assert (item.text, item.units[0].name) == ("新建學校2所。", "縣教育局")


def test_parse_bytes_is_the_json_of_parse_notice(seed_dir):
    content = (seed_dir / f"{REFERENCE}.txt").read_bytes()
    parsed = parse_notice(content, "notice.txt")
    assert parsed.source.filename == "notice.txt" and parsed.source.format == "txt"
    assert to_json(parsed) == parse_bytes(content, "notice.txt")


def test_keys_the_json_leaves_out_take_their_defaults():
    item = {"seq": "1", "text": "新建学校2所。", "units": [{"name": "区教育局", "role": "lead"}]}
    data = {"plans": [{"title": "分解表", "sections": [{"items": [item]}]}]}
    parsed = from_json(data)
    (unit,) = parsed.plans[0].sections[0].items[0].units
    assert (unit.raw, parsed.plans[0].kind, parsed.source) == ("区教育局", "other", None)
    # Targets left out were not read, which is not the same as none read.
    assert parsed.plans[0].sections[0].items[0].targets is None
    assert "targets" not in to_json(parsed)["plans"][0]["sections"][0]["items"][0]
