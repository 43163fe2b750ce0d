"""Each devset notice, written as a Word file with python-docx and turned into a PDF by
LibreOffice, parses to the same rows as its text copy.

The Word file is what the office would have printed: the copy's paragraphs as paragraphs,
its tables (tab-separated or flattened one cell per line) as Word tables, merged cells
merged. The PDFs need LibreOffice and a Chinese font (.ci/run installs both); without them
only the Word files are checked, and the PDF cases are skipped, saying so.
"""

import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn

from conftest import SHARED
from duban.parsing.api import parse_bytes, parse_file
from duban.parsing.document import Table
from duban.parsing.errors import ParseError
from duban.parsing.readers import read
from duban.parsing.tests.rendered import CHINESE_FONT, has_chinese_font, soffice, to_pdf
from duban.parsing.text import squeeze

DOCS = SHARED / "devset" / "docs"
NOTICES = sorted(path.stem for path in DOCS.glob("*.txt") if not path.stem.startswith("negative"))

pytestmark = pytest.mark.skipif(not DOCS.is_dir(), reason="the shared devset is not here")


def write_docx(text_copy: bytes, path) -> None:
    """Lay the copy out as the txt reader does and write its blocks as Word would hold them."""
    word = WordDocument()
    fonts = word.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), CHINESE_FONT)
    for block in read(text_copy, "copy.txt").blocks:
        if not isinstance(block, Table):
            word.add_paragraph(block.text)
            continue
        # A Word table holds whole rows: the row a web copy cut short is not one.
        whole = [row for row in block.rows if not row.partial]
        width = max(len(row.cells) for row in whole)
        table = word.add_table(rows=len(whole), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(whole):
            for c, text in enumerate(row.cells):
                if c in row.covered and r > 0:
                    table.cell(r - 1, c).merge(table.cell(r, c))
                elif text:
                    table.cell(r, c).text = text
    word.save(path)


@pytest.fixture(scope="module")
def renderings(tmp_path_factory):
    """{notice: (docx path, pdf path or None)}, all PDFs in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("devset")
    written = {}
    for name in NOTICES:
        written[name] = folder / f"{name}.docx"
        write_docx((DOCS / f"{name}.txt").read_bytes(), written[name])
    can_convert = soffice() is not None and has_chinese_font()
    if can_convert:
        to_pdf(list(written.values()), folder)
    return {
        name: (path, path.with_suffix(".pdf") if can_convert else None)
        for name, path in written.items()
    }


def rows(parsed: dict) -> list[tuple]:
    """The rows that count, without those the copy cut short."""
    return [
        (
            item["seq"],
            squeeze(item["text"]),
            [unit["name"] for unit in item["units"]],
            [unit["name"] for unit in item["units"] if unit["role"] == "lead"],
            [leader["name"] for leader in item["leaders"] or section["leaders"]],
            item["deadline"],
        )
        for plan in parsed["plans"]
        for section in plan["sections"]
        for item in section["items"]
        if not item.get("partial")
    ]


@pytest.mark.parametrize("name", NOTICES)
@pytest.mark.parametrize("rendering", ["docx", "pdf"])
def test_a_devset_notice_rendered_parses_to_the_rows_of_its_text_copy(renderings, name, rendering):
    docx_path, pdf_path = renderings[name]
    path = docx_path if rendering == "docx" else pdf_path
    if path is None:
        pytest.skip("no LibreOffice (soffice) with a Chinese font here to render the PDF")
    expected = rows(parse_bytes((DOCS / f"{name}.txt").read_bytes(), f"{name}.txt"))
    assert expected
    assert rows(parse_file(path)) == expected


def test_the_devset_negatives_rendered_are_refused_too(tmp_path):
    for path in DOCS.glob("negative_*.txt"):
        write_docx(path.read_bytes(), tmp_path / "negative.docx")
        with pytest.raises(ParseError) as refused:
            parse_file(tmp_path / "negative.docx")
        assert refused.value.code == "no_tasks"
