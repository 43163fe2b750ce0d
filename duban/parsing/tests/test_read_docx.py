import io

import docx
import pytest
from docx.oxml import OxmlElement

from duban.parsing.document import Paragraph, Table
from duban.parsing.errors import ParseError
from duban.parsing.readers.docx import read_docx


def build_docx() -> bytes:
    """A notice with a heading row merged across, a vertically merged project and a line break."""
    document = docx.Document()
    document.add_paragraph("附件3")
    document.add_paragraph("")
    document.add_paragraph("民生实事项目任务分解表")
    table = document.add_table(rows=5, cols=4)
    table.cell(0, 0).merge(table.cell(0, 3)).text = "一、教育"
    for column, heading in enumerate(["序号", "名称", "项目内容", "责任单位"]):
        table.cell(1, column).text = heading
    table.cell(2, 0).merge(table.cell(3, 0)).text = "1"
    table.cell(2, 1).merge(table.cell(3, 1)).text = "“温馨教室”项目"
    table.cell(2, 2).text = "安装空调"
    table.cell(3, 2).text = "改造灯光"
    run = table.cell(2, 3).paragraphs[0].add_run("区教育局*、")
    run.add_break()
    run.add_text("区财政局")
    table.cell(3, 3).text = "区教育局"
    table.cell(4, 2).add_paragraph("second paragraph")
    table.cell(4, 2).paragraphs[0].text = "first paragraph"
    document.add_paragraph("抄送：区委各部门。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_it_keeps_paragraphs_and_tables_in_document_order():
    blocks = read_docx(build_docx()).blocks
    kinds = [type(block).__name__ for block in blocks]
    assert kinds == ["Paragraph", "Paragraph", "Table", "Paragraph"]
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [
        "附件3",
        "民生实事项目任务分解表",
        "抄送：区委各部门。",
    ]


def test_paragraph_locations_count_every_body_paragraph_including_blank_ones():
    blocks = read_docx(build_docx()).blocks
    assert [b.location.line for b in blocks if isinstance(b, Paragraph)] == [1, 3, 4]


def test_merged_cells_read_as_empty_strings_where_covered():
    table = read_docx(build_docx()).blocks[2]
    assert [row.cells for row in table.rows] == [
        ["一、教育", "", "", ""],
        ["序号", "名称", "项目内容", "责任单位"],
        ["1", "“温馨教室”项目", "安装空调", "区教育局*、\n区财政局"],
        ["", "", "改造灯光", "区教育局"],
        ["", "", "first paragraph\nsecond paragraph", ""],
    ]


def test_rows_carry_their_table_and_row_number():
    table = read_docx(build_docx()).blocks[2]
    assert table.location.table == 1
    assert [(row.location.table, row.location.row) for row in table.rows] == [
        (1, r) for r in range(1, 6)
    ]


def test_the_reference_notice_reads_as_python_docx_shows_it(seed_dir):
    data = (seed_dir / "000_de8080339d2f7ae4.docx").read_bytes()
    document = read_docx(data)
    tables = [block for block in document.blocks if isinstance(block, Table)]
    expected = docx.Document(io.BytesIO(data)).tables
    assert len(tables) == len(expected) == 18
    first = [[cell.text.strip() for cell in row.cells] for row in expected[0].rows]
    assert [row.cells for row in tables[0].rows] == first
    # 附件3 shares 序号 and 名称 between two rows of the same project (vertical merges).
    livelihood = [row.cells for row in tables[-1].rows]
    assert livelihood[9][:2] == ["9", "“一路畅行”项目"]
    assert livelihood[10][:3] == [
        "",
        "",
        "打通断头路 2 条；建成停车位 10000 个（其中公共停车位 500 个）。",
    ]


def test_the_reference_notice_keeps_headings_before_their_tables(seed_dir):
    blocks = read_docx((seed_dir / "000_de8080339d2f7ae4.docx").read_bytes()).blocks
    first_table = next(i for i, b in enumerate(blocks) if isinstance(b, Table))
    assert [b.text for b in blocks[first_table - 3 : first_table]] == [
        "附件1",
        "政府工作报告今后五年重点工作责任分解表",
        "一、林杰常委、常务副区长牵头重点工作",
    ]
    assert blocks[-1].text.endswith("2022年3月9日印发")


def test_a_damaged_package_is_a_parse_error():
    data = build_docx().replace(b"word/document.xml", b"word/documenX.xml")
    with pytest.raises(ParseError, match="cannot read the .docx"):
        read_docx(data)


def test_paragraphs_inside_content_controls_are_read():
    document = docx.Document()
    paragraph = document.add_paragraph("温鹿政办〔2022〕4号")
    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    sdt.append(content)
    paragraph._p.addprevious(sdt)
    content.append(paragraph._p)
    document.add_paragraph("通知")
    buffer = io.BytesIO()
    document.save(buffer)
    assert [b.text for b in read_docx(buffer.getvalue()).blocks] == ["温鹿政办〔2022〕4号", "通知"]
