import pytest

from duban.parsing.document import Location, Paragraph, Table
from duban.parsing.readers import pdf
from duban.parsing.readers.pdf import read_pdf
from duban.parsing.tests.pdfs import Page, make_pdf

WIDTHS = [40, 200, 150]
HEADER = ["No", "Task", "Units"]


@pytest.fixture(scope="module")
def reference(seed_dir):
    return read_pdf((seed_dir / "000_de8080339d2f7ae4.pdf").read_bytes())


def tables(document) -> list[Table]:
    return [block for block in document.blocks if isinstance(block, Table)]


def test_it_reads_every_page_of_the_reference_notice_in_reading_order(reference):
    assert reference.pages == 16
    assert reference.blocks[0].text == "温州市鹿城区人民政府办公室文件"
    assert reference.blocks[0].location.page == 1
    heading = next(
        i
        for i, b in enumerate(reference.blocks)
        if getattr(b, "text", "") == "二、张伟常委、副区长牵头重点工作"
    )
    # On page 2 the heading sits under the first table; the second table starts page 3.
    assert isinstance(reference.blocks[heading - 1], Table)
    assert reference.blocks[heading].location.page == 2
    assert reference.blocks[heading + 1].location.page == 3
    assert reference.blocks[-1].text == "温州市鹿城区人民政府办公室 2022年3月9日印发"


def test_cells_keep_their_line_breaks(reference):
    first = tables(reference)[0]
    assert first.rows[0].cells == ["序号", "重点工作", "责任单位", "备注"]
    assert (
        first.rows[-1].cells[3]
        == "根据区委工作\n安排，由区委\n办（区委改革\n办）、区委政\n法委牵头。"
    )
    assert (
        first.rows[-1].location.page,
        first.rows[-1].location.table,
        first.rows[-1].location.row,
    ) == (2, 1, 14)


def test_vertically_merged_cells_read_as_empty_strings(reference):
    rows = [row.cells for table in tables(reference) for row in table.rows]
    assert ["", "", "新建园林驿站 5 个。", "杨丽霞", "区综合行政执法局"] in rows
    shared = next(cells for cells in rows if cells[2].startswith("打通断头路"))
    assert shared[:2] == ["", ""]


def test_a_row_cut_by_a_page_break_is_put_back_together(reference):
    rows = [row.cells for table in tables(reference) for row in table.rows]
    joined = next(cells for cells in rows if cells[1].startswith("加快推进环贸港"))
    assert joined[2] == "区商务局*、区轻工\n产品交易服务中心、\n双屿街道"
    assert ["", "", "双屿街道", ""] not in rows


def test_a_tail_continuing_an_unfinished_cell_joins_the_row_before():
    first = (
        Page()
        .table(72, 600, WIDTHS, [HEADER, ["1", "Build roads.", "Roads office,"]])
        .text(280, 800, "- 1 -")
    )
    second = Page().table(
        72, 100, WIDTHS, [HEADER, ["", "", "Parks office"], ["2", "Plant trees.", "Parks"]]
    )
    document = read_pdf(make_pdf([first, second.text(280, 800, "- 2 -")]))
    rows = [row.cells for table in tables(document) for row in table.rows]
    assert rows == [
        HEADER,
        ["1", "Build roads.", "Roads office,\nParks office"],
        HEADER,
        ["2", "Plant trees.", "Parks"],
    ]


def test_a_second_header_row_repeated_over_a_page_break_is_not_the_tail_of_a_row():
    sub_header = ["", "", "Lead"]
    first = Page().table(72, 600, WIDTHS, [HEADER, sub_header, ["1", "Build roads.", "Roads,"]])
    second = Page().table(72, 100, WIDTHS, [HEADER, sub_header, ["2", "Plant trees.", "Parks"]])
    rows = [
        row.cells for table in tables(read_pdf(make_pdf([first, second]))) for row in table.rows
    ]
    assert rows == [
        HEADER,
        sub_header,
        ["1", "Build roads.", "Roads,"],
        HEADER,
        sub_header,
        ["2", "Plant trees.", "Parks"],
    ]


def test_a_new_row_of_a_merged_project_is_not_joined_to_the_row_before():
    first = Page().table(72, 600, WIDTHS, [HEADER, ["1", "Build roads.", "Roads office"]])
    second = Page().table(72, 100, WIDTHS, [HEADER, ["", "Repair bridges.", "Works office"]])
    rows = [
        row.cells for table in tables(read_pdf(make_pdf([first, second]))) for row in table.rows
    ]
    assert ["", "Repair bridges.", "Works office"] in rows


def test_page_numbers_at_the_top_or_bottom_of_a_page_are_dropped():
    pages = [
        Page().text(72, 72, "Notice").text(72, 100, "- 2 -").text(280, 800, "- 1 -"),
        Page().text(280, 40, "2/2").text(72, 72, "Annex 1"),
    ]
    texts = [block.text for block in read_pdf(make_pdf(pages)).blocks]
    assert texts == ["Notice", "- 2 -", "Annex 1"]


def test_text_around_a_table_is_kept_in_order_with_its_location():
    page = (
        Page()
        .text(72, 72, "Annex 1")
        .table(72, 120, WIDTHS, [HEADER, ["1", "Build roads.", "Roads"]])
    )
    document = read_pdf(make_pdf([page.text(72, 300, "Copy to: all units")]))
    assert [type(b).__name__ for b in document.blocks] == ["Paragraph", "Table", "Paragraph"]
    assert [b.location.line for b in document.blocks if isinstance(b, Paragraph)] == [1, 2]
    assert document.blocks[1].rows[1].cells == ["1", "Build roads.", "Roads"]


