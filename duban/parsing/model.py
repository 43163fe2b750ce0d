"""The parsed notice: small result objects whose `to_dict` follows notice.schema.json."""

from dataclasses import dataclass, field
from datetime import date

from duban.parsing.document import Location, ParseWarning

LEAD = "lead"
JOINT = "joint"
SUPPORT = "support"


@dataclass(slots=True)
class Unit:
    name: str
    role: str
    raw: str

    def to_dict(self) -> dict:
        return {"name": self.name, "role": self.role, "raw": self.raw}


@dataclass(slots=True)
class Leader:
    name: str
    titles: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"name": self.name, "titles": list(self.titles)}


@dataclass(slots=True)
class Item:
    seq: str | None
    text: str
    name: str | None = None
    units: list[Unit] = field(default_factory=list)
    leaders: list[Leader] = field(default_factory=list)
    deadline: str | None = None
    # The deadline as a date (deadlines.date_deadlines); not in the JSON, which keeps the text.
    due: date | None = None
    remark: str | None = None
    lead_override: list[str] = field(default_factory=list)
    # None: not read, as in a notice given without them (schema.from_json of such JSON).
    targets: list[dict] | None = field(default_factory=list)
    location: Location = field(default_factory=Location)
    extra: dict[str, str] = field(default_factory=dict)  # cells of unknown columns, by header
    partial: bool = False  # cut short by the end of the copy: what is printed, nothing invented

    def to_dict(self) -> dict:
        data = {
            "seq": self.seq,
            "name": self.name,
            "text": self.text,
            "units": [unit.to_dict() for unit in self.units],
            "leaders": [leader.to_dict() for leader in self.leaders],
            "deadline": self.deadline,
            "remark": self.remark,
            "lead_override": list(self.lead_override),
        }
        if self.targets is not None:
            data["targets"] = [dict(target) for target in self.targets]
        data["location"] = self.location.to_dict()
        if self.extra:
            data["extra"] = dict(self.extra)
        if self.partial:
            data["partial"] = True
        return data


@dataclass(slots=True)
class Section:
    heading: str | None
    leaders: list[Leader] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "heading": self.heading,
            "leaders": [leader.to_dict() for leader in self.leaders],
            "items": [item.to_dict() for item in self.items],
        }


@dataclass(slots=True)
class Plan:
    title: str
    annex: str | None = None
    kind: str = "other"
    years: list[int] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "annex": self.annex,
            "title": self.title,
            "kind": self.kind,
            "years": list(self.years),
            "sections": [section.to_dict() for section in self.sections],
        }


@dataclass(slots=True)
class NoticeMeta:
    issuer: str | None = None
    doc_number: str | None = None
    title: str | None = None
    issued_on: str | None = None
    printed_on: str | None = None
    addressees: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    public: bool | None = None
    body: str | None = None

    def to_dict(self) -> dict:
        return {
            "issuer": self.issuer,
            "doc_number": self.doc_number,
            "title": self.title,
            "issued_on": self.issued_on,
            "printed_on": self.printed_on,
            "addressees": list(self.addressees),
            "cc": list(self.cc),
            "attachments": list(self.attachments),
            "public": self.public,
            "body": self.body,
        }


@dataclass(slots=True)
class Source:
    """The file a notice was parsed from."""

    filename: str
    format: str
    sha256: str
    pages: int | None = None

    def to_dict(self) -> dict:
        return {
            "filename": self.filename,
            "format": self.format,
            "sha256": self.sha256,
            "pages": self.pages,
        }


@dataclass(slots=True)
class ParsedNotice:
    notice: NoticeMeta
    plans: list[Plan]
    warnings: list[ParseWarning] = field(default_factory=list)
    layouts: list = field(default_factory=list)  # layout.Layout of every table
    source: Source | None = None  # set by parse_notice, once the file is read

    def to_dict(self) -> dict:
        return {
            "notice": self.notice.to_dict(),
            "plans": [plan.to_dict() for plan in self.plans],
            "warnings": [warning.to_dict() for warning in self.warnings],
            "layouts": [layout.to_dict() for layout in self.layouts],
        }
