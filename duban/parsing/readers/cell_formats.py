"""Excel number formats applied as the sheet shows a cell: 「2024年12月31日」 for a date
formatted 'yyyy"年"m"月"d"日"', 「6,000」 for a number formatted '#,##0'."""

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

# One token of a format: a quoted literal, an escaped character, a date or time code.
_TOKEN = re.compile(r'"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|.', re.IGNORECASE)
_LOCALE = re.compile(r"\[[^\]]*\]")
# Excel's built-in date format 14, which each reader shows in their own locale's form.
_SYSTEM_DATE = "mm-dd-yy"
_PLAIN_NUMBER = re.compile(r"^[#,0]*0(?:\.(0+))?$")


def shown_date(value: dt.date, number_format: str) -> str | None:
    """The date as the format shows it, or None when the format says no date."""
    if number_format == _SYSTEM_DATE:
        return None
    codes = _TOKEN.findall(_LOCALE.sub("", number_format.split(";")[0]))
    if not any(code[0].lower() in "yd" for code in codes if not code.startswith(('"', "\\"))):
        return None
    shown = []
    for index, code in enumerate(codes):
        lower = code.lower()
        if code.startswith('"'):
            shown.append(code[1:-1])
        elif code.startswith("\\"):
            shown.append(code[1:])
        elif lower == "yyyy":
            shown.append(f"{value.year:04d}")
        elif lower == "yy":
            shown.append(f"{value.year % 100:02d}")
        elif lower in ("m", "mm") and not _is_minute(codes, index):
            shown.append(f"{value.month:0{len(code)}d}")
        elif lower in ("d", "dd"):
            shown.append(f"{value.day:0{len(code)}d}")
        elif lower in ("h", "hh", "s", "ss", "m", "mm"):
            return None  # a time of day: the ISO form says it plainly
        elif lower in ("mmm", "mmmm", "ddd", "dddd"):
            return None  # month and day names depend on the reader's locale
        else:
            shown.append(code)
    return "".join(shown)


def _is_minute(codes: list[str], index: int) -> bool:
    """「m」 after an hour or before seconds counts minutes, as Excel reads it."""
    before = [code.lower() for code in codes[:index] if code.strip()]
    after = [code.lower() for code in codes[index + 1 :] if code.strip()]
    return (bool(before) and before[-1] in ("h", "hh")) or (bool(after) and after[0] in ("s", "ss"))


def shown_number(value: float, number_format: str) -> str | None:
    """The number as a plain format shows it (「#,##0」, 「0.0」), or None for others."""
    match = _PLAIN_NUMBER.match(number_format)
    if match is None:
        return None
    decimals = len(match.group(1) or "")
    separator = "," if "," in number_format else ""
    # Halves round away from zero, as Excel shows them (6000.25 → 6000.3).
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    return f"{rounded:{separator}.{decimals}f}"
