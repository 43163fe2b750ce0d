"""Text normalisation shared by importers; pure, no Django."""

import re
import unicodedata
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