def test_a_page_without_text_in_a_text_pdf_is_a_warning_with_its_page():
    document = read_pdf(make_pdf([Page().text(72, 72, "Notice"), Page()]))
    assert [(w.message, w.location.page) for w in document.warnings] == [
        ("page has no text layer (scanned?); its content is missing", 2)
    ]


def test_lines_wrapped_at_the_right_margin_are_put_back_into_paragraphs():
    page = (
        Page()
        .text(72, 100, "1. Build ring roads across the whole district and finish every one of the many new sections planned for")
        .text(72, 112, "this year by June.")
        .text(72, 124, "2. Plant new trees along the river banks in every town and village and water them well through the hot")
        .text(72, 136, "summer.")
        .text(90, 160, "An indented paragraph starts here and then runs on and on until it reaches the right margin of the")
        .text(72, 172, "page.")
        .text(72, 184, "A short line.")
        .text(72, 196, "Another short line.")
    )  # fmt: skip
    document = read_pdf(make_pdf([page]))
    assert [block.text for block in document.blocks] == [
        "1. Build ring roads across the whole district and finish every one of the many new sections"
        " planned for this year by June.",
        "2. Plant new trees along the river banks in every town and village and water them well"
        " through the hot summer.",
        "An indented paragraph starts here and then runs on and on until it reaches the right margin"
        " of the page.",
        "A short line.",
        "Another short line.",
    ]


def test_a_row_merged_across_is_not_covered_from_above():
    # A section heading row: its cell spans all three columns, so the inner rules stop at it.
    left, top, height = 72, 100, 20
    edges = [left, left + 40, left + 240, left + 340]
    page = Page()
    rows = [
        ["No", "Task", "Leader"],
        ["1", "Build roads.", "Zhang"],
        ["Two. Parks"],
        ["2", "Plant trees.", "Li"],
    ]
    for index, cells in enumerate(rows):
        for x, cell in zip(edges, cells, strict=False):
            page.text(x + 3, top + index * height + 6, cell)
    for index in range(len(rows) + 1):
        page.rules.append((left, top + index * height, edges[3], top + index * height))
    for x in edges:
        if x in (edges[0], edges[3]):
            page.rules.append((x, top, x, top + 4 * height))
        else:  # broken over the merged row
            page.rules.append((x, top, x, top + 2 * height))
            page.rules.append((x, top + 3 * height, x, top + 4 * height))
    table = next(b for b in read_pdf(make_pdf([page])).blocks if isinstance(b, Table))
    assert [row.cells for row in table.rows][2] == ["Two. Parks", "", ""]
    assert [row.covered for row in table.rows] == [frozenset()] * 4


def _merged_leader_page(rows: list[list[str]], top: float = 100) -> Page:
    """A three-column table whose last column is one cell merged down over every row."""
    left, height = 72, 20
    edges = [left, left + 40, left + 240, left + 340]
    page = Page()
    for index, cells in enumerate(rows):
        for x, cell in zip(edges, cells, strict=False):
            if cell:
                page.text(x + 3, top + index * height + 6, cell)
    bottom = top + len(rows) * height
    for index in range(len(rows) + 1):
        y = top + index * height
        inner = index in (0, len(rows))
        page.rules.append((left, y, edges[3] if inner else edges[2], y))
    for x in edges:
        page.rules.append((x, top, x, bottom))
    return page


def test_a_cell_merged_down_over_a_page_break_covers_the_next_pages_first_row():
    first = _merged_leader_page([["1", "Build roads.", "Zhang"], ["2", "Repair bridges.", ""]])
    second = _merged_leader_page([["3", "Plant trees.", ""], ["4", "Clean rivers.", ""]])
    document = read_pdf(make_pdf([first, second]))
    rows = [row for block in document.blocks if isinstance(block, Table) for row in block.rows]
    assert [row.cells[0] for row in rows] == ["1", "2", "3", "4"]
    assert [row.covered for row in rows] == [frozenset(), {2}, {2}, {2}]


def test_an_annex_heading_or_a_copy_line_after_a_full_line_starts_a_paragraph_of_its_own():
    # Drawn lines as the reader finds them: the first runs to the right margin (505 on an
    # A4 page with 90-point margins). The test PDFs' font has no Chinese, so lines are built.
    def line(text: str, number: int, x1: float = 505) -> pdf._Line:
        top = 100 + 20 * number
        return pdf._Line(text, Location(page=1, line=number), 90, x1, top, top + 14, 595)

    full = "各单位要按月报送进展情况，确保各项任务按期完成，请认真贯彻执行。"
    blocks = pdf._paragraphs(
        [line(full, 1), line("附件1", 2, 132), line(full, 3), line("抄送：区委办。", 4, 188)]
    )
    assert [block.text for block in blocks] == [full, "附件1", full, "抄送：区委办。"]
    joined = pdf._paragraphs([line(full, 1), line("落实。", 2, 132)])
    assert [block.text for block in joined] == [full + "落实。"]


def test_an_empty_cell_merged_down_at_the_top_of_a_page_goes_on_from_the_page_before():
    # The merged cell starts on the last row of page 1 and reaches over two rows of page 2.
    first = _merged_leader_page([["1", "Build roads.", "Zhang"]])
    second = _merged_leader_page([["2", "Plant trees.", ""], ["3", "Clean rivers.", ""]])
    document = read_pdf(make_pdf([first, second]))
    rows = [row for block in document.blocks if isinstance(block, Table) for row in block.rows]
    assert [row.covered for row in rows] == [frozenset(), {2}, {2}]
