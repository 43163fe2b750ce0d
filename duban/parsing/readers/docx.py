"""Reading .docx notices: body paragraphs and tables in document order, merges resolved."""

import io
import zipfile
import zlib

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from duban.parsing.document import Document, Location, Paragraph, Row, Table
from duban.parsing.errors import ParseError

W_P, W_TBL, W_TR, W_TC, W_SDT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
W_T, W_TAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_SDT_CONTENT, W_TYPE = qn("w:sdtContent"), qn("w:type")
# Runs directly in the paragraph or inside the wrappers that keep them in the text flow.
RUNS = etree.XPath(
    "./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:fldSimple/w:r"
    " | ./w:sdt/w:sdtContent/w:r | ./w:customXml/w:r",
    namespaces={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
)
BROKEN = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    KeyError,
    ValueError,
    etree.XMLSyntaxError,
    PackageNotFoundError,
)


def read_docx(data: bytes) -> Document:
    """Lay a .docx out as blocks; a cell covered by a merge is ""."""
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except BROKEN as exc:
        raise ParseError(f"cannot read the .docx (damaged file?): {exc}") from exc
    blocks = []
    paragraphs = tables = 0
    for element in _body_elements(body):
        if element.tag == W_P:
            paragraphs += 1
            text = _paragraph_text(element).strip()
            if text:
                blocks.append(Paragraph(text, Location(line=paragraphs)))
        else:
            tables += 1
            blocks.append(_table(element, tables))
    return Document(format="docx", blocks=blocks)


def _body_elements(parent):
    """Paragraphs and tables in order, looking inside content controls (w:sdt)."""
    for child in parent.iterchildren(W_P, W_TBL, W_SDT):
        if child.tag == W_SDT:
            for content in child.iterchildren(W_SDT_CONTENT):
                yield from _body_elements(content)
        else:
            yield child


def _paragraph_text(p) -> str:
    parts = []
    for run in RUNS(p):
        for child in run.iterchildren(W_T, W_TAB, W_BR, W_CR):
            if child.tag == W_T:
                parts.append(child.text or "")
            elif child.tag == W_TAB:
                parts.append("\t")
            elif child.get(W_TYPE) not in ("page", "column"):
                parts.append("\n")
    return "".join(parts)


def _table(tbl, number: int) -> Table:
    rows = []
    for index, tr in enumerate(tbl.iterchildren(W_TR), start=1):
        cells = [""] * tr.grid_before
        covered: set[int] = set()
        for tc in tr.iterchildren(W_TC):
            if tc.vMerge == "continue":
                covered.add(len(cells))
                cells.append("")
            else:
                cells.append(_cell_text(tc))
            cells.extend([""] * (tc.grid_span - 1))
        cells.extend([""] * tr.grid_after)
        if any(cells):
            rows.append(Row(cells, Location(table=number, row=index), frozenset(covered)))
    return Table(rows, Location(table=number))


def _cell_text(tc) -> str:
    """The cell's paragraphs one per line, nested tables included, outer blank lines dropped."""
    return "\n".join(_paragraph_text(p) for p in tc.iter(W_P)).strip()
