import datetime as dt
import io

import openpyxl
import pytest
from openpyxl.styles import Alignment

from duban.parsing.errors import ParseError
from duban.parsing.readers.xlsx import read_xlsx


def save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ledger() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "2022年重点工作"
    sheet.append(["2022年重点工作责任分解表"])
    sheet.merge_cells("A1:D1")
    sheet.append(["序号", "重点工作", "完成时限", "指标"])
    sheet.append([1, "建设道路\n改造桥梁", dt.datetime(2022, 12, 31), 0.07])
    sheet["B3"].alignment = Alignment(wrap_text=True)
    sheet["D3"].number_format = "0%"
    sheet.append([2.0, "植树", dt.date(2022, 6, 30), 2.5])
    sheet.append([None, "养护绿地", None, None])
    sheet.merge_cells("C4:C5")
    workbook.create_sheet("空表")
    other = workbook.create_sheet("民生实事")
    other["B3"] = "序号"
    other["C3"] = "名称"
    return save(workbook)


def test_each_non_empty_sheet_gives_its_title_then_its_table():
    blocks = read_xlsx(ledger()).blocks
    assert [(type(b).__name__, getattr(b, "text", None)) for b in blocks] == [
        ("Paragraph", "2022年重点工作"),
        ("Table", None),
        ("Paragraph", "民生实事"),
        ("Table", None),
    ]


def test_cells_read_as_the_sheet_shows_them():
    table = read_xlsx(ledger()).blocks[1]
    assert [row.cells for row in table.rows] == [
        ["2022年重点工作责任分解表", "", "", ""],
        ["序号", "重点工作", "完成时限", "指标"],
        ["1", "建设道路\n改造桥梁", "2022-12-31", "7%"],
        ["2", "植树", "2022-06-30", "2.5"],
        ["", "养护绿地", "", ""],
    ]


def test_dates_and_numbers_read_in_their_cells_format():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["完成时限", "目标值"])
    formats = [
        ('yyyy"年"m"月"d"日"', "#,##0"),
        ("yyyy/m/d", "0.0"),
        ('[$-804]yyyy"年"m"月底"', "0"),
        ("mm-dd-yy", "General"),
    ]
    for row, (date_format, number_format) in enumerate(formats, start=2):
        sheet.append([dt.datetime(2024, 8, 31), 6000.25])
        sheet.cell(row, 1).number_format = date_format
        sheet.cell(row, 2).number_format = number_format
    rows = [row.cells for row in read_xlsx(save(workbook)).blocks[1].rows[1:]]
    assert rows == [
        ["2024年8月31日", "6,000"],
        ["2024/8/31", "6000.3"],
        ["2024年8月底", "6000"],
        ["2024-08-31", "6000.25"],
    ]


def test_rows_carry_the_sheet_number_and_the_sheet_row():
    blocks = read_xlsx(ledger()).blocks
    assert [(r.location.table, r.location.row) for r in blocks[1].rows] == [
        (1, n) for n in range(1, 6)
    ]
    # Empty rows and columns around a table are trimmed, the row numbers stay the sheet's.
    assert [(r.cells, r.location.row) for r in blocks[3].rows] == [(["序号", "名称"], 3)]


def test_a_workbook_with_only_empty_sheets_has_no_blocks():
    assert read_xlsx(save(openpyxl.Workbook())).blocks == []


def test_a_damaged_workbook_is_a_parse_error():
    data = ledger().replace(b"xl/workbook.xml", b"xl/workbooX.xml")
    with pytest.raises(ParseError, match="cannot read the .xlsx"):
        read_xlsx(data)
