from datetime import date

import pytest

from duban.lib.deadlines import milestone_dates, parse_deadline


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


def test_it_puts_milestones_at_the_quarter_ends_of_a_full_year():
    assert milestone_dates(2022, date(2022, 12, 31)) == [
        date(2022, 3, 31),
        date(2022, 6, 30),
        date(2022, 9, 30),
        date(2022, 12, 31),
    ]


def test_it_ends_milestones_on_an_earlier_deadline():
    assert milestone_dates(2022, date(2022, 6, 30)) == [date(2022, 3, 31), date(2022, 6, 30)]
    assert milestone_dates(2022, date(2022, 9, 15)) == [
        date(2022, 3, 31),
        date(2022, 6, 30),
        date(2022, 9, 15),
    ]


def test_it_uses_the_year_end_without_a_deadline_in_the_year():
    assert milestone_dates(2022, None)[-1] == date(2022, 12, 31)
    assert milestone_dates(2022, date(2025, 12, 31))[-1] == date(2022, 12, 31)
