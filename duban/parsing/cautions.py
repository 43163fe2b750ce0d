"""What the parser warns about, by code, with its English wording (interfaces translate)."""

from duban.parsing.document import Location, ParseWarning

MESSAGES = {
    "empty_section": "section without tasks",
    "empty_plan": "plan without tasks",
    "partial_row": "row cut short by the end of the copy",
    "unassigned_row": "row without a unit or leader",
    "cut_text": "text cut short",
    "loose_note": "note not attached to a task",
    "loose_label": "label line without a task",
    "loose_leader": "leader line without a task or section",
    "unknown_row": "table row of unknown layout not read",
    "outside_row": "table row outside the annexes not read",
    "progress_table": "rows or items report progress, they assign no tasks: not read",
    "extra_columns": "columns not recognised, their cells are kept as extra",
    "no_task_column": "table without a task column",
    "loose_paragraph": "paragraph not placed",
    "leader_not_names": "leader cell not read as names",
}


def warning(code: str, detail: str, location: Location | None) -> ParseWarning:
    message = f"{MESSAGES[code]}: {detail}" if detail else MESSAGES[code]
    return ParseWarning(message, location, code, detail)
