"""Where a notice's parts lie: the front matter, the plans, and the closing lines."""

import re
from dataclasses import dataclass, field

from duban.parsing.columns import read_header
from duban.parsing.dates import DATE
from duban.parsing.document import Location, Paragraph, Table
from duban.parsing.lists import labels, numbering, sentence_units
from duban.parsing.plans import TITLE_END, annex_heading
from duban.parsing.text import EDGE

# 「抄送：…」: the copy-to line that opens a notice's closing lines.
COPY_TO = re.compile(r"^(?:抄送|抄报|分送)\s*[：:]")
TAIL = re.compile(rf"{COPY_TO.pattern}|印\s*发$|^[（(]此件.*[）)]$")
SIGNATURE = re.compile(r"(?:办公室|政府|委员会|局|厅)$")
NOTE = re.compile(r"^(?:注|说明|备注)\s*[：:]")
# A line ending so runs on into the next one.
RUNS_ON = ("，", "、", ",", "；", ";", "：")
MAX_LEAD_IN_LENGTH = 60
MAX_TITLE_LINE = 40


@dataclass(slots=True)
class Event:
    """A paragraph (text) or a table row (cells), in reading order."""

    location: Location
    text: str | None = None
    cells: list[str] | None = None
    covered: frozenset[int] = frozenset()
    partial: bool = False
    # The text of a paragraph, or of a row holding one cell (a title in a sheet); read often,
    # so computed once.
    line: str | None = field(init=False)

    def __post_init__(self) -> None:
        if self.cells is None:
            self.line = self.text
            return
        filled = {cell.strip(EDGE) for cell in self.cells}
        filled.discard("")
        self.line = filled.pop() if len(filled) == 1 else None


def events(blocks: list[Paragraph | Table]) -> list[Event]:
    events: list[Event] = []
    for block in blocks:
        if isinstance(block, Table):
            events.extend(
                Event(
                    location=row.location,
                    cells=list(row.cells),
                    covered=row.covered,
                    partial=row.partial,
                )
                for row in block.rows
            )
        elif block.text.strip(EDGE):
            text = block.text.strip(EDGE)
            previous = events[-1] if events else None
            if previous is not None and previous.cells is None and _closes(previous.text, text):
                events[-1] = Event(location=previous.location, text=previous.text + text)
            else:
                events.append(Event(location=block.location, text=text))
    return events


def _closes(text: str, following: str) -> bool:
    """Whether `following` closes a bracket that `text` leaves open: a line broken inside
    「（牵头单位：县教育局；责任单位：县\n发改局）」, and not a numbered line of its own."""
    opened = text.count("（") + text.count("(") - text.count("）") - text.count(")")
    if opened <= 0 or numbering(following) is not None:
        return False
    closed = (
        following.count("）") + following.count(")") - following.count("（") - following.count("(")
    )
    return closed >= opened


def lines(events: list[Event]) -> list[str]:
    return [event.line for event in events if event.line is not None]


def _is_structure(event: Event) -> bool:
    if event.cells is not None:
        return read_header(event.cells) is not None
    if labels(event.text) is not None:
        return True
    # A numbered task whose last sentence names its units: 「1.…，由县政府办负责落实。」
    return numbering(event.text) is not None and sentence_units(event.text) is not None


def content_start(events: list[Event]) -> int:
    """Where the plans begin: the first 附件 heading, else the lead-in of the first task."""
    structure = next((i for i, event in enumerate(events) if _is_structure(event)), None)
    if structure is None:
        structure = next((i for i, event in enumerate(events) if event.line is None), len(events))
    annex = next(
        (
            i
            for i, event in enumerate(events[:structure])
            if event.line and annex_heading(event.line)
        ),
        None,
    )
    if annex is not None:
        return annex
    structure = _task_start(events, structure)
    while structure > 0 and events[structure - 1].line and _is_lead_in(events[structure - 1].line):
        structure -= 1
    return structure


def _task_start(events: list[Event], index: int) -> int:
    """The first line of the task that a labelled line (「…（牵头单位：X）」) ends."""
    found = labels(events[index].text) if index < len(events) and events[index].text else None
    if found is None or numbering(found[0]):
        return index
    start = index
    if not found[0] and index > 0 and _is_task_line(events[index - 1]):
        start = index - 1
    while (
        not numbering(events[start].text or "")
        and start > 0
        and _is_task_line(events[start - 1])
        and events[start - 1].text.endswith(RUNS_ON)
    ):
        start -= 1
    return start


def _is_task_line(event: Event) -> bool:
    return bool(event.text) and labels(event.text) is None


def _is_lead_in(text: str) -> bool:
    """A heading or table title just before the first task, not a body sentence."""
    if len(text) > MAX_LEAD_IN_LENGTH or text.endswith(("。", "：", ":")) or DATE.search(text):
        return False
    if SIGNATURE.search(text) or TAIL.search(text):
        return False
    return bool(numbering(text) or TITLE_END.search(text) or NOTE.match(text))


def tail_start(events: list[Event], start: int) -> int:
    """Where the closing lines (抄送, signature, 印发) begin, after the last task."""
    last = start
    for index in range(start, len(events)):
        if events[index].cells is not None or _is_structure(events[index]):
            last = index
    for index in range(last + 1, len(events)):
        text = events[index].line
        if text and (TAIL.search(text) or _is_signature_line(text)):
            return index
    return len(events)


def _is_signature_line(text: str) -> bool:
    if len(text) > MAX_TITLE_LINE:
        return False
    match = DATE.search(text)
    if match:
        return not text.replace(match.group(), "").strip(EDGE) or bool(
            SIGNATURE.search(text[: match.start()].strip())
        )
    return bool(SIGNATURE.search(text)) and numbering(text) is None
