"""The ledger (台账) as an Excel workbook: one row per task, and the download that serves it."""

import json
import tempfile
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.http import FileResponse
from django.shortcuts import redirect
from django.tasks import task

from duban.exports.records import COLUMNS, ledger_records
from duban.exports.xlsx import add_sheet, new_workbook
from duban.jobs.choices import JobKind
from duban.jobs.models import Job
from duban.jobs.running import Outcome, Ticker, run
from duban.ledger.models import Task
from duban.lib import clock
from duban.progress.access import visible_reports

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Rows past which the ledger is written in the background: a province's 10⁵ rows take ten
# seconds, longer than a click should hold a web worker.
BACKGROUND_ROWS = 5000


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


def ledger_response(tasks: QuerySet[Task], title: str, user):
    """The ledger as `user` downloads it, spooled through a temporary file rather than memory;
    past BACKGROUND_ROWS rows, written by a background job whose page the user is sent to."""
    ids = tasks.order_by().values("pk")
    filename = f"{title}-{clock.today():%Y%m%d}.xlsx"
    if ids[: BACKGROUND_ROWS + 1].count() > BACKGROUND_ROWS:
        # The tasks as the page chose them, filters and access rules included, frozen as the
        # SQL that selects their ids: the job runs it on the same database a moment later.
        sql, params = ids.query.sql_with_params()
        # A date compares as its ISO text on both databases.
        params = json.loads(json.dumps(params, cls=DjangoJSONEncoder))
        job = Job.start(
            write_ledger_job,
            kind=JobKind.EXPORT,
            title=f"{title}（Excel）",
            user=user,
            params={"title": title, "filename": filename, "sql": sql, "params": params},
        )
        return redirect(job)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    write_ledger(tasks, spool, title, reports=visible_reports(user))
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX)


@task
def write_ledger_job(job_id: int) -> None:
    run(job_id, _write_ledger)


def _write_ledger(job: Job) -> Outcome:
    # Written by ledger_response from the ORM, never from what a user typed (in params).
    chosen = RawSQL(job.params["sql"], job.params["params"])  # noqa: S611
    tasks = Task.objects.filter(pk__in=chosen)
    tick = Ticker(job, tasks.count(), "逐行写入台账")
    with tempfile.TemporaryFile() as spool:
        reports = visible_reports(job.started_by)
        write_ledger(tasks, spool, job.params["title"], progress=tick, reports=reports)
        spool.seek(0)
        content = ContentFile(spool.read(), name=job.params["filename"])
    return Outcome(file=content, content_type=XLSX)


def wants_xlsx(request) -> bool:
    return request.GET.get("format") == "xlsx"
