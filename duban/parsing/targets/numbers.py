"""Numbers as printed in notices: Arabic with decimals, Chinese numerals, 万/亿 multipliers."""

from decimal import Decimal

from duban.parsing.numerals import chinese_number

MULTIPLIERS = {
    "万": Decimal(10**4),
    "百万": Decimal(10**6),
    "千万": Decimal(10**7),
    "亿": Decimal(10**8),
}

# The characters of a Chinese numeral below 10000.
CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千"


def parse_number(number: str) -> Decimal | None:
    """An Arabic (with thousands separators) or Chinese numeral as a Decimal."""
    if number[0].isdigit():
        return Decimal(number.replace(",", ""))
    value = chinese_number(number, digit_by_digit=False)
    return None if value is None else Decimal(value)


def as_json_number(value: Decimal) -> int | float:
    """A Decimal as the JSON number the schema wants: int when integral."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
