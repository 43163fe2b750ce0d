"""The latest progress a list of tasks shows: each task's newest delivered consolidated report."""

from collections.abc import Iterable

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from duban.progress.access import visible_consolidated
from duban.progress.models import Report


def with_latest_report(tasks: QuerySet, user) -> QuerySet:
    """`tasks` annotated with `latest_report_id`: the newest consolidated report `user` may
    see that its unit handed in, or None. `attach_latest_progress()` reads its text and date.

    A task printed twice reads the reports of the copy it repeats. One subquery on the
    progress_report_task_cycle index, so a page of rows costs no query per row.
    """
    latest = (
        visible_consolidated(user)
        .delivered()
        .filter(task_id=Coalesce(OuterRef("twin_of_id"), OuterRef("pk")))
        .order_by("-cycle__period_end", "-submitted_at", "-pk")
    )
    return tasks.annotate(latest_report_id=Subquery(latest.values("pk")[:1]))


def attach_latest_progress(tasks: Iterable) -> None:
    """Set `latest_progress` and `latest_submitted_at` on tasks loaded by
    `with_latest_report()`, in one query for them all (None without a report).

    Reading them in the same subquery as the id would repeat it, visibility rules and all,
    for each column of each row.
    """
    tasks = list(tasks)
    ids = {task.latest_report_id for task in tasks if task.latest_report_id}
    reports = (
        Report.objects.filter(pk__in=ids).order_by().values_list("pk", "progress", "submitted_at")
    )
    found = {pk: (progress, submitted_at) for pk, progress, submitted_at in reports} if ids else {}
    for task in tasks:
        task.latest_progress, task.latest_submitted_at = found.get(
            task.latest_report_id, (None, None)
        )
