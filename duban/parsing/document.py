"""What every reader produces: a notice as paragraphs and tables in reading order.

Readers (txt, docx, pdf, xlsx) only lay the source out as blocks; `structure` reads the
notice out of them. A cell keeps its line breaks; a cell covered by a merge above it
or to its left is the empty string, so merged rows look the same from every reader.
Readers that know the merges (docx, xlsx) also list the cells covered from above, since
such a cell holds the value above it (a leader or deadline shared by several tasks).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Location:
    """Where a block sits in the source; fields the format does not have stay None."""

    page: int | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None

    def to_dict(self) -> dict:
        return {"page": self.page, "line": self.line, "table": self.table, "row": self.row}


@dataclass(slots=True)
class Paragraph:
    text: str
    location: Location = field(default_factory=Location)


@dataclass(slots=True)
class Row:
    cells: list[str]
    location: Location = field(default_factory=Location)
    covered: frozenset[int] = frozenset()
    partial: bool = False  # cut short by the end of the copy


@dataclass(slots=True)
class Table:
    rows: list[Row]
    location: Location = field(default_factory=Location)

    def cells_text(self) -> list[str]:
        return [cell for row in self.rows for cell in row.cells]


Block = Paragraph | Table


@dataclass(slots=True)
class ParseWarning:
    """Something the office should look at: `code` says what (interfaces word it in their own
    language), `detail` the text it is about; `message` is the two in English."""

    message: str
    location: Location | None = None
    code: str = "other"
    detail: str = ""

    def to_dict(self) -> dict:
        data: dict = {"message": self.message, "code": self.code}
        if self.detail:
            data["detail"] = self.detail
        if self.location is not None:
            data["location"] = self.location.to_dict()
        return data


@dataclass(slots=True)
class Document:
    """A source laid out as blocks, with what the reader could not place."""

    format: str
    blocks: list[Block]
    pages: int | None = None
    warnings: list[ParseWarning] = field(default_factory=list)
    # A notice in traditional characters is read folded to simplified ones (script.py):
    # each simplified character, and the one printed.
    printed: dict[str, str] = field(default_factory=dict)
