"""Numbers as printed in notices: Arabic with decimals, Chinese numerals, 万/亿 multipliers."""

from decimal import Decimal

_DIGITS = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
MULTIPLIERS = {
    "万": Decimal(10**4),
    "百万": Decimal(10**6),
    "千万": Decimal(10**7),
    "亿": Decimal(10**8),
}

CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS)


def chinese_to_int(numeral: str) -> int | None:
    """Value of a Chinese numeral below 10000 (十 → 10, 三千五百 → 3500, 百 → 100)."""
    total, digit = 0, None
    for char in numeral:
        if char in _DIGITS:
            if digit is not None:
                return None  # two digits in a row (一二) are not a numeral
            digit = _DIGITS[char]
        elif char in _SMALL_UNITS:
            total += (1 if digit is None else digit) * _SMALL_UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


def parse_number(number: str) -> Decimal | None:
    """An Arabic (with thousands separators) or Chinese numeral as a Decimal."""
    if number[0].isdigit():
        return Decimal(number.replace(",", ""))
    value = chinese_to_int(number)
    return None if value is None else Decimal(value)


def as_json_number(value: Decimal) -> int | float:
    """A Decimal as the JSON number the schema wants: int when integral."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
