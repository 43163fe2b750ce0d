"""Growth paths, month arithmetic and elapsed shares for 序时进度 (time-elapsed pacing).

Rates are percentages (7 means 7%). Everything here is pure arithmetic on numbers and
dates, so the targets app and the supervision rules share one definition of "on pace".
"""

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date

__all__ = [
    "PathYear",
    "compound",
    "due_fraction",
    "elapsed_share",
    "implied_path",
    "milestone_dates",
    "month_end",
    "parse_month",
    "required_average",
]


def compound(rates) -> float:
    """The cumulative index (1.0 = base year) after growing by each rate in turn."""
    return math.prod(1 + float(r) / 100 for r in rates)


def required_average(target_rate, years: int, achieved_rates) -> float | None:
    """The average rate the remaining years need so that `years` years average `target_rate`.

    None when no year is left to make up the difference.
    """
    achieved = list(achieved_rates)
    remaining = years - len(achieved)
    if remaining <= 0:
        return None
    needed = (1 + float(target_rate) / 100) ** years / compound(achieved)
    return (needed ** (1 / remaining) - 1) * 100


@dataclass(frozen=True, slots=True)
class PathYear:
    """One year of an implied path: its rate, whether an annual target set it, the indexes."""

    year: int
    rate: float
    planned: bool
    index: float
    pace_index: float

    @property
    def behind_pace(self) -> bool:
        # A hair of tolerance: 1.08**k computed two ways differs in the last bits.
        return self.index < self.pace_index - 1e-9


def implied_path(target_rate, start_year: int, end_year: int, annual_rates: dict) -> list[PathYear]:
    """Year by year cumulative path of a five-year average growth target.

    Years with an annual target grow by it; the other years grow by the average that
    still reaches the five-year target, so the path always ends on the five-year index.
    """
    years = list(range(start_year, end_year + 1))
    known = {y: float(r) for y, r in annual_rates.items() if start_year <= y <= end_year}
    fill = required_average(target_rate, len(years), known.values())
    pace = 1 + float(target_rate) / 100
    path, index = [], 1.0
    for k, year in enumerate(years, start=1):
        planned = year in known
        rate = known[year] if planned else fill
        index *= 1 + rate / 100
        path.append(PathYear(year, rate, planned, index, pace**k))
    return path


def due_fraction(month: int) -> float:
    """The share of an annual quantity due by the end of `month` (序时进度: m/12)."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month}")
    return month / 12


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def milestone_dates(year: int, deadline: date | None) -> list[date]:
    """Quarter ends of `year` before the deadline, then the deadline (year end if none or later)."""
    last = date(year, 12, 31)
    if deadline is not None and deadline.year == year:
        last = deadline
    dates = [month_end(year, q * 3) for q in range(1, 5) if month_end(year, q * 3) < last]
    return [*dates, last]


# 2022-06, 2022/6, 2022.06, 2022年6月, 2022年1-6月, 2022年1—6月份, 2022年1至6月; the last month counts.
_MONTH_RE = re.compile(
    r"^\s*(\d{4})\s*(?:[-/.]\s*(\d{1,2})|年\s*(?:\d{1,2}\s*[-—–~至到]\s*)?(\d{1,2})\s*月份?)\s*$"
)


# Cumulative periods named in words: 2022年一季度, 2022年上半年, 2022年前三季度, 2022年全年.
_NAMED_RE = re.compile(r"^\s*(\d{4})\s*年?\s*(一季度|第一季度|上半年|前三季度|全年)\s*$")
_NAMED_MONTH = {"一季度": 3, "第一季度": 3, "上半年": 6, "前三季度": 9, "全年": 12}


def parse_month(text: str) -> tuple[int, int] | None:
    """(year, month) of a statistics-release period label, or None if it is not one."""
    named = _NAMED_RE.match(str(text))
    if named:
        return int(named[1]), _NAMED_MONTH[named[2]]
    match = _MONTH_RE.match(str(text))
    if not match:
        return None
    year, month = int(match[1]), int(match[2] or match[3])
    if not 1 <= month <= 12:
        return None
    return year, month


def elapsed_share(start: date, end: date, today: date) -> float:
    """The share of the days from `start` to `end` (both included) that have passed by `today`.

    0.0 before the start, 1.0 from the end on; `today` itself counts as passed.
    """
    if end < start:
        raise ValueError(f"period ends ({end}) before it starts ({start})")
    total = (end - start).days + 1
    passed = (today - start).days + 1
    return min(max(passed / total, 0.0), 1.0)
