"""One task (a table row or a list paragraph) turned into an Item."""

from dataclasses import dataclass, field

from duban.parsing.document import Location
from duban.parsing.leaders import leader_line, parse_leaders
from duban.parsing.model import LEAD, SUPPORT, Item, Leader
from duban.parsing.text import is_blank, join_lines, squeeze
from duban.parsing.units import lead_override, split_units


@dataclass(slots=True)
class Task:
    """The raw parts of one task as printed, before cleaning."""

    seq: str = ""
    name: str = ""
    text: str = ""
    units: str = ""
    lead_units: str = ""
    support_units: str = ""
    leaders: str = ""
    deadline: str = ""
    remark: str = ""
    # Cells of columns of no known kind (计划投资, 建设地点), by header label.
    other: dict[str, str] = field(default_factory=dict)
    location: Location = field(default_factory=Location)
    partial: bool = False  # cut short by the end of the copy

    def extend(self, more: "Task") -> None:
        """Add the parts of a row that continues this one (a cell wrapped over a page)."""
        for label, addition in more.other.items():
            self.other[label] = _continued(self.other.get(label, ""), addition)
        for part in (
            "text",
            "units",
            "lead_units",
            "support_units",
            "leaders",
            "deadline",
            "remark",
        ):
            addition = getattr(more, part)
            if addition.strip():
                setattr(self, part, _continued(getattr(self, part), addition))

    def cover(self, above: "Task") -> None:
        """Take the cells that a vertical merge with the row above leaves empty here."""
        for part in ("seq", "name", "units", "lead_units", "support_units", "leaders", "deadline"):
            if is_blank(getattr(self, part)):
                setattr(self, part, getattr(above, part))


def _continued(current: str, addition: str) -> str:
    """A cell's text with the next line the page break cut off."""
    return f"{current}\n{addition}" if current.strip() else addition


@dataclass(slots=True)
class Built:
    item: Item
    first_is_lead: bool = False
    carries: bool = False


def build_item(task: Task, first_is_lead: bool, line_per_unit: bool = False) -> Built:
    """Clean the parts of a task; `first_is_lead` applies the 「列第一位者为牵头单位」 rule,
    `line_per_unit` reads each typed line of a unit cell that is a whole name as a unit."""
    # A 「牵头市领导：…」 line may sit in any cell of the row, or follow it in a text copy.
    row_leaders: list[Leader] = []
    cell = {
        part: _pull_leader_lines(getattr(task, part), row_leaders)
        for part in ("text", "units", "lead_units", "support_units", "remark")
    }
    item = Item(
        seq=squeeze(task.seq) or None,
        text=join_lines(cell["text"]),
        name=join_lines(task.name) or None,
        location=task.location,
        partial=task.partial,
    )
    built = Built(item)
    has_lead_column = not is_blank(cell["lead_units"])
    # Beside a 牵头 column the 责任单位 help; beside only a 配合 column they lead.
    units_role = SUPPORT if has_lead_column else None
    if units_role is None and not is_blank(cell["support_units"]) and "*" not in cell["units"]:
        units_role = LEAD
    notes: list[str] = []
    for text, role in (
        (cell["lead_units"], LEAD),
        (cell["units"], units_role),
        (cell["support_units"], SUPPORT),
    ):
        if is_blank(text):
            continue
        units = split_units(
            text, role=role, first_is_lead=first_is_lead, line_per_unit=line_per_unit
        )
        # A 责任单位 column beside the 牵头单位 one may repeat the lead: it stays the lead.
        named = {unit.name for unit in item.units}
        item.units.extend(unit for unit in units.units if unit.name not in named)
        notes.extend(units.notes)
        built.first_is_lead |= units.first_is_lead
        built.carries |= units.carries
    item.leaders = _leaders(task.leaders) + row_leaders
    item.deadline = _said(task.deadline)
    remark = _said(cell["remark"]) or ""
    item.remark = "；".join(part for part in [remark, *notes] if part) or None
    # Nothing printed is lost: the cells of unknown columns are kept under their header.
    item.extra = {
        label: join_lines(text) for label, text in task.other.items() if not is_blank(text)
    }
    item.lead_override = lead_override(remark)
    return built


def _pull_leader_lines(text: str, leaders: list[Leader]) -> str:
    if "领导" not in text:
        return text
    kept = []
    for line in text.splitlines():
        found = leader_line(line)
        if found is None:
            kept.append(line)
        else:
            leaders.extend(found)
    return "\n".join(kept)


def _leaders(text: str) -> list[Leader]:
    if is_blank(text):
        return []
    # One leader per line in a cell, or one name wrapped over two lines.
    return (
        leader_line(text)
        or parse_leaders("、".join(text.split("\n")))
        or parse_leaders(join_lines(text))
    )


def _said(text: str) -> str | None:
    """A cell's words, or None for a cell that says there are none (「/」, 「—」, 「无」)."""
    text = join_lines(text)
    return text if any(char.isalnum() for char in text) and text != "无" else None
