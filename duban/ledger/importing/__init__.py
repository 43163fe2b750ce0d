"""Importing a parsed notice into the ledger: a preview that writes nothing, then one transaction.

Which notice. The same file (by sha256) is the notice it was imported as, and nothing changes.
Otherwise a notice with the same 文号 (or, without one, the same title) and a plan of the same
kind is the same notice: another rendering of it, or a revision.

Which row. Rows keep their identity (primary key) across versions, so their reports and
history stay with them. Within a matched plan, rows are paired in passes: same section
leaders, seq and text; same section and text; same text; then by a score that favours the
same section leaders and seq (a row edited in place) and text similarity (difflib) for rows
renumbered or moved. Text is compared without white space, so renderings that wrap or pad
differently compare equal.

Removed rows are deleted when nothing but the ledger refers to them; a row that other apps
refer to (reports, targets…) or whose placeholders the office resolved is withdrawn instead
(Task.status), and comes back to life if a later version has it again.
"""

import hashlib
from dataclasses import dataclass, field

from django.db import transaction

from duban.ledger.changes import ChangeReport
from duban.ledger.importing.corrections import apply_corrections, column_roles, read
from duban.ledger.importing.diff import Diff
from duban.ledger.importing.writer import Writer
from duban.ledger.models import Notice, Task
from duban.ledger.signals import announce_tasks_changed, notice_imported
from duban.lib.locks import hold_lock
from duban.parsing import ParseError, parse_notice
from duban.parsing.errors import NO_TASKS
from duban.parsing.model import ParsedNotice

__all__ = [
    "ImportPreview",
    "apply_import",
    "compare",
    "prepare_import",
    "prepare_parsed",
    "unchecked",
]


@dataclass
class ImportPreview:
    """A parsed notice and what importing it would change; nothing is written yet."""

    filename: str
    data: ParsedNotice
    file_hash: str
    file_size: int
    content: bytes | None = field(default=None, repr=False)
    notice: Notice | None = None
    report: ChangeReport = field(default_factory=ChangeReport)
    # Compare the rows even if the same file was imported before: the office corrected its
    # reading since.
    recheck: bool = False

    @property
    def same_file(self) -> bool:
        return self.report.same_file


def prepare_import(data: bytes, filename: str) -> ImportPreview:
    """Parse a file and compare it with the ledger. Raises ParseError for an unreadable file.

    The corrections the office made when the same notice was last imported apply again.
    """
    parsed = parse_notice(data, filename)
    doc_number = parsed.notice.doc_number or ""
    previous = Notice.objects.imported_as(hashlib.sha256(data).hexdigest(), doc_number)
    if previous is not None and previous.import_corrections:
        corrections = previous.import_corrections
        if column_roles(corrections):
            parsed = read(data, filename, corrections)
        parsed = apply_corrections(parsed, corrections).notice
    return prepare_parsed(parsed, content=data, filename=filename)


def prepare_parsed(
    parsed: ParsedNotice,
    *,
    content: bytes | None = None,
    filename: str = "",
    recheck: bool = False,
) -> ImportPreview:
    """Compare an already parsed notice with the ledger.

    Raises ParseError when the notice has no task rows: there would be nothing to supervise.
    """
    return compare(unchecked(parsed, content=content, filename=filename, recheck=recheck))


def unchecked(
    parsed: ParsedNotice,
    *,
    content: bytes | None = None,
    filename: str = "",
    recheck: bool = False,
) -> ImportPreview:
    """A parsed notice ready to compare or import, not yet compared; ParseError without rows."""
    if not any(section.items for plan in parsed.plans for section in plan.sections):
        raise ParseError("未找到任务分解表：文件中没有可导入的任务", NO_TASKS)
    if content is not None:
        file_hash = hashlib.sha256(content).hexdigest()
        file_size = len(content)
    else:
        file_hash = parsed.source.sha256 if parsed.source else ""
        file_size = 0
    return ImportPreview(
        filename=filename or (parsed.source.filename if parsed.source else ""),
        data=parsed,
        file_hash=file_hash,
        file_size=file_size,
        content=content,
        recheck=recheck,
    )


def compare(preview: ImportPreview) -> ImportPreview:
    """`preview` with what importing it would change, compared with the ledger as it is."""
    diff = Diff(preview.data, preview.file_hash, recheck=preview.recheck)
    preview.notice, preview.report = diff.notice, diff.report
    return preview


def apply_import(preview: ImportPreview, *, user=None) -> Notice:
    """Create or update the notice in one transaction and audit it; returns the notice.

    The comparison is made again inside the transaction, so the ledger is updated from its
    current state; `preview.report` is replaced by the report actually applied.
    """
    with transaction.atomic():
        # Two first imports of one notice at once would both find no notice and create two.
        hold_lock("ledger.import")
        diff = Diff(preview.data, preview.file_hash, recheck=preview.recheck)
        preview.notice, preview.report = diff.notice, diff.report
        if diff.report.same_file or diff.report.is_empty:
            return diff.notice
        writer = Writer(preview, diff, user)
        notice = writer.run()
        notice_imported.send(sender=Notice, notice=notice, user=user, targets=writer.targets)
        tasks = Task.objects.active().filter(plan__notice=notice)
        announce_tasks_changed(tasks.values_list("pk", flat=True), regrouped=True)
        return notice
