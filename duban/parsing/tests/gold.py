"""Comparing a parsed notice with a gold file's rows, for every rendering of a notice.

`rows_from_parsed(parsed)` flattens `ParsedNotice.to_dict()` (or the `duban.notice/1` dict)
into gold-shaped rows; `differences(actual, gold)` lists what differs, field by field.
Strings are compared without white space, as the acceptance does.
"""

import json
import re
from pathlib import Path

FIELDS = (
    "annex",
    "group",
    "leader",
    "seq",
    "name",
    "text",
    "units",
    "lead_units",
    "deadline",
    "remark",
)
_SPACE = re.compile(r"\s+")


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def rows_from_parsed(parsed: dict) -> list[dict]:
    rows = []
    for plan in parsed["plans"]:
        annex = plan.get("annex")
        for section in plan["sections"]:
            for item in section["items"]:
                leaders = item["leaders"] or section["leaders"]
                rows.append(
                    {
                        "annex": int(annex) if annex and annex.isdigit() else annex,
                        "group": section["heading"] or plan["title"],
                        "leader": "、".join(leader["name"] for leader in leaders) or None,
                        "seq": item["seq"],
                        "name": item["name"],
                        "text": item["text"],
                        "units": [unit["name"] for unit in item["units"]],
                        "lead_units": [
                            unit["name"] for unit in item["units"] if unit["role"] == "lead"
                        ],
                        "deadline": item["deadline"],
                        "remark": item["remark"],
                    }
                )
    return rows


def _norm(value, normalise=None):
    if isinstance(value, str):
        value = _SPACE.sub("", value)
        return normalise(value) if normalise else value
    if isinstance(value, list):
        return [_norm(part, normalise) for part in value]
    return value


def differences(actual: list[dict], gold: list[dict], fields=FIELDS, normalise=None) -> list[str]:
    """Human-readable differences; [] when every row and field agrees.

    `normalise` maps both sides' strings before comparing (e.g. full-width folding).
    """
    found = []
    if len(actual) != len(gold):
        found.append(f"{len(actual)} rows parsed, {len(gold)} in the gold")
    for index, (mine, want) in enumerate(zip(actual, gold, strict=False)):
        where = f"row {index + 1} (annex {want.get('annex')}, seq {want.get('seq')})"
        for field in fields:
            if _norm(mine.get(field), normalise) != _norm(want.get(field), normalise):
                found.append(
                    f"{where} {field}: parsed {mine.get(field)!r}, gold {want.get(field)!r}"
                )
    return found


def report(found: list[str], limit: int = 30) -> str:
    shown = "\n".join(found[:limit])
    more = f"\n... and {len(found) - limit} more" if len(found) > limit else ""
    return f"{len(found)} differences from the gold:\n{shown}{more}"
