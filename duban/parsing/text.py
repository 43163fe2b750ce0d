"""Text normalisation shared by the readers and the notice structure."""

import re
import string

# CJK ideographs, CJK and full-width punctuation, curly quotes, dashes and dots.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2014\u2026\u00b7"
_CJK_SPACE = re.compile(rf"(?<=[{CJK}])\s+|\s+(?=[{CJK}])")
# Characters between which a line break stands for a space (two Latin words or numbers).
_LATIN = frozenset(string.ascii_letters + string.digits)
_LATIN_END = _LATIN | {"%"}
# Edge white space includes the ideographic space used for indentation.
EDGE = " \t\r\n\u3000\xa0"
# A page's number alone on its line, as a text copy keeps it: 「— 3 —」, 「第3页 共16页」.
PAGE_FOOTER = re.compile(
    r"[-—–－―\s]*\d{1,3}[-—–－―\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"
)

_FOLD = str.maketrans(
    {
        **{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},
        "\u3000": " ",
        "\xa0": " ",
        "〔": "[",
        "〕": "]",
        "【": "[",
        "】": "]",
    }
)


def squeeze(text: str) -> str:
    """Remove every white space character, for names: 「张 伟」 -> 张伟."""
    return "".join(text.split())


def remove_cjk_spaces(text: str) -> str:
    """Drop white space next to Chinese text; spaces between two Latin words stay."""
    return _CJK_SPACE.sub("", text.strip(EDGE))


def join_lines(text: str) -> str:
    """Join the lines of a wrapped cell or paragraph, keeping spaces as printed inside lines."""
    lines = [line.strip(EDGE) for line in text.splitlines()]
    joined = ""
    for line in lines:
        if not line:
            continue
        # Only the last character matters: a regex search would rescan all that is joined.
        if joined and joined[-1] in _LATIN_END and line[0] in _LATIN:
            joined += " "
        joined += line
    return joined


def fold(text: str) -> str:
    """Fold full-width forms to half-width, for matching only (never for output)."""
    return text.translate(_FOLD)


def is_blank(text: str | None) -> bool:
    return text is None or not text.strip(EDGE)
