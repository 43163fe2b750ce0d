"""The parsed notice as the JSON `duban parse` prints (spec/notice.schema.json), and back.

Dicts are for the boundary (the CLI, a JSON column); code reads the dataclasses of model.py.
`to_json(from_json(data)) == data` for every notice `parse_bytes` returns.
"""

from duban.parsing.deadlines import date_deadlines
from duban.parsing.document import Location, ParseWarning
from duban.parsing.layout import Column, Layout
from duban.parsing.model import Item, Leader, NoticeMeta, ParsedNotice, Plan, Section, Source, Unit

SCHEMA = "duban.notice/1"


def to_json(result: ParsedNotice) -> dict:
    """The notice as notice.schema.json has it."""
    data = {"schema": SCHEMA}
    if result.source is not None:
        data["source"] = result.source.to_dict()
    return data | result.to_dict()


def from_json(data: dict) -> ParsedNotice:
    """The dataclasses of a notice in the schema's shape; keys it leaves out take defaults.

    The items' `due` dates are read from their deadline text, as parse_notice does."""
    source = data.get("source")
    parsed = ParsedNotice(
        notice=NoticeMeta(**(data.get("notice") or {})),
        plans=[_plan(plan) for plan in data.get("plans") or []],
        warnings=[_warning(warning) for warning in data.get("warnings") or []],
        layouts=[_layout(layout) for layout in data.get("layouts") or []],
        source=Source(**source) if source else None,
    )
    return date_deadlines(parsed)


def _plan(data: dict) -> Plan:
    sections = [
        Section(
            heading=section.get("heading"),
            leaders=_leaders(section.get("leaders")),
            items=[_item(item) for item in section.get("items") or []],
        )
        for section in data.get("sections") or []
    ]
    return Plan(
        title=data["title"],
        annex=data.get("annex"),
        kind=data.get("kind", "other"),
        years=list(data.get("years") or []),
        sections=sections,
    )


def _item(data: dict) -> Item:
    return Item(
        seq=data.get("seq"),
        text=data["text"],
        name=data.get("name"),
        units=[
            Unit(u["name"], u["role"], u.get("raw", u["name"])) for u in data.get("units") or []
        ],
        leaders=_leaders(data.get("leaders")),
        deadline=data.get("deadline"),
        remark=data.get("remark"),
        lead_override=list(data.get("lead_override") or []),
        targets=[dict(t) for t in data["targets"]] if data.get("targets") is not None else None,
        location=_location(data.get("location")) or Location(),
        extra=dict(data.get("extra") or {}),
        partial=bool(data.get("partial")),
    )


def _leaders(data: list | None) -> list[Leader]:
    return [Leader(leader["name"], list(leader.get("titles") or [])) for leader in data or []]


def _location(data: dict | None) -> Location | None:
    return Location(**data) if data is not None else None


def _warning(data: dict) -> ParseWarning:
    return ParseWarning(
        message=data["message"],
        location=_location(data.get("location")),
        code=data.get("code", "other"),
        detail=data.get("detail", ""),
    )


def _layout(data: dict) -> Layout:
    # The JSON keeps what the office reviews; where the header row was is not in it.
    columns = [Column(**column) for column in data.get("columns") or []]
    return Layout(
        table=data["table"],
        width=len(columns),
        header_row=None,
        header=list(data.get("header") or []),
        columns=columns,
        location=data.get("location"),
    )
