import codecs

from duban.parsing.document import Paragraph, Table
from duban.parsing.readers.txt import read_txt

TABLE = "序号\t重点工作\t责任单位\t备注\n1\t任务一。\t区发改局\t\n2\t任务二。\t区财政局\t\n"


def _tables(document) -> list[Table]:
    return [block for block in document.blocks if isinstance(block, Table)]


def test_it_reads_utf8_with_and_without_a_bom():
    plain = read_txt("附件 1\n".encode())
    bom = read_txt(codecs.BOM_UTF8 + "附件 1\n".encode())
    assert plain.blocks[0].text == bom.blocks[0].text == "附件 1"


def test_it_reads_gbk_text():
    document = read_txt("温州市某区人民政府办公室文件\n各街道：\n".encode("gbk"))
    assert [block.text for block in document.blocks] == ["温州市某区人民政府办公室文件", "各街道："]
    assert document.format == "txt"


def test_it_reads_tab_separated_rows_with_empty_cells():
    rows = _tables(read_txt(TABLE.encode()))[0].rows
    assert [row.cells for row in rows] == [
        ["序号", "重点工作", "责任单位", "备注"],
        ["1", "任务一。", "区发改局", ""],
        ["2", "任务二。", "区财政局", ""],
    ]
    assert (rows[1].location.line, rows[1].location.table, rows[1].location.row) == (2, 1, 2)


def test_it_rejoins_a_row_wrapped_over_lines():
    text = "序号\t重点工作\t责任单位\t备注\n1\t坚持依法治区，\n完善行政决策。\t区司法局、区\n公安分局\t\n"
    rows = _tables(read_txt(text.encode()))[0].rows
    assert rows[1].cells == ["1", "坚持依法治区，\n完善行政决策。", "区司法局、区\n公安分局", ""]


def test_it_appends_a_line_after_a_whole_row_to_its_last_filled_cell():
    text = "序号\t名称\t项目内容\t牵头领导\t责任单位\n1\t项目\t内容。\t张三\t区卫生\n健康局\n"
    rows = _tables(read_txt(text.encode()))[0].rows
    assert rows[1].cells[-1] == "区卫生\n健康局"


def test_it_starts_a_new_table_at_a_repeated_header_and_keeps_headings_apart():
    text = TABLE + "\n" + TABLE.replace("1\t", "3\t").replace("2\t", "4\t") + "二、张三副区长牵头\n"
    document = read_txt(text.encode())
    assert len(_tables(document)) == 2
    assert isinstance(document.blocks[-1], Paragraph)
    assert document.blocks[-1].text == "二、张三副区长牵头"


def test_it_drops_list_bullets_and_web_page_furniture():
    text = "网站导航\n发布时间：2023-01-01\n字号：大 中 小\n【打印本页】 【关闭窗口】\n- 附件：1. 表一\n2. 表二\n打印\n"
    assert [block.text for block in read_txt(text.encode()).blocks] == ["附件：1. 表一", "2. 表二"]
