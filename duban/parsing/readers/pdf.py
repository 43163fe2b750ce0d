"""Reading .pdf notices: per page, the ruled tables and the text lines around them.

Lines outside tables are put back into paragraphs: a line that runs to the right margin
continues on the next line when that one starts at the left margin, in the same type size,
unnumbered and not an annex heading or 抄送 line (a new paragraph is indented or numbered).
"""

import io
import re
from dataclasses import dataclass

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from duban.parsing.document import Document, Location, Paragraph, ParseWarning, Row, Table
from duban.parsing.errors import ENCRYPTED, SCANNED, ParseError
from duban.parsing.lists import numbering
from duban.parsing.plans import annex_heading
from duban.parsing.regions import COPY_TO

# "— 3 —", "- 3 -", "第 3 页", "第3页 共16页", "3/16" alone on a page's first or last line.
PAGE_NUMBER = re.compile(
    r"[-—–－―\s]*\d+[-—–－―\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+"
)
# A cell ending a sentence is complete: its row did not run over the page break.
SENTENCE_END = ("。", "！", "？", ".", "!", "?")
# Line breaking keeps these with the character before them, and a number or word whole.
_NO_LINE_START = "）)]】」』》〉”’、，。；：！？,.;:!?%"
_NO_LINE_END = "（([【「『《〈“‘"
# Lines that begin a block of their own whatever the line before: 「附件」, 「抄送：」.
_STARTS_BLOCK = re.compile(rf"附件\s*$|{COPY_TO.pattern}")
_WORD = re.compile(r"[A-Za-z0-9.%+/-]+|.", re.DOTALL)
# Points of slack when comparing the edges of ruled cells.
_EPSILON = 1.0
BROKEN = (PdfminerException, MalformedPDFException, PSException, ValueError, KeyError, TypeError)


@dataclass(slots=True)
class _Line:
    """A text line outside the tables, with what paragraph rebuilding needs of its geometry."""

    text: str
    location: Location
    x0: float
    x1: float
    top: float
    bottom: float
    page_width: float

    @property
    def size(self) -> float:
        return self.bottom - self.top


def read_pdf(data: bytes) -> Document:
    """Lay a PDF out as blocks, page by page; ParseError if encrypted, damaged or scanned."""
    if b"%%EOF" not in data[-1024:]:
        raise ParseError("the PDF is truncated (no %%EOF at its end): download it again")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return _read_pages(pdf)
    except PdfminerException as exc:
        if exc.args and isinstance(exc.args[0], PDFEncryptionError):
            raise ParseError(
                "the PDF is encrypted or password-protected: remove the password first", ENCRYPTED
            ) from exc
        raise ParseError(f"cannot read the PDF (damaged file?): {exc}") from exc
    except BROKEN as exc:
        raise ParseError(f"cannot read the PDF (damaged file?): {exc}") from exc


def _read_pages(pdf) -> Document:
    if not pdf.pages:
        raise ParseError("the PDF has no pages")
    document = Document(format="pdf", blocks=[], pages=len(pdf.pages))
    scanned = []
    for number, page in enumerate(pdf.pages, start=1):
        if not page.chars:
            scanned.append(number)
            continue
        tables = sum(isinstance(block, Table) for block in document.blocks)
        blocks = _page_blocks(page, number, tables)
        # Free the page's parsed objects: a long PDF is read one page at a time.
        page.close()
        if blocks and document.blocks:
            _join_split_row(document.blocks[-1], blocks[0])
            _carry_merges(document.blocks[-1], blocks[0])
        document.blocks.extend(blocks)
    if len(scanned) == len(pdf.pages):
        raise ParseError("PDF has no text layer (scanned?); OCR it first", SCANNED)
    document.blocks = _paragraphs(document.blocks)
    for number in scanned:
        document.warnings.append(
            ParseWarning(
                "page has no text layer (scanned?); its content is missing",
                Location(page=number),
                code="scanned_page",
            )
        )
    return document


def _page_blocks(page, number: int, tables_before: int) -> list[_Line | Table]:
    """The page's tables and outside lines sorted top to bottom, page numbers dropped."""
    found = page.find_tables()
    placed: list[tuple[float, _Line | Table]] = []
    for index, table in enumerate(found, start=1):
        placed.append((table.bbox[1], _table(table, number, tables_before + index)))
    for line, found_line in enumerate(_lines_outside(page, [t.bbox for t in found]), start=1):
        x0, x1, top, bottom, text = found_line
        location = Location(page=number, line=line)
        placed.append((top, _Line(text, location, x0, x1, top, bottom, page.width)))
    placed.sort(key=lambda item: item[0])
    return _drop_page_numbers([block for _, block in placed])


def _paragraphs(blocks: list[_Line | Table]) -> list[Paragraph | Table]:
    """Join the lines that wrap onto the next one into paragraphs (see the module's doc)."""
    lines = [block for block in blocks if isinstance(block, _Line)]
    if not lines:
        return blocks
    # The margins: the leftmost line start, and per page the rightmost line end, or the
    # left margin mirrored when no line is that long (a page of short lines).
    left = min(line.x0 for line in lines)
    right: dict[int | None, float] = {}
    for line in lines:
        page = line.location.page
        right[page] = max(right.get(page, line.page_width - left), line.x1)
    out: list[Paragraph | Table] = []
    previous: _Line | None = None
    for block in blocks:
        if not isinstance(block, _Line):
            out.append(block)
            previous = None
            continue
        if previous is not None and _runs_on(previous, block, left, right[previous.location.page]):
            paragraph = out[-1]
            joiner = " " if _ascii_word(paragraph.text[-1]) and _ascii_word(block.text[0]) else ""
            paragraph.text += joiner + block.text
        else:
            out.append(Paragraph(block.text, block.location))
        previous = block
    return out


