"""Notices of other layouts, rendered to Word and to PDF as the reference notice was, parse
back to the rows they were written from.

The PDFs need LibreOffice and a Chinese font (.ci/run installs both); without them only the
Word files are checked, and the PDF cases are skipped, saying so.
"""

import pytest

from duban.parsing.api import parse_file
from duban.parsing.tests.rendered import LAYOUTS, has_chinese_font, soffice, to_pdf, write
from duban.parsing.text import squeeze


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """{layout: (docx path, pdf path or None, expected rows)}, all PDFs in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("rendered")
    written = {layout: write(layout, folder) for layout in LAYOUTS}
    can_convert = soffice() is not None and has_chinese_font()
    if can_convert:
        to_pdf([path for path, _ in written.values()], folder)
    return {
        layout: (path, path.with_suffix(".pdf") if can_convert else None, rows)
        for layout, (path, rows) in written.items()
    }


def _rows(parsed: dict) -> list[tuple]:
    return [
        (
            item["seq"],
            squeeze(item["text"]),
            [unit["name"] for unit in item["units"]],
            [unit["name"] for unit in item["units"] if unit["role"] == "lead"],
            [leader["name"] for leader in item["leaders"] or section["leaders"]],
            item["deadline"],
            item["remark"],
        )
        for plan in parsed["plans"]
        for section in plan["sections"]
        for item in section["items"]
    ]


def _expected(rows) -> list[tuple]:
    return [
        (r.seq, squeeze(r.text), r.units, r.lead_units, r.leaders, r.deadline, r.remark)
        for r in rows
    ]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("rendering", ["docx", "pdf"])
def test_a_rendered_notice_parses_back_to_its_rows(rendered, layout, rendering):
    docx_path, pdf_path, rows = rendered[layout]
    path = docx_path if rendering == "docx" else pdf_path
    if path is None:
        pytest.skip("no LibreOffice (soffice) with a Chinese font here to render the PDF")
    parsed = parse_file(path)
    assert _rows(parsed) == _expected(rows)
    assert parsed["warnings"] == []
    assert parsed["notice"]["doc_number"] == "台政办发〔2023〕7号"
