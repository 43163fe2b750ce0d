"""Tables a PDF's text export lays out with spaces (`pdftotext -layout`): each cell wrapped
over lines in its own column, the short cells of a row centred beside the tall ones, and a
header whose words stand over several lines, not always over their columns.

Columns are found from where the rows' words stand; rows from their 序号, each taking as
many lines below its number as it has above it, as a centred row does.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from duban.parsing.columns import MAX_HEADER_LENGTH, SEQ, header_kind, read_header
from duban.parsing.lists import numbering
from duban.parsing.text import PAGE_FOOTER

# Columns aligned with spaces: two spaces or more, or an ideographic space.
COLUMN_GAP = re.compile(r"(?: {2,}|\u3000+)+")
_EDGE = " \u3000\xa0\ufeff\f"
_SEQ = re.compile(r"^\d{1,3}$")
# A header's words stand over at most this many lines (「序 / 号」, 「分包县 / 领导」).
_HEADER_LINES = 3
_MIN_COLUMNS = 3
# The header's first line opens with (part of) its 序号 label; checked first, as it is cheap.
_OPENS_HEADER = re.compile(r"^[\s\f\u3000]*(?:序|编|No)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Word:
    """A run of text between column gaps, with the display columns it spans."""

    start: int
    end: int
    text: str

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2


def words(line: str) -> list[Word]:
    """The words of a space-aligned line with the character columns they span: the export
    gives each character one column, Chinese or not."""
    line = line.replace("\f", "")  # a page break, not a printed column
    found, position = [], 0
    for match in COLUMN_GAP.finditer(line + "  "):
        cell = line[position : match.start()]
        if cell.strip(_EDGE):
            start = position + len(cell) - len(cell.lstrip(_EDGE))
            text = cell.strip(_EDGE)
            found.append(Word(start, start + len(text), text))
        position = match.end()
    return found


def unlayout(raw: list[str], ends_table: Callable[[str], bool]) -> list[str | None]:
    """The lines with each such table as tab-separated rows: a row's line holds its cells,
    the other lines it took are None; section rows stay as lines. Other lines are kept.

    `ends_table` tells a line after the table (抄送, 附件, a note).
    """
    out: list[str | None] = list(raw)
    index = 0
    while index < len(raw):
        header = _header(raw, index)
        if header is None:
            index += 1
            continue
        labels, spans, end = header
        index = _table(raw, out, index, end, labels, spans, ends_table)
    return out


def _header(raw: list[str], index: int) -> tuple[list[str], list[tuple[int, int]], int] | None:
    """Header words over two or three lines from `index`, grouped by the columns they share."""
    if not _OPENS_HEADER.match(raw[index]):
        return None
    groups: list[list[Word]] = []
    end = index
    while end < len(raw) and end - index < _HEADER_LINES:
        found = words(raw[end])
        if not found or any(len(word.text) > MAX_HEADER_LENGTH for word in found):
            break
        if any(header_kind(word.text) == SEQ for word in found) and end > index:
            break
        for word in found:
            group = next((g for g in groups if _overlaps(g, word)), None)
            if group is None:
                groups.append([word])
            else:
                group.append(word)
        end += 1
    if end - index < 2 or len(groups) < _MIN_COLUMNS:
        return None
    groups.sort(key=lambda group: min(word.start for word in group))
    labels = ["".join(word.text for word in group) for group in groups]
    if read_header(labels) is None or header_kind(labels[0]) != SEQ:
        return None
    spans = [(min(w.start for w in g), max(w.end for w in g)) for g in groups]
    return labels, spans, end


def _overlaps(group: list[Word], word: Word) -> bool:
    start, end = min(w.start for w in group), max(w.end for w in group)
    return word.start < end + 1 and word.end > start - 1


def _table(
    raw: list[str],
    out: list[str | None],
    index: int,
    end: int,
    labels: list[str],
    spans: list[tuple[int, int]],
    ends_table: Callable[[str], bool],
) -> int:
    """Read the table whose header takes raw[index:end]; return where it ends.

    Each page lays its columns out anew: the header repeated on the next page gives its
    own spans, and no row reaches across a page break or a section row.
    """
    out[index] = "\t".join(labels)
    for skipped in range(index + 1, end):
        out[skipped] = None
    pages: list[tuple[list[tuple[int, int]], list[tuple[int, list[Word]]]]] = [(spans, [])]
    position = end
    while position < len(raw):
        line = raw[position].strip(_EDGE)
        if line and ends_table(line) and not _is_section(line):
            break
        repeated = _header(raw, position)
        if repeated is not None and repeated[0] == labels:
            for skipped in range(position, repeated[2]):
                out[skipped] = None
            pages.append((repeated[1], []))
            position = repeated[2]
            continue
        page_spans, content = pages[-1]
        if not line or (
            PAGE_FOOTER.fullmatch(line) and not _is_seq_alone(raw[position], page_spans)
        ):
            out[position] = None
            if line:
                content.append((position, []))
        elif _is_section(line):
            content.append((position, []))
            out[position] = line
        else:
            content.append((position, words(raw[position])))
        position += 1
    for page_spans, content in pages:
        bands = _bands([found for _, found in content if found], page_spans)
        for rows in _blocks(content):
            for row in _rows(rows, bands[0]):
                cells = [""] * len(labels)
                for _, found in row:
                    for word in found:
                        cells[_column(word, bands)] += word.text
                out[row[0][0]] = "\t".join(cells)
                for number, _ in row[1:]:
                    out[number] = None
    return position


def _is_seq_alone(line: str, spans: list[tuple[int, int]]) -> bool:
    """A 序号 on a line of its own, under the header's 序号, not a page number."""
    found = words(line)
    return len(found) == 1 and bool(_SEQ.match(found[0].text)) and found[0].start < spans[1][0]


