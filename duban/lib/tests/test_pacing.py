from datetime import date

import pytest

from duban.lib.pacing import (
    compound,
    due_fraction,
    elapsed_share,
    implied_path,
    milestone_dates,
    month_end,
    parse_month,
    required_average,
)


def test_compound_multiplies_the_yearly_growth():
    assert compound([10, 10]) == pytest.approx(1.21)
    assert compound([]) == 1.0


def test_required_average_after_a_slow_first_year():
    # Five years averaging 8% with 6% in the first: ((1.08^5)/1.06)^(1/4) - 1.
    expected = ((1.08**5 / 1.06) ** 0.25 - 1) * 100
    assert required_average(8, 5, [6]) == pytest.approx(expected)
    assert required_average(8, 5, [6]) == pytest.approx(8.51, abs=0.005)


def test_required_average_is_the_target_when_on_pace():
    assert required_average(7, 5, [7, 7]) == pytest.approx(7)


def test_required_average_is_none_when_no_year_is_left():
    assert required_average(8, 2, [6, 6]) is None


def test_implied_path_fills_the_years_without_an_annual_target():
    path = implied_path(8, 2022, 2026, {2022: 6})
    assert [p.year for p in path] == [2022, 2023, 2024, 2025, 2026]
    assert path[0].planned and path[0].rate == 6
    assert not path[1].planned and path[1].rate == pytest.approx(8.51, abs=0.005)
    assert path[-1].index == pytest.approx(1.08**5)
    assert path[0].behind_pace and path[3].behind_pace and not path[-1].behind_pace


def test_implied_path_on_pace_is_never_behind():
    path = implied_path(7, 2022, 2026, {2022: 7, 2023: 7})
    assert not any(p.behind_pace for p in path)


def test_implied_path_ignores_annual_rates_outside_the_period():
    path = implied_path(8, 2022, 2026, {2021: 1})
    assert all(not p.planned for p in path)
    assert path[0].rate == pytest.approx(8)


def test_due_fraction_is_months_over_twelve():
    assert due_fraction(6) == 0.5
    assert due_fraction(12) == 1
    with pytest.raises(ValueError):
        due_fraction(13)


def test_month_end_knows_leap_years():
    assert month_end(2024, 2) == date(2024, 2, 29)
    assert month_end(2022, 6) == date(2022, 6, 30)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2022-06", (2022, 6)),
        ("2022/6", (2022, 6)),
        ("2022.06", (2022, 6)),
        ("2022年6月", (2022, 6)),
        ("2022年1-6月", (2022, 6)),
        ("2022年1—6月份", (2022, 6)),
        ("2022年1至12月", (2022, 12)),
        ("2022年一季度", (2022, 3)),
        ("2022年上半年", (2022, 6)),
        ("2022年前三季度", (2022, 9)),
        ("2022全年", (2022, 12)),
        ("2022-13", None),
        ("上半年", None),
        ("", None),
    ],
)
def test_parse_month_reads_release_period_labels(text, expected):
    assert parse_month(text) == expected


def test_elapsed_share_counts_today_as_passed():
    assert elapsed_share(date(2022, 1, 1), date(2022, 12, 31), date(2022, 1, 1)) == 1 / 365


def test_elapsed_share_is_half_at_the_middle_of_the_year():
    assert elapsed_share(date(2022, 1, 1), date(2022, 12, 31), date(2022, 7, 2)) == pytest.approx(
        0.5, abs=0.002
    )


def test_elapsed_share_stays_between_zero_and_one():
    start, end = date(2022, 1, 1), date(2022, 6, 30)
    assert elapsed_share(start, end, date(2021, 12, 1)) == 0.0
    assert elapsed_share(start, end, date(2022, 6, 30)) == 1.0
    assert elapsed_share(start, end, date(2023, 3, 1)) == 1.0


def test_elapsed_share_refuses_a_period_ending_before_it_starts():
    with pytest.raises(ValueError):
        elapsed_share(date(2022, 6, 1), date(2022, 1, 1), date(2022, 3, 1))


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
