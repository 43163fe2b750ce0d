"""Dates as printed in notices: 「2022 年 3 月 7 日」 and 「二〇二二年三月七日」."""

import re
from datetime import date

from duban.parsing.numerals import chinese_number

_CN = "〇○零Ｏ一二三四五六七八九十"
DATE = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*月"
    rf"\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*日"
)


def iso_date(match: re.Match) -> str | None:
    """The ISO form of a DATE match, or None if it is not a real date."""
    parts = [chinese_number(match.group(key)) for key in ("y", "m", "d")]
    if None in parts:
        return None
    try:
        return date(*parts).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    match = DATE.search(text)
    return iso_date(match) if match else None
