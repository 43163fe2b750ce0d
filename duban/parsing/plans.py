"""Annexes (附件) as plans: their heading, title, kind and years."""

import re

from duban.parsing.numerals import chinese_number
from duban.parsing.text import fold, remove_cjk_spaces

ANNEX = re.compile(r"^附\s*件\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*(?:[：:]\s*)?(.*)$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-—–～~至到]\s*((?:19|20)\d{2})\s*年")
_FIVE_YEAR_PLAN = re.compile(r"十([一二三四五六七八九]|)五")
_FIVE_YEAR = re.compile(r"五年|十[一二三四五六七八九]?五")
_LIVELIHOOD = re.compile(r"民生实事|民生项目|民生工程|为民办实事")
_ANNUAL = re.compile(r"年度|今年|本年|年重点")
# A plan title runs until a word like these; longer titles wrap onto a second line.
TITLE_END = re.compile(r"(?:表|清单|计划|方案|任务|项目|分解|安排|要点|目录)$")
# The 14th five-year plan covers 2021–2025; the others follow five years apart.
_FOURTEENTH_START, _FOURTEENTH = 2021, 14


def annex_heading(text: str) -> tuple[str, str] | None:
    """(number as printed, title on the same line) for 「附件 1」 / 「附件1：…表」, else None."""
    match = ANNEX.match(text.strip())
    if not match:
        return None
    return fold(match.group(1)), remove_cjk_spaces(match.group(2))


def plan_kind(title: str) -> str:
    span = _YEAR_RANGE.search(title)
    if _FIVE_YEAR.search(title) or (span and int(span.group(2)) - int(span.group(1)) == 4):
        return "five_year"
    if _LIVELIHOOD.search(title):
        return "livelihood"
    if _YEAR.search(title) or _ANNUAL.search(title):
        return "annual"
    return "other"


def plan_years(title: str, kind: str, notice_year: int | None) -> list[int]:
    """[Y] for a one-year plan, [Y, Y+4] for a five-year one; the notice's year if unprinted."""
    if kind == "five_year":
        printed = _YEAR_RANGE.search(title)
        if printed:
            return [int(printed.group(1)), int(printed.group(2))]
        plan = _FIVE_YEAR_PLAN.search(title)
        if plan:
            number = 10 + (chinese_number(plan.group(1)) if plan.group(1) else 0)
            start = _FOURTEENTH_START + 5 * (number - _FOURTEENTH)
            return [start, start + 4]
        year = _YEAR.search(title)
        start = int(year.group(1)) if year else notice_year
        return [start, start + 4] if start else []
    year = _YEAR.search(title)
    if year:
        return [int(year.group(1))]
    if kind in ("annual", "livelihood") and notice_year:
        return [notice_year]
    return []
