"""The office's row corrections, applied to a parsed notice before the diff."""

import copy
from datetime import date

from duban.ledger.importing.corrections import apply_corrections, row_key, split_names
from duban.parsing import from_json
from duban.parsing.document import Location


def item(seq, text, units, row, **fields):
    return {
        "seq": seq,
        "name": None,
        "text": text,
        "units": [{"name": n, "role": r, "raw": n} for n, r in units],
        "leaders": fields.pop("leaders", []),
        "deadline": fields.pop("deadline", None),
        "remark": None,
        "lead_override": [],
        "targets": [],
        "location": {"page": None, "line": None, "table": 1, "row": row},
        **fields,
    }


def parsed():
    rows = [
        item("1", "改造老旧小区12个。", [("区住建局", "joint")], 2, deadline="年底前"),
        item("2", "惠及居民3000户。", [("区财政局", "joint"), ("区住建局", "support")], 3),
        item("3", "建成社区食堂15家。", [("区民政局", "joint")], 4, partial=True),
    ]
    section = {"heading": None, "leaders": [], "items": rows}
    return from_json(
        {"plans": [{"annex": "1", "title": "表", "years": [2022], "sections": [section]}]}
    )


def items(data):
    return data.plans[0].sections[0].items


def key(data, index):
    return row_key(data.plans[0], 0, items(data)[index])


def test_an_edit_sets_units_by_role_leaders_and_deadline_with_its_date():
    data = parsed()
    edit = {
        "op": "edit",
        "row": key(data, 0),
        "lead": ["区住建局"],
        "joint": [],
        "support": ["区财政局", "各街道"],
        "leaders": ["张伟"],
        "deadline": "2026年12月底前",
    }
    corrected = apply_corrections(data, {"rows": [edit]})
    out = items(corrected.notice)[0]
    assert [(u.name, u.role) for u in out.units] == [
        ("区住建局", "lead"),
        ("区财政局", "support"),
        ("各街道", "support"),
    ]
    assert [(leader.name, leader.titles) for leader in out.leaders] == [("张伟", [])]
    assert out.deadline == "2026年12月底前"
    assert out.due == date(2026, 12, 31)
    assert corrected.marks == {(0, 0, 0): ["edit"]}


def test_it_does_not_change_the_parsed_notice_it_is_given():
    data = parsed()
    before = copy.deepcopy(data)
    apply_corrections(data, {"rows": [{"op": "drop", "row": key(data, 0)}]})
    assert data == before


def test_a_drop_removes_the_row():
    data = parsed()
    out = apply_corrections(data, {"rows": [{"op": "drop", "row": key(data, 1)}]}).notice
    assert [i.seq for i in items(out)] == ["1", "3"]


def test_a_join_appends_the_text_and_merges_the_units_into_the_row_above():
    data = parsed()
    out = items(apply_corrections(data, {"rows": [{"op": "join", "row": key(data, 1)}]}).notice)
    assert len(out) == 2
    assert out[0].text == "改造老旧小区12个。惠及居民3000户。"
    assert [(u.name, u.role) for u in out[0].units] == [
        ("区住建局", "joint"),
        ("区财政局", "joint"),
    ]
    assert out[0].deadline == "年底前"


def test_a_row_cut_short_passes_its_flag_to_the_row_it_joins():
    data = parsed()
    out = items(apply_corrections(data, {"rows": [{"op": "join", "row": key(data, 2)}]}).notice)
    assert out[1].partial is True


def test_the_first_row_joins_nothing_and_counts_as_unmatched():
    data = parsed()
    out = apply_corrections(data, {"rows": [{"op": "join", "row": key(data, 0)}]})
    assert len(items(out.notice)) == 3
    assert out.unmatched == 1


def test_a_correction_finds_its_row_after_the_text_was_read_again():
    data = parsed()
    drop = {"op": "drop", "row": key(data, 1)}
    items(data)[1].text = "惠及居民3000户（已重新读取）。"
    out = apply_corrections(data, {"rows": [drop]}).notice
    assert [i.seq for i in items(out)] == ["1", "3"]


def test_a_correction_finds_its_row_in_another_rendering_by_its_text():
    data = parsed()
    drop = {"op": "drop", "row": key(data, 1)}
    for row in items(data):
        row.location = Location(page=3, table=2, row=row.location.row + 5)
    out = apply_corrections(data, {"rows": [drop]})
    assert [i.seq for i in items(out.notice)] == ["1", "3"]
    assert out.unmatched == 0


def test_corrections_apply_in_order_so_an_edit_finds_the_row_it_joined():
    data = parsed()
    join = {"op": "join", "row": key(data, 1)}
    joined = apply_corrections(data, {"rows": [join]}).notice
    edit = {"op": "edit", "row": key(joined, 0), "lead": ["区住建局"], "deadline": "年底前"}
    corrected = apply_corrections(data, {"rows": [join, edit]})
    out = items(corrected.notice)
    assert out[0].text.endswith("惠及居民3000户。")
    assert [(u.name, u.role) for u in out[0].units] == [("区住建局", "lead")]
    assert corrected.marks == {(0, 0, 0): ["join", "edit"]}


def test_a_correction_of_another_plan_does_not_apply():
    data = parsed()
    drop = {"op": "drop", "row": {**key(data, 0), "plan": "附件2"}}
    out = apply_corrections(data, {"rows": [drop]})
    assert len(items(out.notice)) == 3
    assert out.unmatched == 1


def test_names_typed_in_one_field_are_split_and_normalised():
    assert split_names("区住建局、区 财政局， 各街道;区住建局") == [
        "区住建局",
        "区财政局",
        "各街道",
    ]
    assert split_names("张 伟、李强", person=True) == ["张伟", "李强"]
