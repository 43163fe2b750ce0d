import io
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duban.parsing.errors import ParseError
from duban.parsing.readers import read, sniff
from duban.parsing.tests.pdfs import Page, make_pdf


@pytest.mark.parametrize("rendering", ["txt", "docx", "pdf"])
def test_it_tells_each_rendering_of_the_reference_notice_from_its_content(seed_dir, rendering):
    data = (seed_dir / f"000_de8080339d2f7ae4.{rendering}").read_bytes()
    assert sniff(data, None) == rendering
    assert sniff(data, "notice.bin") == rendering


def test_it_tells_an_xlsx_from_a_docx():
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    assert sniff(buffer.getvalue(), "ledger.docx") == "xlsx"


def test_it_takes_gbk_text_for_text():
    data = "附件 1\n一、林杰常委、常务副区长牵头重点工作\n序号\t重点工作\t责任单位\n".encode("gbk")
    assert sniff(data, "notice.txt") == "txt"


def test_the_content_wins_over_a_wrong_extension_and_the_reader_says_so():
    data = make_pdf([Page().text(72, 72, "Notice")])
    document = read(data, "notice.docx")
    assert document.format == "pdf"
    assert "named .docx but the content is pdf" in document.warnings[0].message


def test_a_matching_extension_gives_no_warning():
    document = read(make_pdf([Page().text(72, 72, "Notice")]), "notice.PDF")
    assert document.warnings == []


def test_the_extension_breaks_the_tie_of_a_package_with_both_parts():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<x/>")
        archive.writestr("xl/workbook.xml", "<x/>")
    assert sniff(buffer.getvalue(), "ledger.xlsx") == "xlsx"
    assert sniff(buffer.getvalue(), "notice.docx") == "docx"


def test_it_refuses_a_zip_that_is_no_office_document():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8")
    with pytest.raises(ParseError, match="neither a .docx nor an .xlsx"):
        sniff(buffer.getvalue(), "notice.zip")


def test_a_text_named_docx_is_read_as_text_with_a_warning():
    document = read("附件1\n2022年重点工作责任分解表\n".encode(), "notice.docx")
    assert document.format == "txt"
    assert (
        document.warnings[0].message
        == "notice.docx: named .docx but the content is txt; read as txt"
    )


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2048) | st.text(max_size=500).map(str.encode))
def test_any_bytes_are_a_known_format_or_a_parse_error(data):
    try:
        outcome = sniff(data, "upload.bin")
    except ParseError as exc:
        outcome = str(exc)
        assert "\n" not in outcome
    else:
        assert outcome in ("txt", "docx", "pdf", "xlsx")
