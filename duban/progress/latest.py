"""The latest progress a list of tasks shows: each task's newest delivered consolidated report."""

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from duban.progress.access import visible_reports


def with_latest_report(tasks: QuerySet, user) -> QuerySet:
    """`tasks` annotated with the newest consolidated report `user` may see that its unit
    handed in: `latest_report_id`, `latest_progress` and `latest_submitted_at` (None without one).

    A task printed twice reads the reports of the copy it repeats. Subqueries on the
    progress_report_task_cycle index, so a page of rows costs no query per row.
    """
    latest = (
        visible_reports(user)
        .consolidated()
        .delivered()
        .filter(task_id=Coalesce(OuterRef("twin_of_id"), OuterRef("pk")))
        .order_by("-cycle__period_end", "-submitted_at", "-pk")
    )
    return tasks.annotate(
        latest_report_id=Subquery(latest.values("pk")[:1]),
        latest_progress=Subquery(latest.values("progress")[:1]),
        latest_submitted_at=Subquery(latest.values("submitted_at")[:1]),
    )
