from datetime import date

import pytest

from duban.parsing.deadlines import date_deadlines, parse_deadline
from duban.parsing.model import Item, NoticeMeta, ParsedNotice, Plan, Section
from duban.parsing.schema import from_json, to_json


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6月底前", date(2022, 6, 30)),
        ("年底前", date(2022, 12, 31)),
        ("12月底前", date(2022, 12, 31)),
        ("全年", date(2022, 12, 31)),
        ("年内", date(2022, 12, 31)),
        ("2022年6月底前", date(2022, 6, 30)),
        ("六月底", date(2022, 6, 30)),
        ("十二月底前", date(2022, 12, 31)),
        ("9月15日前", date(2022, 9, 15)),
        ("10月中旬", date(2022, 10, 20)),
        ("3月上旬", date(2022, 3, 10)),
        ("上半年", date(2022, 6, 30)),
        ("三季度", date(2022, 9, 30)),
        ("第一季度末", date(2022, 3, 31)),
        ("2025年底前", date(2025, 12, 31)),
        ("2023年上半年", date(2023, 6, 30)),
        ("2月底前", date(2022, 2, 28)),
        ("第三季度", date(2022, 9, 30)),
        ("2025年底", date(2025, 12, 31)),
        ("2024-12-31", date(2024, 12, 31)),
        ("2024/8/31", date(2024, 8, 31)),
        ("2024.8.31", date(2024, 8, 31)),
    ],
)
def test_it_reads_the_printed_deadline(text, expected):
    assert parse_deadline(text, 2022) == expected


def test_it_reads_before_a_month_as_the_end_of_the_previous_month():
    assert parse_deadline("6月前", 2022) == date(2022, 5, 31)


def test_it_takes_the_latest_of_several_deadlines():
    assert parse_deadline("6月底前完成方案，年底前建成投用", 2022) == date(2022, 12, 31)


@pytest.mark.parametrize("text", ["", "长期坚持", "持续推进", "13月底前"])
def test_it_returns_none_when_no_date_is_named(text):
    assert parse_deadline(text, 2022) is None


def notice(*deadlines, years=(2022,), issued_on=None) -> ParsedNotice:
    items = [Item(seq=str(i), text="任务", deadline=d) for i, d in enumerate(deadlines, 1)]
    plan = Plan(title="重点工作", years=list(years), sections=[Section(None, items=items)])
    return ParsedNotice(notice=NoticeMeta(issued_on=issued_on), plans=[plan])


def dues(parsed: ParsedNotice) -> list:
    return [item.due for item in parsed.plans[0].sections[0].items]


def test_each_item_gets_its_deadline_as_a_date_in_the_plans_last_year():
    parsed = date_deadlines(notice("年底前", "6月底前", "长期坚持", None, years=(2022, 2026)))
    assert dues(parsed) == [date(2026, 12, 31), date(2026, 6, 30), None, None]


def test_a_plan_without_years_takes_the_notices_year():
    assert dues(date_deadlines(notice("上半年", years=(), issued_on="2023-02-10"))) == [
        date(2023, 6, 30)
    ]
    assert dues(date_deadlines(notice("上半年", years=()))) == [None]


def test_the_date_is_not_in_the_json_and_is_read_again_from_it():
    parsed = date_deadlines(notice("6月底前"))
    assert "due" not in parsed.plans[0].sections[0].items[0].to_dict()
    assert dues(from_json(to_json(parsed))) == [date(2022, 6, 30)]
