"""Text normalisation shared by importers; pure, no Django."""

import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

_SPACE_RE = re.compile(r"\s+")


def metric_key(name: str) -> str:
    """The form metric names are compared in: NFKC (full-width to half-width), no spaces.

    `ＧＤＰ` and `GDP`, `地区生产 总值` and `地区生产总值` compare equal.
    """
    return _SPACE_RE.sub("", unicodedata.normalize("NFKC", name or ""))


def plain_number(value, places: int = 2) -> str:
    """A number as people write it: at most `places` decimals, no trailing zeros (8.50 → 8.5)."""
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


def spoken_date(day: date, today: date) -> str:
    """A date as a sentence says it: 9月10日 in the current year, 2021年9月10日 before or after."""
    short = f"{day.month}月{day.day}日"
    return short if day.year == today.year else f"{day.year}年{short}"


def clip(text: str, length: int) -> str:
    """`text` cut to `length` characters, the last one an ellipsis."""
    return text if len(text) <= length else f"{text[: length - 1]}…"
