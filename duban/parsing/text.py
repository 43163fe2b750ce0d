"""Text normalisation shared by the readers and the notice structure."""

import re

# CJK ideographs, CJK and full-width punctuation, curly quotes, dashes and dots.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2014\u2026\u00b7"
_CJK_SPACE = re.compile(rf"(?<=[{CJK}])\s+|\s+(?=[{CJK}])")
_LATIN_END = re.compile(r"[A-Za-z0-9%]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")
# Edge white space includes the ideographic space used for indentation.
EDGE = " \t\r\n\u3000\xa0"

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
        if joined and _LATIN_END.search(joined) and _LATIN_START.match(line):
            joined += " "
        joined += line
    return joined


def fold(text: str) -> str:
    """Fold full-width forms to half-width, for matching only (never for output)."""
    return text.translate(_FOLD)


def is_blank(text: str | None) -> bool:
    return text is None or not text.strip(EDGE)
