"""Chinese numerals as whole numbers, read by cn2an: 十二 → 12, 三千五百 → 3500, 二〇二二 → 2022."""

# Zeros printed with look-alike characters, which cn2an does not read.
_ZEROS = str.maketrans({"○": "〇", "Ｏ": "〇", "O": "〇"})
_UNITS = frozenset("十百千万亿")


def chinese_number(text: str, *, digit_by_digit: bool = True) -> int | None:
    """The whole number written in Arabic or Chinese digits, or None when it is none.

    A run of digits without 十/百/千 reads digit by digit (二〇二二 → 2022), as years are
    printed; with `digit_by_digit=False` such a run is no numeral (一二 in 一二季度).
    """
    if text.isdecimal():
        return int(text)
    text = text.translate(_ZEROS)
    if not text or (not digit_by_digit and len(text) > 1 and _UNITS.isdisjoint(text)):
        return None
    if text[0] in "百千":
        text = "一" + text  # 百 alone is a hundred, as in 百分之百
    # Imported on first use: cn2an takes ~0.15 s to load, and every process that imports the
    # ledger models reaches this module through the deadline reader.
    import cn2an

    try:
        value = cn2an.cn2an(text, "normal")
    except (ValueError, KeyError):  # cn2an's word for "not a numeral"
        return None
    return value if isinstance(value, int) else None
