"""The 公文 page set-up (GB/T 9704-2012) shared by every Word document duban writes.

A4 with the standard margins, 方正小标宋 titles, 黑体 headings and 仿宋_GB2312 text, a page
number "— n —" at the foot. The fonts are named as offices have them; where they are missing
(here: Debian), the PDF conversion maps them to Noto CJK faces (fonts.conf).
"""

import io
from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋_GB2312"
# 二号 for titles, 三号 for text, 四号 inside tables.
TITLE_SIZE, BODY_SIZE, TABLE_SIZE = Pt(22), Pt(16), Pt(12)


def _set_font(run_or_style, name: str, size=None, bold: bool = False) -> None:
    font = run_or_style.font
    font.name = name
    font.bold = bold
    if size is not None:
        font.size = size
    fonts = run_or_style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def new_document(*, landscape: bool = False) -> Document:
    """An empty A4 document in 公文 form: margins, fonts and page numbers."""
    document = Document()
    _set_font(document.styles["Normal"], BODY_FONT, BODY_SIZE)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _page_number(section.footer.paragraphs[0])
    return document


def _page_number(paragraph) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_font(paragraph.add_run("— "), "宋体", Pt(14))
    run = paragraph.add_run()
    _set_font(run, "宋体", Pt(14))
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    _set_font(paragraph.add_run(" —"), "宋体", Pt(14))


def paragraph(document, text: str, *, font=BODY_FONT, size=BODY_SIZE, bold=False, align=None):
    para = document.add_paragraph()
    _set_font(para.add_run(text), font, size, bold)
    if align == "center":
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return para


def title(document, text: str):
    return paragraph(document, text, font=TITLE_FONT, size=TITLE_SIZE, align="center")


def heading(document, text: str):
    return paragraph(document, text, font=HEADING_FONT)


def body(document, text: str):
    """A text paragraph, its first line indented two characters."""
    para = paragraph(document, text)
    para.paragraph_format.first_line_indent = Pt(2 * BODY_SIZE.pt)
    return para


def page_break(document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def table(document, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int]):
    """A bordered table whose header row repeats on every page; widths in millimetres."""
    grid = document.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    grid.rows[0]._tr.get_or_add_trPr().append(repeat)
    for cell, label in zip(grid.rows[0].cells, header, strict=True):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _set_font(cell.paragraphs[0].add_run(label), HEADING_FONT, TABLE_SIZE)
    for values in rows:
        for cell, value in zip(grid.add_row().cells, values, strict=True):
            _set_font(cell.paragraphs[0].add_run(str(value)), BODY_FONT, TABLE_SIZE)
    # Word reads the cells' widths, LibreOffice the grid's: set both.
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    return grid


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