def _runs_on(line: _Line, following: _Line, left: float, right: float) -> bool:
    size = line.size
    # Full: what starts the next line would not have fitted after it (half a character of
    # slack, as punctuation may hang past the margin).
    return (
        line.x1 + _unbreakable_start(following.text, size) >= right - size / 2
        and following.x0 <= left + size / 2
        and abs(following.size - size) < 1
        and (following.location.page != line.location.page or following.top - line.bottom < size)
        and numbering(following.text) is None
        and not _STARTS_BLOCK.match(following.text)
        and annex_heading(following.text) is None
    )


def _unbreakable_start(text: str, size: float) -> float:
    """The width of what begins a line and could not end the one above: a number or word,
    else one character, with the opening punctuation before it that may not end a line and
    the closing punctuation after it that may not start one (「（市」, 「局）、」)."""
    start = 0
    while start < len(text) - 1 and text[start] in _NO_LINE_END:
        start += 1
    end = _WORD.match(text, start).end()
    while end < len(text) and text[end] in _NO_LINE_START:
        end += 1
    return sum(size * (0.5 if char.isascii() else 1) for char in text[:end])


def _ascii_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _lines_outside(page, boxes) -> list[tuple[float, float, float, float, str]]:
    """The text lines whose characters lie outside every table: x0, x1, top, bottom, text."""

    def outside(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    lines = text_page.extract_text_lines(return_chars=False)
    return [
        (line["x0"], line["x1"], line["top"], line["bottom"], line["text"].strip())
        for line in lines
        if line["text"].strip()
    ]


def _table(table, page: int, number: int) -> Table:
    rows = []
    grid = table.extract()
    for index, (cells, found) in enumerate(zip(grid, table.rows, strict=True), start=1):
        texts = [(cell or "").strip() for cell in cells]
        if any(texts):
            covered = _covered_from_above(table, found)
            rows.append(Row(texts, Location(page=page, table=number, row=index), covered))
    return Table(rows, Location(page=page, table=number))


def _covered_from_above(table, row) -> frozenset[int]:
    """Columns where a cell that starts in a row above reaches down over this row."""
    top = row.bbox[1]
    covered = set()
    for column, (cell, span) in enumerate(zip(row.cells, table.columns, strict=True)):
        if cell is not None:
            continue
        middle = (span.bbox[0] + span.bbox[2]) / 2
        if any(
            # Starts above this row and reaches below its top: a cell of the row above
            # ends at that top, and one merged across from the left starts at it.
            x0 < middle < x1 and above < top - _EPSILON and bottom > top + _EPSILON
            for x0, above, x1, bottom in table.cells
        ):
            covered.add(column)
    return frozenset(covered)


def _drop_page_numbers(blocks: list) -> list:
    """Drop a page number printed as the page's first or last line."""
    for index in (-1, 0):
        if (
            blocks
            and isinstance(blocks[index], _Line)
            and PAGE_NUMBER.fullmatch(blocks[index].text)
        ):
            del blocks[index]
    return blocks


def _rows_across_break(before, after) -> tuple[Row, int] | None:
    """The last row before a page break and the index of the first after it (past a repeated
    header, of one row or two), when a table of the same width goes on over the break; else
    None."""
    if not (isinstance(before, Table) and isinstance(after, Table) and before.rows and after.rows):
        return None
    last = before.rows[-1]
    start = 0
    while start < min(len(after.rows), len(before.rows) - 1) and (
        after.rows[start].cells == before.rows[start].cells
    ):
        start += 1
    if start >= len(after.rows) or len(after.rows[start].cells) != len(last.cells):
        return None
    return last, start


def _join_split_row(before, after) -> None:
    """Put back a row the page break cut in two: its tail heads the next page's table.

    The tail has no 序号 and continues only cells that the row before left unfinished;
    a row of a vertically merged project has text of its own and is left alone.
    """
    found = _rows_across_break(before, after)
    if found is None:
        return
    last, start = found
    tail = after.rows[start].cells
    if tail[0] or not any(tail):
        return
    for previous, more in zip(last.cells, tail, strict=True):
        # A cell repeated whole (the same lead unit) starts a project's own row.
        if more and (not previous or previous.endswith(SENTENCE_END) or more == previous):
            return
    last.cells = [p + "\n" + m if m else p for p, m in zip(last.cells, tail, strict=True)]
    del after.rows[start]


def _carry_merges(before, after) -> None:
    """A cell merged down over the page break goes on empty at the top of the next page.

    An empty cell in the next page's first row is covered from above where the last row
    above was covered, or where the cell itself reaches down over the rows below it (an
    empty merged cell is the rest of one printed on the page before): the leader shared by
    a section's tasks, printed once.
    """
    found = _rows_across_break(before, after)
    if found is None:
        return
    last, start = found
    first = after.rows[start]
    below = after.rows[start + 1].covered if start + 1 < len(after.rows) else frozenset()
    carried = {
        column
        for column, cell in enumerate(first.cells)
        if not cell and (column in last.covered or column in below)
    }
    first.covered = first.covered | carried
