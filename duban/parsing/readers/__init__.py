"""Readers: bytes of a .txt, .docx, .pdf or .xlsx notice -> a `Document` of blocks."""

from duban.parsing.document import Document
from duban.parsing.readers.archive import check_archive, open_zip
from duban.parsing.readers.docx import read_docx
from duban.parsing.readers.formats import extension_warning, sniff
from duban.parsing.readers.pdf import read_pdf
from duban.parsing.readers.txt import read_txt
from duban.parsing.readers.xlsx import read_xlsx

__all__ = ["read", "sniff"]

READERS = {"txt": read_txt, "docx": read_docx, "pdf": read_pdf, "xlsx": read_xlsx}


def read(data: bytes, filename: str | None = None) -> Document:
    """Sniff the format and read the blocks; ParseError for a file that cannot be read."""
    fmt = sniff(data, filename)
    if fmt in ("docx", "xlsx"):
        # Before python-docx or openpyxl inflates anything.
        with open_zip(data) as archive:
            check_archive(archive)
    document = READERS[fmt](data)
    warning = extension_warning(fmt, filename)
    if warning is not None:
        document.warnings.insert(0, warning)
    return document
