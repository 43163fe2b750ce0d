"""Telling a notice's format from its content; the file name only breaks ties."""

from pathlib import PurePath

import charset_normalizer

from duban.parsing.document import ParseWarning
from duban.parsing.errors import DAMAGED, EMPTY, LEGACY_OFFICE, UNSUPPORTED, ParseError
from duban.parsing.readers.archive import open_zip

EXTENSIONS = {".txt": "txt", ".text": "txt", ".docx": "docx", ".pdf": "pdf", ".xlsx": "xlsx"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
SAMPLE_SIZE = 64 * 1024
# Text has tabs and line breaks but hardly any other control characters.
MAX_CONTROL_SHARE = 0.01


def extension_format(filename: str | None) -> str | None:
    if not filename:
        return None
    return EXTENSIONS.get(PurePath(filename).suffix.lower())


def sniff(data: bytes, filename: str | None = None) -> str:
    """Return "txt", "docx", "pdf" or "xlsx" from the bytes; ParseError for anything else."""
    if not data or data.isspace():
        raise ParseError("the file is empty", EMPTY)
    if data.startswith(OLE_MAGIC):
        raise ParseError(
            "password-protected or legacy Office file (.doc/.xls): "
            "remove the password or save it as .docx/.xlsx",
            LEGACY_OFFICE,
        )
    # The PDF header may follow a little junk: readers look through the first KB.
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_format(data, filename)
    if data.startswith(b"{\\rtf"):
        raise ParseError("RTF files are not supported: save the notice as .docx", UNSUPPORTED)
    if _looks_like_text(data[:SAMPLE_SIZE]):
        return "txt"
    named = extension_format(filename)
    if named in ("docx", "xlsx"):
        raise ParseError(
            f"not a valid .{named}: the content is not a zip archive (damaged file?)", DAMAGED
        )
    if named == "pdf":
        raise ParseError("not a valid .pdf: the content has no %PDF- header (damaged file?)")
    raise ParseError(
        "not a notice: binary content that is none of .txt/.docx/.pdf/.xlsx", UNSUPPORTED
    )


def _zip_format(data: bytes, filename: str | None) -> str:
    with open_zip(data) as archive:
        names = set(archive.namelist())
    found = [
        fmt
        for fmt, part in (("docx", "word/document.xml"), ("xlsx", "xl/workbook.xml"))
        if part in names
    ]
    if len(found) == 1:
        return found[0]
    if len(found) == 2 and extension_format(filename) in found:
        return extension_format(filename)
    if "content.xml" in names:
        raise ParseError(
            "OpenDocument files (.odt/.ods) are not supported: save as .docx/.xlsx", UNSUPPORTED
        )
    raise ParseError("a zip archive that is neither a .docx nor an .xlsx", UNSUPPORTED)


def _looks_like_text(sample: bytes) -> bool:
    if sample.startswith(TEXT_BOMS):
        return True
    if b"\x00" in sample:
        return False
    try:
        # The sample may end inside a multi-byte character.
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data":
            return True
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in b"\t\n\r\f\x1a\x1b")
    if controls > MAX_CONTROL_SHARE * len(sample):
        return False
    return charset_normalizer.from_bytes(sample).best() is not None


def extension_warning(fmt: str, filename: str | None) -> ParseWarning | None:
    """A warning when the file name says one format and the content another."""
    suffix = PurePath(filename).suffix if filename else ""
    if suffix and EXTENSIONS.get(suffix.lower()) != fmt:
        return ParseWarning(
            f"{filename}: named {suffix} but the content is {fmt}; read as {fmt}",
            code="format",
            detail=fmt,
        )
    return None
