"""A task's audit trail: its own log entries and those of its reports, milestones, problems,
notices, targets and their metrics, each as far as the user may see it."""

from django.db.models import Q

from duban.accounts.access import is_office, unit_id_of
from duban.audit.models import LogEntry
from duban.progress.access import visible_reports
from duban.progress.actions import AttachmentAction, ReportAction
from duban.supervision.access import visible_supervision_notices
from duban.targets.models import Metric

# A report's working entries: only its unit and the office see how it was drafted; others
# see it from the moment it is handed in (submitted, folded, reviewed).
WORKING_ACTIONS = (
    ReportAction.CREATED,
    ReportAction.EDITED,
    AttachmentAction.ADDED,
    AttachmentAction.REMOVED,
)


def _ids(queryset) -> list[str]:
    return [str(pk) for pk in queryset.values_list("pk", flat=True)]


def _entries_about(object_type: str, ids: list[str]) -> Q:
    # An empty Q() would match every entry, so no ids means no entry.
    return Q(object_type=object_type, object_id__in=ids) if ids else Q(pk__in=[])


def timeline_for_task(task, user, limit: int = 200):
    """The entries about the task that `user` may see, oldest first (the last `limit`).

    The office sees all. Others see the reports, 督办单 and problems their access helpers
    show them, and another unit's report only from its submission on (not its drafts, edits
    and attachments). This causes a query per related object type and one for the entries.
    """
    office = is_office(user)
    reports = task.reports.all() if office else visible_reports(user).filter(task=task)
    own_reports = reports if office else reports.filter(unit_id=unit_id_of(user))
    notices = (
        task.supervision_notices.all()
        if office
        else visible_supervision_notices(user).filter(task=task)
    )
    targets = task.targets.all()
    condition = (
        _entries_about("ledger.task", [str(task.pk)])
        | _entries_about("progress.report", _ids(own_reports))
        | (
            _entries_about("progress.report", _ids(reports.exclude(pk__in=own_reports)))
            & ~Q(action__in=WORKING_ACTIONS)
        )
        | _entries_about("progress.milestone", _ids(task.milestones.all()))
        | _entries_about("supervision.problem", _ids(task.problems.all()))
        | _entries_about("supervision.supervisionnotice", _ids(notices))
        | _entries_about("targets.target", _ids(targets))
        | _entries_about("targets.metric", _ids(Metric.objects.filter(targets__task=task)))
    )
    entries = LogEntry.objects.filter(condition).order_by("-timestamp", "-pk")[:limit]
    return list(reversed(entries))
