import io
import zipfile

import pytest

from duban.progress.files import (
    EvidenceError,
    check_evidence,
    sanitise_name,
    sha256_of,
    sniff_evidence,
)

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def office_zip(member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(member, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PDF, "pdf"),
        (PNG, "png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 16, "jpeg"),
        (office_zip("word/document.xml"), "docx"),
        (office_zip("xl/workbook.xml"), "xlsx"),
        ("一季度完成投资 1.2 亿元。\n".encode(), "txt"),
    ],
)
def test_it_sniffs_allowed_types_from_the_bytes(data, kind):
    assert sniff_evidence(io.BytesIO(data)).kind == kind


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00\x03",  # a Windows executable
        b"<!DOCTYPE html><html><script>alert(1)</script></html>",
        b"<svg xmlns='http://www.w3.org/2000/svg'></svg>",
        office_zip("other/thing.xml"),
        b"PK\x03\x04 not really a zip",
        b"text\x00with a nul",
    ],
)
def test_it_refuses_other_types(data):
    assert sniff_evidence(io.BytesIO(data)) is None


def test_it_refuses_a_file_whose_extension_does_not_match_its_bytes():
    with pytest.raises(EvidenceError, match="扩展名不符"):
        check_evidence(io.BytesIO(PDF), "照片.png", len(PDF), 1000)


def test_it_refuses_an_oversize_file():
    with pytest.raises(EvidenceError, match="文件过大"):
        check_evidence(io.BytesIO(PDF), "a.pdf", 2000, 1000)


def test_it_accepts_a_jpeg_named_jpg_or_jpeg():
    data = b"\xff\xd8\xff\xe0" + b"\x00" * 16
    assert check_evidence(io.BytesIO(data), "现场.JPG", len(data), 1000).kind == "jpeg"
    assert check_evidence(io.BytesIO(data), "现场.jpeg", len(data), 1000).kind == "jpeg"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\张三\\进度 报告.pdf", "进度 报告.pdf"),
        ("evil\x00name\r\n.pdf", "evilname.pdf"),
        ("..hidden.txt", "hidden.txt"),
        ("", "附件"),
        ("/", "附件"),
        ("\u202ecod.exe.pdf", "cod.exe.pdf"),
    ],
)
def test_it_sanitises_the_name(name, expected):
    assert sanitise_name(name) == expected


def test_it_limits_the_name_length_and_keeps_the_extension():
    name = sanitise_name("长" * 300 + ".docx")
    assert len(name) == 100
    assert name.endswith(".docx")


def test_it_hashes_the_whole_file_and_rewinds():
    data = io.BytesIO(b"abc")
    assert sha256_of(data) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert data.read() == b"abc"
