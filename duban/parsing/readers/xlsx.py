"""Reading .xlsx ledgers: each non-empty sheet becomes its title and a table."""

import datetime as dt
import io
import zipfile
import zlib

import openpyxl
from lxml import etree
from openpyxl.utils.exceptions import InvalidFileException

from duban.parsing.document import Document, Location, Paragraph, Row, Table
from duban.parsing.errors import ParseError
from duban.parsing.readers.cell_formats import shown_date, shown_number

BROKEN = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    KeyError,
    ValueError,
    TypeError,
    etree.XMLSyntaxError,
    InvalidFileException,
)


def read_xlsx(data: bytes) -> Document:
    """Lay an .xlsx out as blocks; a cell covered by a merge is ""."""
    try:
        # Not read_only: that mode cannot see merged ranges.
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except BROKEN as exc:
        raise ParseError(f"cannot read the .xlsx (damaged file?): {exc}") from exc
    blocks = []
    for number, sheet in enumerate(workbook.worksheets, start=1):
        rows = _rows(sheet, number)
        if rows:
            blocks.append(Paragraph(sheet.title, Location(table=number)))
            blocks.append(Table(rows, Location(table=number)))
    return Document(format="xlsx", blocks=blocks, pages=None)


def _rows(sheet, number: int) -> list[Row]:
    grid = []
    for row in sheet.iter_rows():
        cells = [_cell_text(cell) for cell in row]
        if any(cells):
            grid.append((row[0].row, cells))
    if not grid:
        return []
    # Trim the empty columns around the table.
    used = [i for _, cells in grid for i, text in enumerate(cells) if text]
    first, last = min(used), max(used)
    covered = _covered_from_above(sheet, first)
    return [
        Row(
            cells[first : last + 1],
            Location(table=number, row=index),
            frozenset(covered.get(index, ())),
        )
        for index, cells in grid
    ]


def _covered_from_above(sheet, first: int) -> dict[int, set[int]]:
    """For each sheet row, the columns (counted from `first`) a merge covers from above."""
    covered: dict[int, set[int]] = {}
    for merged in sheet.merged_cells.ranges:
        for row in range(merged.min_row + 1, merged.max_row + 1):
            columns = range(merged.min_col - 1 - first, merged.max_col - first)
            covered.setdefault(row, set()).update(column for column in columns if column >= 0)
    return covered


def _cell_text(cell) -> str:
    """The value as the sheet shows it: 1 not 1.0, 7% for a percentage, numbers and dates in
    their cell's format (「6,000」, 「2024年12月31日」), else dates as ISO."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    number_format = cell.number_format or ""
    if isinstance(value, int | float):
        if "%" in number_format:
            return _number(value * 100) + "%"
        return shown_number(value, number_format) or _number(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return shown_date(value, number_format) or value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def _number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    # 15 significant digits, as Excel shows them: 0.1 + 0.2 is 0.3.
    return f"{value:.15g}"
