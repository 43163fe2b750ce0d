"""The ledger (台账) as an Excel workbook: one row per task, and the download that serves it."""

import tempfile
from collections.abc import Callable

from django.db.models import QuerySet
from django.http import FileResponse

from duban.exports.records import COLUMNS, ledger_records
from duban.exports.xlsx import add_sheet, new_workbook
from duban.ledger.models import Task
from duban.lib import clock
from duban.progress.access import visible_reports

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def numbered(tasks: QuerySet[Task], progress: Callable[[], None] | None = None, reports=None):
    """The ledger's cells behind a running 序号; the notice's own number follows the plan."""
    for index, row in enumerate(ledger_records(tasks, reports), start=1):
        if progress:
            progress()
        yield (index, *row)


def write_ledger(tasks: QuerySet[Task], target, title: str, progress=None, reports=None) -> int:
    """Write the tasks' ledger to `target` (a path or a binary file); returns the rows.

    `reports` limits the progress column to what a user may read (all reports by default)."""
    workbook = new_workbook()
    today = clock.today()
    headline = [f"{title}（截至{today.year}年{today.month}月{today.day}日）"]
    count = add_sheet(
        workbook, "台账", COLUMNS, numbered(tasks, progress, reports), before=[headline]
    )
    workbook.save(target)
    return count


def ledger_response(tasks: QuerySet[Task], title: str, user) -> FileResponse:
    """The ledger as `user` downloads it, spooled through a temporary file rather than memory."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    write_ledger(tasks, spool, title, reports=visible_reports(user))
    spool.seek(0)
    filename = f"{title}-{clock.today():%Y%m%d}.xlsx"
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX)


def wants_xlsx(request) -> bool:
    return request.GET.get("format") == "xlsx"
