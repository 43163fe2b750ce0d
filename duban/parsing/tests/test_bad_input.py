"""Every file the parser cannot read gives a one-line reason, and `duban parse` exits 2."""

import io
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from django.core.management import CommandError, call_command

from duban.parsing import ParseError, api, errors, parse_bytes, parse_file
from duban.parsing.document import Document
from duban.parsing.readers import archive, read
from duban.parsing.tests.pdfs import Page, make_pdf

DUBAN = Path(sys.executable).parent / "duban"


def small_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("通知")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def small_xlsx() -> bytes:
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


def docx_bomb() -> bytes:
    """A .docx whose document.xml inflates from a few KB to 20 MB."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(small_docx())) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data += b" " * (20 * 2**20)
            bomb.writestr(info.filename, data)
    return buffer.getvalue()


BAD_FILES = {
    "empty.txt": (lambda: b"", "the file is empty", errors.EMPTY),
    "junk.bin": (lambda: random.Random(7).randbytes(4096), "binary content", errors.UNSUPPORTED),
    "truncated.docx": (
        lambda: small_docx()[:2000],
        "damaged or truncated zip archive",
        errors.DAMAGED,
    ),
    "truncated.xlsx": (
        lambda: small_xlsx()[:2000],
        "damaged or truncated zip archive",
        errors.DAMAGED,
    ),
    "truncated.pdf": (
        lambda: make_pdf([Page().text(72, 72, "Notice")])[:300],
        "the PDF is truncated",
        errors.DAMAGED,
    ),
    "locked.pdf": (
        lambda: make_pdf([Page().text(72, 72, "Notice")], user_password=True),
        "the PDF is encrypted or password-protected",
        errors.ENCRYPTED,
    ),
    "scanned.pdf": (
        lambda: make_pdf([Page(), Page()]),
        "PDF has no text layer \\(scanned\\?\\); OCR it first",
        errors.SCANNED,
    ),
    "locked.docx": (
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088),
        "password-protected or legacy Office file",
        errors.LEGACY_OFFICE,
    ),
    "bomb.docx": (docx_bomb, "zip bomb", errors.ZIP_BOMB),
    "not-a-zip.docx": (
        lambda: bytes(range(256)) * 8,
        "not a valid .docx: the content is not a zip archive",
        errors.DAMAGED,
    ),
}


@pytest.mark.parametrize("filename", BAD_FILES)
def test_it_explains_why_it_cannot_read_a_bad_file(filename):
    make, message, code = BAD_FILES[filename]
    with pytest.raises(ParseError, match=message) as error:
        parse_bytes(make(), filename)
    assert error.value.code == code


@pytest.mark.parametrize("filename", BAD_FILES)
def test_the_parse_command_exits_2_with_a_one_line_error(tmp_path, filename):
    make, message, _ = BAD_FILES[filename]
    path = tmp_path / filename
    path.write_bytes(make())
    with pytest.raises(CommandError, match=message) as error:
        call_command("parse", str(path))
    assert error.value.returncode == 2
    assert "\n" not in str(error.value)
    assert str(error.value).startswith(f"{path}: ")


def test_the_parse_command_prints_no_traceback_from_a_shell(tmp_path):
    path = tmp_path / "scanned.pdf"
    path.write_bytes(make_pdf([Page()]))
    done = subprocess.run(  # noqa: S603 - our own console script
        [DUBAN, "parse", str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        f"CommandError: {path}: PDF has no text layer (scanned?); OCR it first"
    ]


def test_a_missing_file_exits_2(tmp_path):
    with pytest.raises(CommandError, match="no such file") as error:
        call_command("parse", str(tmp_path / "missing.docx"))
    assert error.value.returncode == 2


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(ParseError, match="is a directory"):
        parse_file(tmp_path)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as f:
        f.truncate(200 * 2**20)  # sparse: no 200 MB is written
    with pytest.raises(ParseError, match="file too large: 200 MB \\(limit 50 MB\\)"):
        parse_file(path)
    with pytest.raises(CommandError, match="file too large") as error:
        call_command("parse", str(path))
    assert error.value.returncode == 2


def test_bytes_over_the_size_limit_are_refused(monkeypatch):
    monkeypatch.setattr(api, "MAX_FILE_SIZE", 1000)
    with pytest.raises(ParseError, match="file too large"):
        parse_bytes(b"x" * 1001, "notice.txt")


def test_an_archive_inflating_beyond_the_limit_is_refused_before_it_is_opened(monkeypatch):
    monkeypatch.setattr(archive, "MAX_UNCOMPRESSED_SIZE", 10_000)
    with pytest.raises(ParseError, match="the archive inflates to .* a zip bomb"):
        parse_bytes(small_docx(), "notice.docx")


@pytest.mark.parametrize(
    "make", [small_docx, small_xlsx, lambda: make_pdf([Page().text(72, 72, "Notice")])]
)
def test_damaged_copies_of_a_good_file_give_a_parse_error_or_a_document(make):
    data = make()
    rng = random.Random(3)
    for _ in range(60):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            outcome = read(bytes(damaged[: rng.randrange(len(damaged) // 2, len(damaged) + 1)]))
        except ParseError as exc:
            outcome = exc
        assert isinstance(outcome, Document | ParseError)


def test_a_notice_in_gbk_reads_the_same_as_in_utf8(seed_dir):
    text = (seed_dir / "000_de8080339d2f7ae4.txt").read_text(encoding="utf-8")
    utf8 = parse_bytes(text.encode("utf-8"), "notice.txt")
    gbk = parse_bytes(text.encode("gbk"), "notice.txt")
    assert gbk["plans"] == utf8["plans"]
    assert gbk["notice"] == utf8["notice"]
    assert sum(len(s["items"]) for p in gbk["plans"] for s in p["sections"]) == 161


def _docx_with_tables(*tables: list[list[str]]) -> bytes:
    document = docx.Document()
    document.add_paragraph("附件1")
    document.add_paragraph("2022年重点工作责任分解表")
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                table.cell(row, column).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_table_of_unknown_layout_is_a_warning_with_its_location():
    weather = [["甲", "乙", "丙"], ["天气", "晴", "25度"]]
    tasks = [["序号", "重点工作", "责任单位"], ["1", "新建学校2所。", "区教育局"]]
    result = parse_bytes(_docx_with_tables(weather, tasks), "odd.docx")
    located = [
        (w["location"]["table"], w["location"]["row"])
        for w in result["warnings"]
        if "unknown layout" in w["message"]
    ]
    assert located == [(1, 1), (1, 2)]
    assert "天气" in result["warnings"][1]["message"]


def test_a_file_whose_rows_name_no_unit_or_leader_is_refused_saying_what_it_holds():
    with pytest.raises(ParseError) as refused:
        parse_bytes(_docx_with_tables([["甲", "乙", "丙"], ["天气", "晴", "25度"]]), "odd.docx")
    assert refused.value.code == errors.NO_TASKS
    assert refused.value.seen["tables"] == 1
    assert "1 tables" in str(refused.value)