def _is_section(line: str) -> bool:
    """A section row across the table (「二、坚定不移推进文旅融合发展」)."""
    number = numbering(line)
    return number is not None and number.style == "cn" and len(words(line)) == 1


def _bands(lines: list[list[Word]], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each column's span: where the rows' words stand, no word reaching across two columns.
    Where that finds more or fewer columns than the header names, each run of words goes
    to the header word it overlaps most, or the nearest."""
    covered: list[tuple[int, int]] = []
    for word in sorted((w for found in lines for w in found), key=lambda w: w.start):
        if covered and word.start <= covered[-1][1]:
            covered[-1] = (covered[-1][0], max(covered[-1][1], word.end))
        else:
            covered.append((word.start, word.end))
    if len(covered) == len(spans):
        return covered
    bands = [[start, end] for start, end in spans]
    for start, end in covered:
        best = max(
            range(len(spans)),
            key=lambda i: (
                min(end, spans[i][1]) - max(start, spans[i][0]),
                -abs((start + end) / 2 - sum(spans[i]) / 2),
            ),
        )
        bands[best] = [min(bands[best][0], start), max(bands[best][1], end)]
    return [(start, end) for start, end in bands]


def _column(word: Word, bands: list[tuple[int, int]]) -> int:
    """The band a word stands in, else the nearest."""
    for index, (start, end) in enumerate(bands):
        if start <= word.middle <= end:
            return index
    return min(range(len(bands)), key=lambda i: abs(word.middle - sum(bands[i]) / 2))


def _blocks(content: list[tuple[int, list[Word]]]) -> list[list[tuple[int, list[Word]]]]:
    """The lines between section rows and page breaks, which no row reaches across."""
    blocks: list[list[tuple[int, list[Word]]]] = [[]]
    for number, found in content:
        if found:
            blocks[-1].append((number, found))
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _rows(
    lines: list[tuple[int, list[Word]]], seq_band: tuple[int, int]
) -> list[list[tuple[int, list[Word]]]]:
    """The lines of each row: those above its 序号 after the row before, the line of its 序号,
    and as many below it as above (the last row keeps the rest)."""
    anchors = [
        at
        for at, (_, found) in enumerate(lines)
        if found and _SEQ.match(found[0].text) and found[0].start <= seq_band[1]
    ]
    if not anchors:
        return []
    rows = []
    top = 0
    for number, anchor in enumerate(anchors):
        below = anchor - top
        following = anchors[number + 1] if number + 1 < len(anchors) else len(lines)
        bottom = following if number + 1 == len(anchors) else min(anchor + below + 1, following)
        rows.append(lines[top:bottom])
        top = bottom
    return rows
