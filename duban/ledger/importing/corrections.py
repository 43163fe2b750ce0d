"""The office's corrections to a parsed notice, applied to its dataclasses before the diff.

Corrections are plain JSON, kept with the preview and, once imported, with the notice:

    {"columns": {"1": ["seq", "text", None, …]},      # roles per table, read by the parser
     "rows": [{"op": "edit" | "drop" | "join", "row": key, …}, …],
     "rejected_aliases": ["区某某局", …]}

A row is known by its plan, where it was printed and a hash of its text (`row_key`). A
correction finds its row by all three, else by plan and place (the office changed a column's
role, so the text was read again), else by plan and text (another rendering of the notice).
Row corrections apply in the order they were made, so a join and then an edit of the joined
row find it as it was when they were made.
"""

import copy
import hashlib
import re
from dataclasses import dataclass, field

from duban.ledger.names import normalise_name
from duban.parsing import parse_notice
from duban.parsing.deadlines import date_deadlines
from duban.parsing.model import Item, Leader, ParsedNotice, Plan, Unit
from duban.parsing.text import squeeze

EDIT, DROP, JOIN = "edit", "drop", "join"
ROLE_STRENGTH = {"lead": 3, "joint": 2, "support": 1}


def text_hash(text: str) -> str:
    return hashlib.sha256(squeeze(text or "").encode()).hexdigest()[:16]


def plan_id(plan: Plan, index: int) -> str:
    """A plan's name in a key: its annex number, else its place among the plans."""
    return f"附件{plan.annex}" if plan.annex else f"#{index}"


def row_key(plan: Plan, plan_index: int, item: Item) -> dict:
    return {
        "plan": plan_id(plan, plan_index),
        "location": item.location.to_dict(),
        "text": text_hash(item.text),
    }


def rows(parsed: ParsedNotice) -> list[tuple[int, int, int, Item]]:
    """Every item as (plan index, section index, item index, item), in printed order."""
    return [
        (p, s, i, item)
        for p, plan in enumerate(parsed.plans)
        for s, section in enumerate(plan.sections)
        for i, item in enumerate(section.items)
    ]


def column_roles(corrections: dict) -> dict[int, list[str | None]] | None:
    """The office's column roles in the parser's form, {table number: roles}."""
    roles = {int(table): list(r) for table, r in (corrections.get("columns") or {}).items()}
    return roles or None


def read(content: bytes, filename: str, corrections: dict) -> ParsedNotice:
    """A notice file parsed with the office's column roles; ParseError if it reads no rows."""
    return parse_notice(content, filename, roles=column_roles(corrections))


@dataclass
class Corrected:
    """A parsed notice with the office's row corrections applied."""

    notice: ParsedNotice
    # What was done to each row, by its place in the corrected notice: ["join", "edit"].
    marks: dict[tuple[int, int, int], list[str]] = field(default_factory=dict)
    unmatched: int = 0  # corrections whose row is not found, skipped


def apply_corrections(parsed: ParsedNotice, corrections: dict) -> Corrected:
    """A copy of `parsed` with the row corrections applied, in the order they were made."""
    parsed = copy.deepcopy(parsed)
    unmatched = 0
    marks: dict[int, list[str]] = {}  # by id() of the item, which `parsed` keeps alive
    for correction in corrections.get("rows", []):
        found = find_row(parsed, correction["row"])
        if found is None:
            unmatched += 1
            continue
        p, s, i = found
        items = parsed.plans[p].sections[s].items
        if correction["op"] == EDIT:
            _edit(items[i], correction)
            marks.setdefault(id(items[i]), []).append(EDIT)
        elif correction["op"] == DROP:
            del items[i]
        elif correction["op"] == JOIN:
            above = _above(parsed, p, s, i)
            if above is None:
                unmatched += 1
                continue
            _join(above, items.pop(i))
            marks.setdefault(id(above), []).append(JOIN)
    placed = {(p, s, i): marks[id(item)] for p, s, i, item in rows(parsed) if id(item) in marks}
    # Edits and joins change deadline texts: their dates are read again.
    return Corrected(date_deadlines(parsed), placed, unmatched)


def find_row(parsed: ParsedNotice, key: dict) -> tuple[int, int, int] | None:
    """Where the row of `key` is: by plan, place and text, else plan and place, else plan and text."""
    candidates = [
        (p, s, i, row_key(parsed.plans[p], p, item))
        for p, s, i, item in rows(parsed)
        if plan_id(parsed.plans[p], p) == key["plan"]
    ]
    tests = [
        lambda k: k["location"] == key["location"] and k["text"] == key["text"],
        lambda k: k["location"] == key["location"],
        lambda k: k["text"] == key["text"],
    ]
    for test in tests:
        for p, s, i, k in candidates:
            if test(k):
                return p, s, i
    return None


def _above(parsed: ParsedNotice, p: int, s: int, i: int) -> Item | None:
    """The row printed above, in the same plan (the last of the previous section at its top)."""
    sections = parsed.plans[p].sections
    if i > 0:
        return sections[s].items[i - 1]
    for section in reversed(sections[:s]):
        if section.items:
            return section.items[-1]
    return None


def _edit(item: Item, correction: dict) -> None:
    item.units = [
        Unit(name, role, name)
        for role in ("lead", "joint", "support")
        for name in correction.get(role) or []
    ]
    item.leaders = [Leader(name) for name in correction.get("leaders") or []]
    item.deadline = correction.get("deadline") or None


def _join(above: Item, item: Item) -> None:
    above.text += item.text
    roles = {unit.name: unit for unit in above.units}
    for unit in item.units:
        present = roles.get(unit.name)
        if present is None:
            above.units.append(unit)
            roles[unit.name] = unit
        elif ROLE_STRENGTH[unit.role] > ROLE_STRENGTH[present.role]:
            present.role = unit.role
    names = {leader.name for leader in above.leaders}
    above.leaders.extend(leader for leader in item.leaders if leader.name not in names)
    above.deadline = above.deadline or item.deadline
    above.remark = "；".join(r for r in (above.remark, item.remark) if r) or None
    above.extra = {**item.extra, **above.extra}
    above.partial = above.partial or item.partial


def split_names(value: str, person: bool = False) -> list[str]:
    """Names typed into one field, separated by 、，,；; or lines, normalised and deduplicated.

    Spaces do not separate: they pad two-character names (张 伟) and wrap long ones."""
    normalise = squeeze if person else normalise_name
    names = (normalise(part) for part in re.split(r"[、，,；;\n]+", value or ""))
    return list(dict.fromkeys(name for name in names if name))
