"""The notice's 完成时限 text as a date, read once when the notice is parsed."""

import calendar
import re
from datetime import date

from duban.parsing.model import NoticeMeta, ParsedNotice, Plan
from duban.parsing.numerals import chinese_number

__all__ = ["date_deadlines", "parse_deadline", "plan_year"]

_NUM = r"\d{1,2}|十[一二]?|[一二三四五六七八九]"
# One alternative per way of writing a deadline; finditer takes them left to right without overlap,
# so "2022年6月底前" is read as a month, not as the year 2022 followed by a month.
_DEADLINE_RE = re.compile(
    # A date written in figures, as a spreadsheet shows one: 2024-12-31, 2024/8/31, 2024.8.31.
    r"(?P<y0>\d{4})(?P<sep>[-/.])(?P<m0>\d{1,2})(?P=sep)(?P<d0>\d{1,2})(?!\d)"
    rf"|(?:(?P<y1>\d{{4}})\s*年\s*)?(?P<month>{_NUM})\s*月\s*(?:份)?"
    rf"(?:(?P<day>\d{{1,2}})\s*[日号]|(?P<part>上旬|中旬|下旬|底|末|中))?\s*(?P<before>前|之前)?"
    r"|(?:(?P<y2>\d{4})\s*年\s*)?(?P<half>上半年|下半年)"
    r"|(?:(?P<y3>\d{4})\s*年\s*)?第?(?P<quarter>[一二三四1-4])\s*季度"
    r"|(?P<y4>\d{4})\s*年\s*(?:底|末|内|前)?"
    r"|(?P<year_end>年底|年末|年内|全年|本年度?|今年)"
)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _match_date(m: re.Match, year: int) -> date | None:
    if m["y0"]:
        y, month, day = int(m["y0"]), int(m["m0"]), int(m["d0"])
        valid = 1 <= month <= 12 and 1 <= day <= _month_end(y, month).day
        return date(y, month, day) if valid else None
    if m["month"]:
        y, month = int(m["y1"] or year), chinese_number(m["month"])
        if not 1 <= month <= 12:
            return None
        if m["day"]:
            day = int(m["day"])
            return date(y, month, day) if day <= _month_end(y, month).day else None
        if m["part"] == "上旬":
            return date(y, month, 10)
        if m["part"] in ("中旬", "中"):
            return date(y, month, 20)
        if m["before"] and not m["part"]:
            # "6月前" is before June begins: the end of May.
            return _month_end(y, month - 1) if month > 1 else date(y - 1, 12, 31)
        return _month_end(y, month)
    if m["half"]:
        return _month_end(int(m["y2"] or year), 6 if m["half"] == "上半年" else 12)
    if m["quarter"]:
        return _month_end(int(m["y3"] or year), chinese_number(m["quarter"]) * 3)
    if m["y4"]:
        return date(int(m["y4"]), 12, 31)
    return date(year, 12, 31)


def parse_deadline(text: str | None, year: int) -> date | None:
    """The latest date a 完成时限 such as "6月底前", "年底前" or "2025年底" names, or None.

    Dates without a year fall in `year`; text such as "长期坚持" names no date.
    """
    dates = [d for m in _DEADLINE_RE.finditer(text or "") if (d := _match_date(m, year))]
    return max(dates, default=None)


def plan_year(plan: Plan, notice: NoticeMeta) -> int | None:
    """The year a deadline without one falls in: the plan's last, else the notice's date's."""
    if plan.years:
        return max(plan.years)
    day = notice.issued_on or notice.printed_on
    return int(day[:4]) if day else None


def date_deadlines(parsed: ParsedNotice) -> ParsedNotice:
    """Set every item's `due` from its 完成时限 and its plan's year; returns `parsed`."""
    for plan in parsed.plans:
        year = plan_year(plan, parsed.notice)
        for section in plan.sections:
            for item in section.items:
                item.due = parse_deadline(item.deadline, year) if year else None
    return parsed
