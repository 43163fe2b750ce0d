"""Reporting periods of a year: months and quarters with their due dates. Pure, no models."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from duban.lib.pacing import month_end

__all__ = ["QUARTER_NAMES", "ReportingPeriod", "due_after", "monthly_periods", "quarterly_periods"]

QUARTER_NAMES = ("一", "二", "三", "四")


@dataclass(frozen=True, slots=True)
class ReportingPeriod:
    """One reporting window and the day its reports are due."""

    name: str
    start: date
    end: date
    due_on: date


def due_after(end: date, due_day: int) -> date:
    """The `due_day` of the month after `end`, or that month's last day if it is shorter."""
    if not 1 <= due_day <= 31:
        raise ValueError(f"due_day must be 1..31, got {due_day}")
    first = end.replace(day=1) + timedelta(days=32)
    year, month = first.year, first.month
    return date(year, month, min(due_day, calendar.monthrange(year, month)[1]))


def monthly_periods(year: int, due_day: int = 5) -> list[ReportingPeriod]:
    """Twelve monthly windows, each due on `due_day` of the following month."""
    periods = []
    for month in range(1, 13):
        end = month_end(year, month)
        periods.append(
            ReportingPeriod(
                f"{year}年{month}月", date(year, month, 1), end, due_after(end, due_day)
            )
        )
    return periods


def quarterly_periods(year: int, due_day: int = 5) -> list[ReportingPeriod]:
    """Four quarterly windows, each due on `due_day` of the month after the quarter."""
    periods = []
    for quarter in range(1, 5):
        end = month_end(year, quarter * 3)
        start = date(year, quarter * 3 - 2, 1)
        name = f"{year}年第{QUARTER_NAMES[quarter - 1]}季度"
        periods.append(ReportingPeriod(name, start, end, due_after(end, due_day)))
    return periods
