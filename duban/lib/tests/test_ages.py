from datetime import date

from duban.lib.ages import date_range


def test_a_week_old_bracket_runs_from_seven_days_ago_to_today():
    assert date_range("week", date(2022, 9, 10)) == (date(2022, 9, 3), date(2022, 9, 10))


def test_the_oldest_bracket_has_no_first_day():
    assert date_range("older", date(2022, 9, 10)) == (None, date(2022, 8, 10))
