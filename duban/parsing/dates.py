"""Dates as printed in notices: 「2022 年 3 月 7 日」 and 「二〇二二年三月七日」."""

import re
from datetime import date

_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN = "〇○零Ｏ一二三四五六七八九十"
DATE = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*月"
    rf"\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*日"
)


def chinese_number(text: str) -> int | None:
    """「十二」 -> 12, 「二十一」 -> 21, 「二〇二二」 -> 2022, 「7」 -> 7."""
    if text.isdecimal():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        value = (_DIGITS.get(tens, 0) if tens else 1) * 10
        return value + (_DIGITS.get(ones, 0) if ones else 0)
    value = 0
    for char in text:
        if char not in _DIGITS:
            return None
        value = value * 10 + _DIGITS[char]
    return value


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
