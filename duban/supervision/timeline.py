"""A task's audit trail: its own log entries and those of its reports, milestones, problems and notices."""

from django.db.models import Q

from duban.audit.models import LogEntry


def _ids(queryset) -> list[str]:
    return [str(pk) for pk in queryset.values_list("pk", flat=True)]


def timeline_for_task(task, limit: int = 200):
    """The task's log entries, oldest first (the last `limit` of them); read-only.

    This causes one query per related object type and one for the entries.
    """
    related = {
        "ledger.task": [str(task.pk)],
        "progress.report": _ids(task.reports.all()),
        "progress.milestone": _ids(task.milestones.all()),
        "supervision.problem": _ids(task.problems.all()),
        "supervision.supervisionnotice": _ids(task.supervision_notices.all()),
    }
    condition = Q()
    for object_type, ids in related.items():
        if ids:
            condition |= Q(object_type=object_type, object_id__in=ids)
    entries = LogEntry.objects.filter(condition).order_by("-timestamp", "-pk")[:limit]
    return list(reversed(entries))
