"""Refusing what is not a notice of the genre: a file whose rows assign no unit or leader,
or that divides the leaders' portfolios among them."""

import re

from duban.parsing.document import Document, Paragraph, Table
from duban.parsing.errors import NO_TASKS, ParseError
from duban.parsing.lists import numbering
from duban.parsing.model import ParsedNotice

# Enough headings to tell a 督查通报 from a notice; a one-line message stays one line.
_HEADINGS_SHOWN = 5
_HEADING = 40
# 「关于调整市人民政府领导同志工作分工的通知」: who oversees which bodies, with no task to do.
_DIVISION_OF_DUTIES = re.compile(r"领导(?:同志|班子成员|成员)?(?:工作)?分工")


def refuse_without_tasks(document: Document, parsed: ParsedNotice) -> None:
    """Raise ParseError(no_tasks) unless some row names a unit or a leader.

    A task of the genre is assigned: a 督查通报 or a policy explainer numbers its sentences
    too, but names no one responsible; a progress table's rows are read as progress. A
    division of the leaders' duties names leaders and bodies, but assigns no task.
    """
    if _DIVISION_OF_DUTIES.search(parsed.notice.title or ""):
        seen = _seen(document, parsed)
        raise ParseError(
            f"a division of the leaders' duties, not tasks: {_describe(seen)}", NO_TASKS, seen
        )
    for plan in parsed.plans:
        for section in plan.sections:
            if section.leaders and section.items:
                return
            if any(item.units or item.leaders for item in section.items):
                return
    seen = _seen(document, parsed)
    raise ParseError(f"no task rows found: {_describe(seen)}", NO_TASKS, seen)


def _seen(document: Document, parsed: ParsedNotice) -> dict:
    tables = [block for block in document.blocks if isinstance(block, Table)]
    headings = [
        block.text.strip()
        for block in document.blocks
        if isinstance(block, Paragraph) and _is_heading(block.text)
    ]
    progress = any(warning.code == "progress_table" for warning in parsed.warnings)
    return {
        "title": parsed.notice.title,
        "tables": len(tables),
        "rows": sum(len(table.rows) for table in tables),
        "paragraphs": len(document.blocks) - len(tables),
        "headings": headings[:_HEADINGS_SHOWN],
        "items": sum(len(section.items) for plan in parsed.plans for section in plan.sections),
        "progress_table": progress,
    }


def _is_heading(text: str) -> bool:
    number = numbering(text)
    return number is not None and number.style in ("cn", "pcn") and len(text.strip()) <= _HEADING


def _describe(seen: dict) -> str:
    parts = [f"{seen['paragraphs']} paragraphs", f"{seen['tables']} tables"]
    if seen["progress_table"]:
        parts.append("progress reported (当前进度, 推进情况), not tasks assigned")
    if seen["items"]:
        parts.append(f"{seen['items']} numbered items without units or leaders")
    if seen["headings"]:
        parts.append("headings " + " / ".join(seen["headings"]))
    return "; ".join(parts)
