from datetime import date

import pytest

from duban.progress.periods import due_after, monthly_periods, quarterly_periods


def test_it_makes_twelve_months_due_on_the_fifth_of_the_next_month():
    periods = monthly_periods(2022, 5)
    assert len(periods) == 12
    assert periods[0].name == "2022年1月"
    assert (periods[1].start, periods[1].end, periods[1].due_on) == (
        date(2022, 2, 1),
        date(2022, 2, 28),
        date(2022, 3, 5),
    )
    assert periods[-1].due_on == date(2023, 1, 5)


def test_it_makes_four_quarters():
    periods = quarterly_periods(2022, 10)
    assert [p.name for p in periods] == [
        "2022年第一季度",
        "2022年第二季度",
        "2022年第三季度",
        "2022年第四季度",
    ]
    assert (periods[2].start, periods[2].end, periods[2].due_on) == (
        date(2022, 7, 1),
        date(2022, 9, 30),
        date(2022, 10, 10),
    )


def test_it_clamps_the_due_day_to_a_short_month():
    assert due_after(date(2022, 1, 31), 31) == date(2022, 2, 28)


def test_it_refuses_an_impossible_due_day():
    with pytest.raises(ValueError):
        due_after(date(2022, 1, 31), 0)
