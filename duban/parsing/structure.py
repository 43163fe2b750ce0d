"""assemble(): a Document laid out by a reader -> the notice, its plans, sections and items."""

from duban.parsing.builder import PlanBuilder
from duban.parsing.columns import read_header
from duban.parsing.document import Document
from duban.parsing.metadata import read_metadata
from duban.parsing.model import ParsedNotice
from duban.parsing.regions import Event, content_start, events, lines, tail_start
from duban.parsing.targets import extract_targets
from duban.parsing.text import EDGE, squeeze
from duban.parsing.units import FIRST_IS_LEAD

# What a complete paragraph ends with.
_CLOSING = ("。", "！", "？", "!", "?", "）", ")", "」", "”", "》", "]", "】", ".")


def assemble(document: Document) -> ParsedNotice:
    """Read metadata, plans, sections and items; the reader's own warnings are not repeated."""
    found = events(document.blocks)
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
    )
    for event in found[:start] + found[end:]:
        if event.line is None:
            message = f"table row outside the annexes not read: {' | '.join(event.cells)}"
            builder.warn(message, event.location)
    for event in found[start:end]:
        builder.feed(event)
    plans = builder.finish(meta, cut_short=end == len(found) and _cut_short(found[start:]))
    for plan in plans:
        for section in plan.sections:
            for item in section.items:
                item.targets = extract_targets(item.text, plan.kind)
    return ParsedNotice(notice=meta, plans=plans, warnings=builder.warnings)


def _cut_short(events: list[Event]) -> bool:
    """Whether a copy ends inside a paragraph: no closing lines, no closing punctuation.

    Web copies are often cut at a size; the last task is then printed only in part.
    """
    if not events or events[-1].cells is not None:
        return False
    return not events[-1].line.rstrip(EDGE).endswith(_CLOSING)


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
