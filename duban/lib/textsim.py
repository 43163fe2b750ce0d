"""Text comparison for report checks: normalisation and a similarity ratio."""

import difflib
import re
import unicodedata

__all__ = ["has_figures", "normalise", "similarity"]

# Punctuation and spaces carry no content when asking "is this the same report again?".
_NOISE_RE = re.compile(r"[\s\W_]+", re.UNICODE)
# An Arabic number, or a Chinese numeral followed by a measure word (三个, 十五家, 两次).
_FIGURE_RE = re.compile(
    r"\d|[一二两三四五六七八九十百千万亿]+\s*(?:个|家|次|项|场|所|处|座|条|户|人|名|亩|套|台|批|件|期|万|亿|元|公里|米|吨|%|％|成)"
)


def normalise(text: str | None) -> str:
    """NFKC-folded text without spaces or punctuation (full- and half-width alike)."""
    return _NOISE_RE.sub("", unicodedata.normalize("NFKC", text or ""))


def similarity(a: str | None, b: str | None) -> float:
    """difflib's ratio of the normalised texts; 0.0 when either is empty."""
    left, right = normalise(a), normalise(b)
    if not left or not right:
        return 0.0
    return difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()


def has_figures(text: str | None) -> bool:
    """Whether the text states any number (Arabic digits or a counted Chinese numeral)."""
    return bool(_FIGURE_RE.search(unicodedata.normalize("NFKC", text or "")))
