"""Notices in traditional characters: read in simplified ones, printed as they were.

The parser's vocabulary (单位, 牵头, 责任, 区…局) is written in simplified characters; a notice
from Hong Kong, Macao, Taiwan or a copy run through a converter prints 單位, 牽頭, 責任. OpenCC
folds the text for reading, and each character of the output goes back to the one printed.
"""

from collections import Counter, defaultdict
from dataclasses import replace

import opencc

from duban.parsing.document import Document, Paragraph, Table

_TO_SIMPLIFIED = opencc.OpenCC("t2s")
# A notice in traditional characters changes in one character of ten or more.
_MIN_CHANGED = 10
_MIN_SHARE = 0.05
# Keys of the output whose values are codes, not printed text.
_CODES = frozenset(
    {"schema", "format", "sha256", "role", "kind", "measure", "comparator", "period", "evidence"}
)


def fold_text(text: str) -> tuple[str, dict[str, str]]:
    """The text in simplified characters, and each simplified character's printed one."""
    folded = _TO_SIMPLIFIED.convert(text)
    if not _is_traditional(text, folded):
        return text, {}
    printed: dict[str, Counter] = defaultdict(Counter)
    _record(text, folded, printed)
    return folded, _most_printed(printed)


def simplified(document: Document) -> Document:
    """The document with its blocks in simplified characters; `printed` says what was printed.

    The txt reader folds its text before laying it out (its layout reads header words).
    """
    if document.format == "txt":
        return document
    texts = [
        text
        for block in document.blocks
        for text in (block.cells_text() if isinstance(block, Table) else [block.text])
    ]
    whole = "\n".join(texts)
    if not _is_traditional(whole, _TO_SIMPLIFIED.convert(whole)):
        return document
    printed: dict[str, Counter] = defaultdict(Counter)

    def fold(text: str) -> str:
        folded = _TO_SIMPLIFIED.convert(text)
        _record(text, folded, printed)
        return folded

    blocks = []
    for block in document.blocks:
        if isinstance(block, Table):
            rows = [replace(row, cells=[fold(cell) for cell in row.cells]) for row in block.rows]
            blocks.append(Table(rows, block.location))
        else:
            blocks.append(Paragraph(fold(block.text), block.location))
    if not printed:
        return document
    return replace(document, blocks=blocks, printed=document.printed | _most_printed(printed))


def _is_traditional(text: str, folded: str) -> bool:
    """Whether a notice is printed in traditional characters, not merely holds a few
    (a name in a variant character stays as it is, and nothing else moves)."""
    if folded == text:
        return False
    changed = sum(1 for a, b in zip(text, folded, strict=False) if a != b)
    chinese = sum(1 for char in text if "\u4e00" <= char <= "\u9fff")
    return changed >= _MIN_CHANGED and changed >= chinese * _MIN_SHARE


def _record(text: str, folded: str, printed: dict[str, Counter]) -> None:
    # OpenCC maps character for character almost always; a phrase that changes length
    # (rare) is read folded but cannot be mapped back.
    if folded != text and len(folded) == len(text):
        for original, simple in zip(text, folded, strict=True):
            if original != simple:
                printed[simple][original] += 1


def _most_printed(printed: dict[str, Counter]) -> dict[str, str]:
    return {simple: counts.most_common(1)[0][0] for simple, counts in printed.items()}


def as_printed(value, back: dict[str, str]):
    """The parsed notice (dicts, lists, strings) with its text in the characters printed."""
    if not back:
        return value
    table = str.maketrans(back)
    return _restore(value, table)


def _restore(value, table):
    if isinstance(value, str):
        return value.translate(table)
    if isinstance(value, list):
        return [_restore(item, table) for item in value]
    if isinstance(value, dict):
        return {
            key: item if key in _CODES else _restore(item, table) for key, item in value.items()
        }
    return value
