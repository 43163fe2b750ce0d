"""assemble(): a Document laid out by a reader -> the notice, its plans, sections and items."""

from duban.parsing.builder import PlanBuilder
from duban.parsing.columns import read_header
from duban.parsing.document import Document
from duban.parsing.layout import Layout, header_layout, infer_layout
from duban.parsing.lists import labels
from duban.parsing.metadata import read_metadata
from duban.parsing.model import ParsedNotice
from duban.parsing.regions import RUNS_ON, Event, content_start, events, lines, tail_start
from duban.parsing.targets import extract_targets
from duban.parsing.text import EDGE, squeeze
from duban.parsing.units import FIRST_IS_LEAD, names_units

# What a complete paragraph ends with.
# A table's header is among its first rows (after a title row or two in a sheet).
_HEADER_SEARCH = 5
_CLOSING = ("。", "！", "？", "!", "?", "）", ")", "」", "”", "》", "]", "】", ".")


def assemble(document: Document, roles: dict[int, list[str | None]] | None = None) -> ParsedNotice:
    """Read metadata, plans, sections and items; the reader's own warnings are not repeated.

    `roles` gives a table (by number) its column roles, as the office corrected them.
    """
    found = events(document.blocks)
    layouts, applied = table_layouts(found, roles or {})
    start = content_start(found)
    end = tail_start(found, start)
    meta = read_metadata(lines(found[:start]), lines(found[end:]))
    # The statement is a sentence of the body, a note (below a sheet's table too), or the
    # header 「责任单位（列第一位…）」.
    statement = any(_states_first_is_lead(event) for event in found)
    builder = PlanBuilder(
        first_is_lead=statement,
        merges_known=document.format != "txt",
        typed_breaks=document.format in ("docx", "xlsx"),
        layouts=applied,
    )
    for event in found[:start] + found[end:]:
        if event.line is None:
            builder.warn("outside_row", " | ".join(event.cells), event.location)
    for event in found[start:end]:
        builder.feed(event)
    plans = builder.finish(meta, cut_short=end == len(found) and _cut_short(found[start:]))
    for plan in plans:
        for section in plan.sections:
            for item in section.items:
                item.targets = extract_targets(item.text, plan.kind)
    return ParsedNotice(notice=meta, plans=plans, warnings=builder.warnings, layouts=layouts)


def table_layouts(
    found: list[Event], roles: dict[int, list[str | None]]
) -> tuple[list[Layout], dict[int, Layout]]:
    """Every table's layout, and those the builder applies: set by the office, or read
    from content where no row of the table is a header the vocabulary knows."""
    tables: dict[int, list[Event]] = {}
    for event in found:
        if event.cells is not None and event.location.table is not None:
            tables.setdefault(event.location.table, []).append(event)
    layouts, applied = [], {}
    for number, rows in tables.items():
        cells = [event.cells for event in rows]
        header = next(
            ((i, c) for i, row in enumerate(cells[:_HEADER_SEARCH]) if (c := read_header(row))),
            None,
        )
        if number in roles:
            layout = infer_layout(number, cells, roles[number])
            applied[number] = layout
        elif header is not None:
            layout = header_layout(number, cells, *header)
            if layout.completed:
                applied[number] = layout
        else:
            layout = infer_layout(number, cells)
            if layout.assigns():
                applied[number] = layout
        layout.location = rows[0].location.to_dict()
        layouts.append(layout)
    return layouts, applied


def _cut_short(events: list[Event]) -> bool:
    """Whether a copy ends inside a paragraph: no closing lines, no closing punctuation.

    Web copies are often cut at a size; the last task is then printed only in part.
    """
    if not events or events[-1].cells is not None:
        return False
    line = events[-1].line.rstrip(EDGE)
    if line.endswith(_CLOSING):
        return False
    found = labels(line)
    if found is None or found[0] or line.endswith(RUNS_ON):
        return True
    # A label line needs no full stop (「备注：由县医保局牵头」); a list of units cut inside a
    # name (「…、人行芜湖」) does not end like a body.
    units = [value for part, value in found[1].items() if part.endswith("units")]
    return bool(units) and not names_units(units[-1])


def _states_first_is_lead(event: Event) -> bool:
    """Whether a paragraph, a note row or a header row says the first unit listed leads."""
    # A header cell wraps the phrase over lines: 「（列\n第一位者为牵\n头单位）」.
    line = event.line
    if line is not None:
        return bool(FIRST_IS_LEAD.search(squeeze(line)))
    # The cheap search first: reading the header is costly and the phrase rare.
    return (
        bool(FIRST_IS_LEAD.search(" ".join(squeeze(cell) for cell in event.cells)))
        and read_header(event.cells) is not None
    )
