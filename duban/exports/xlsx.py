"""Writing tables to .xlsx in openpyxl's write-only (streaming) mode, set up for printing."""

import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

# A cell starting with one of these would be read by a spreadsheet as a formula.
FORMULA_STARTS = ("=", "+", "-", "@")
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEAD = Alignment(wrap_text=True, horizontal="center", vertical="center")
_BOLD = Font(bold=True)


def text_cell(sheet, value, *, header: bool = False) -> Cell:
    """A bordered, wrapped cell; text that looks like a formula stays text."""
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
    cell.border = _BORDER
    cell.alignment = _HEAD if header else _WRAP
    if header:
        cell.font = _BOLD
    return cell


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def add_sheet(
    workbook: Workbook,
    title: str,
    columns: Sequence[tuple[str, int]],
    rows: Iterable[Sequence],
    before: Iterable[Sequence[str]] = (),
) -> int:
    """Append a sheet: `before` lines, the header, then the rows; returns the rows written.

    The header is frozen and repeated on every printed page (A4 landscape, fit to width).
    """
    sheet = workbook.create_sheet(title[:31])
    before = list(before)
    header_row = len(before) + 1
    for index, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    for line in before:
        sheet.append([_headline(sheet, value) for value in line])
    sheet.append([text_cell(sheet, heading, header=True) for heading, _ in columns])
    # One styled cell per column, refilled row after row: a write-only sheet writes each row
    # as it is appended, and styling a million cells one by one would take most of a
    # 100 000-row export (issue 13).
    cells = [text_cell(sheet, None) for _ in columns]
    count = 0
    for row in rows:
        for cell, value in zip(cells, row, strict=True):
            cell.value = value
            if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                cell.data_type = "s"
        sheet.append(cells)
        count += 1
    return count


def _headline(sheet, value) -> Cell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = Font(bold=True, size=14)
    cell.border = Border()
    cell.alignment = Alignment()
    return cell


def to_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
