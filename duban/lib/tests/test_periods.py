from datetime import date

import pytest

from duban.lib.periods import elapsed_share


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
