"""Writing tables to .xlsx in openpyxl's write-only (streaming) mode, set up for printing."""

import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import fromstring

# A cell starting with one of these would be read by a spreadsheet as a formula.
FORMULA_STARTS = ("=", "+", "-", "@")
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEAD = Alignment(wrap_text=True, horizontal="center", vertical="center")
_BOLD = Font(bold=True)
# What a cell holds at most; openpyxl cuts longer text there too.
MAX_TEXT = 32767
# Points per line of 11-point text, for row heights.
LINE_HEIGHT = 15


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
    return _append_rows(sheet, [width for _, width in columns], rows)


def _append_rows(sheet, widths: Sequence[int], rows: Iterable[Sequence]) -> int:
    """Append the rows, every cell bordered and wrapped; returns the rows written.

    openpyxl builds, binds and styles a cell object per value and writes it element by
    element: most of a 100 000-row ledger's time (issue 13). Here each row goes out as one
    element, every cell with the one style looked up once; strings are always text. A row is as
    tall as its longest wrapped text: LibreOffice, printing the sheet, does not fit rows itself.
    """
    style = str(text_cell(sheet, None).style_id)
    columns = [(get_column_letter(index), width) for index, width in enumerate(widths, start=1)]

    def write_row(xf, values: Sequence, row: int) -> None:
        number = str(row)
        cells = []
        lines = 1
        for (letter, width), value in zip(columns, values, strict=True):
            where = f'r="{letter}{number}" s="{style}"'
            if value is None or value == "":
                cells.append(f"<c {where}/>")
            elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                cells.append(f'<c {where} t="n"><v>{value}</v></c>')
            else:
                text = ILLEGAL_CHARACTERS_RE.sub("", str(value))[:MAX_TEXT]
                space = ' xml:space="preserve"' if text != text.strip() else ""
                cells.append(f'<c {where} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>')
                # A Chinese character is about two widths of the "0" that column widths count.
                if len(text) * 2 > width or "\n" in text:
                    lines = max(
                        lines, sum(-(-len(part) * 2 // width) or 1 for part in text.split("\n"))
                    )
        height = f' ht="{lines * LINE_HEIGHT}" customHeight="1"' if lines > 1 else ""
        # One parse of the row's markup is cheaper than an element built per cell.
        xf.write(fromstring(f'<row r="{number}"{height}>{"".join(cells)}</row>'))

    # The header went through openpyxl, so its writer is open; the rows bypass its cells.
    sheet._values_to_row = lambda values, row: values
    sheet._writer.write_row = write_row
    count = 0
    for row in rows:
        sheet.append(row)
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
