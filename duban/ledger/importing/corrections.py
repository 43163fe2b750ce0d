"""The office's corrections to a parsed notice, applied to the parsed dict before the diff.

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

from duban.ledger.names import normalise_name
from duban.parsing import parse_bytes
from duban.parsing.text import squeeze

EDIT, DROP, JOIN = "edit", "drop", "join"
ROLE_STRENGTH = {"lead": 3, "joint": 2, "support": 1}


def text_hash(text: str) -> str:
    return hashlib.sha256(squeeze(text or "").encode()).hexdigest()[:16]


def plan_id(plan: dict, index: int) -> str:
    """A plan's name in a key: its annex number, else its place among the plans."""
    return f"附件{plan['annex']}" if plan.get("annex") else f"#{index}"


def row_key(plan: dict, plan_index: int, item: dict) -> dict:
    return {
        "plan": plan_id(plan, plan_index),
        "location": dict(item.get("location") or {}),
        "text": text_hash(item.get("text") or ""),
    }


def rows(parsed: dict) -> list[tuple[int, int, int, dict]]:
    """Every item as (plan index, section index, item index, item), in printed order."""
    return [
        (p, s, i, item)
        for p, plan in enumerate(parsed.get("plans", []))
        for s, section in enumerate(plan.get("sections", []))
        for i, item in enumerate(section.get("items", []))
    ]


def column_roles(corrections: dict) -> dict[int, list[str | None]] | None:
    """The office's column roles in the parser's form, {table number: roles}."""
    roles = {int(table): list(r) for table, r in (corrections.get("columns") or {}).items()}
    return roles or None


def read(content: bytes, filename: str, corrections: dict) -> dict:
    """A notice file parsed with the office's column roles; ParseError if it reads no rows."""
    return parse_bytes(content, filename, roles=column_roles(corrections))


def apply_corrections(parsed: dict, corrections: dict) -> dict:
    """A copy of `parsed` with the row corrections applied; corrected items carry `corrected`.

    Corrections whose row is not found are skipped and counted in `corrections_unmatched`.
    """
    parsed = copy.deepcopy(parsed)
    unmatched = 0
    for correction in corrections.get("rows", []):
        found = find_row(parsed, correction["row"])
        if found is None:
            unmatched += 1
            continue
        p, s, i = found
        items = parsed["plans"][p]["sections"][s]["items"]
        if correction["op"] == EDIT:
            _edit(items[i], correction)
        elif correction["op"] == DROP:
            del items[i]
        elif correction["op"] == JOIN:
            above = _above(parsed, p, s, i)
            if above is None:
                unmatched += 1
                continue
            _join(above, items.pop(i))
    parsed["corrections_unmatched"] = unmatched
    return parsed


def find_row(parsed: dict, key: dict) -> tuple[int, int, int] | None:
    """Where the row of `key` is: by plan, place and text, else plan and place, else plan and text."""
    candidates = [
        (p, s, i, row_key(parsed["plans"][p], p, item))
        for p, s, i, item in rows(parsed)
        if plan_id(parsed["plans"][p], p) == key["plan"]
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


def _above(parsed: dict, p: int, s: int, i: int) -> dict | None:
    """The row printed above, in the same plan (the last of the previous section at its top)."""
    sections = parsed["plans"][p]["sections"]
    if i > 0:
        return sections[s]["items"][i - 1]
    for section in reversed(sections[:s]):
        if section["items"]:
            return section["items"][-1]
    return None


def _edit(item: dict, correction: dict) -> None:
    units = [
        {"name": name, "role": role, "raw": name}
        for role in ("lead", "joint", "support")
        for name in correction.get(role) or []
    ]
    item["units"] = units
    item["leaders"] = [{"name": name, "titles": []} for name in correction.get("leaders") or []]
    item["deadline"] = correction.get("deadline") or None
    _mark(item, EDIT)


def _join(above: dict, item: dict) -> None:
    above["text"] = (above.get("text") or "") + (item.get("text") or "")
    roles = {unit["name"]: unit for unit in above.get("units", [])}
    for unit in item.get("units", []):
        present = roles.get(unit["name"])
        if present is None:
            above.setdefault("units", []).append(unit)
            roles[unit["name"]] = unit
        elif ROLE_STRENGTH[unit["role"]] > ROLE_STRENGTH[present["role"]]:
            present["role"] = unit["role"]
    names = {leader["name"] for leader in above.get("leaders", [])}
    above.setdefault("leaders", []).extend(
        leader for leader in item.get("leaders", []) if leader["name"] not in names
    )
    above["deadline"] = above.get("deadline") or item.get("deadline")
    remarks = [r for r in (above.get("remark"), item.get("remark")) if r]
    above["remark"] = "；".join(remarks) or None
    if item.get("extra"):
        above["extra"] = {**item["extra"], **(above.get("extra") or {})}
    if item.get("partial"):
        above["partial"] = True
    _mark(above, JOIN)


def _mark(item: dict, op: str) -> None:
    item["corrected"] = [*item.get("corrected", []), op]


def split_names(value: str, person: bool = False) -> list[str]:
    """Names typed into one field, separated by 、，,；; or lines, normalised and deduplicated.

    Spaces do not separate: they pad two-character names (张 伟) and wrap long ones."""
    normalise = squeeze if person else normalise_name
    names = (normalise(part) for part in re.split(r"[、，,；;\n]+", value or ""))
    return list(dict.fromkeys(name for name in names if name))
