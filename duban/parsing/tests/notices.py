"""Small helpers to parse notices composed inline in the tests."""

from duban.parsing.document import Document, Location, Paragraph, Row, Table
from duban.parsing.readers.txt import read_txt
from duban.parsing.structure import assemble


def parse_text(text: str, encoding: str = "utf-8") -> dict:
    return assemble(read_txt(text.encode(encoding))).to_dict()


def parse_blocks(*blocks) -> dict:
    """Blocks are strings (paragraphs) or lists of rows (a table of cell lists)."""
    laid_out = []
    for number, block in enumerate(blocks, start=1):
        if isinstance(block, str):
            laid_out.append(Paragraph(block, Location(line=number)))
        else:
            rows = [
                Row(list(cells), Location(table=number, row=r))
                for r, cells in enumerate(block, start=1)
            ]
            laid_out.append(Table(rows, Location(table=number)))
    return assemble(Document(format="docx", blocks=laid_out)).to_dict()


def items(parsed: dict) -> list[dict]:
    return [
        item
        for plan in parsed["plans"]
        for section in plan["sections"]
        for item in section["items"]
    ]


def units(item: dict) -> list[tuple[str, str]]:
    return [(unit["name"], unit["role"]) for unit in item["units"]]


def headings(parsed: dict) -> list[str | None]:
    return [section["heading"] for plan in parsed["plans"] for section in plan["sections"]]


def names(leaders: list[dict]) -> list[str]:
    return [leader["name"] for leader in leaders]
