import pytest

from duban.parsing.leaders import heading_leaders, parse_leaders
from duban.parsing.model import Leader


def _read(text: str) -> list[tuple[str, list[str]]]:
    return [(leader.name, leader.titles) for leader in parse_leaders(text)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("张三、李四", [("张三", []), ("李四", [])]),
        ("副市长张三、副市长李四", [("张三", ["副市长"]), ("李四", ["副市长"])]),
        ("张三（常务副县长）", [("张三", ["常务副县长"])]),
        ("张 伟", [("张伟", [])]),
        ("欧阳明远副市长", [("欧阳明远", ["副市长"])]),
        ("努尔兰·哈力木、阿依古丽·买买提", [("努尔兰·哈力木", []), ("阿依古丽·买买提", [])]),
        ("张明 李建华", [("张明", []), ("李建华", [])]),
    ],
)
def test_it_reads_names_and_titles(cell, expected):
    assert _read(cell) == expected


def test_a_note_in_brackets_after_a_leader_is_not_part_of_the_name():
    assert _read("张三副市长（5项）") == [("张三", ["副市长"])]
    assert _read("陈明（市政府党组成员）") == [("陈明", ["市政府党组成员"])]


def test_a_post_in_a_body_is_a_title_of_the_leader_before_it():
    assert _read("李华副区长、区公安分局局长") == [("李华", ["副区长", "区公安分局局长"])]
    assert _read("区志强局长") == [("区志强", ["局长"])]


def test_an_office_is_not_read_as_a_leader():
    assert _read("市政府分管领导") == []
    assert _read("区公安分局局长") == []


def test_heading_leaders_stand_before_the_verb_or_in_brackets():
    assert [leader.name for leader in heading_leaders("林杰常委、常务副区长牵头重点工作")] == [
        "林杰"
    ]
    assert [leader.name for leader in heading_leaders("工业经济（周明副县长牵头）")] == ["周明"]


def test_a_surname_with_a_title_names_a_leader_as_notices_often_do():
    assert parse_leaders("陈副市长") == [Leader(name="陈", titles=["副市长"])]
    assert parse_leaders("市长") == []
    assert parse_leaders("城副市长") == []


def test_a_heading_that_names_only_titled_leaders_gives_them_a_note_after_them_aside():
    def read(heading: str) -> list[tuple[str, list[str]]]:
        return [(leader.name, leader.titles) for leader in heading_leaders(heading)]

    assert read("孙志强区长（联系：区政府办）") == [("孙志强", ["区长"])]
    assert read("陈晓东副区长、李志刚副区长") == [("陈晓东", ["副区长"]), ("李志刚", ["副区长"])]
    assert read("区长办公会议（2项）") == []
    assert read("稳增长促发展") == []
