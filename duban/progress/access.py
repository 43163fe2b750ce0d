"""Who may see which reports, attachments and cycles; helpers answer 404 outside the scope.

- The office sees every report.
- A district leader sees the reports on the tasks they lead.
- A unit sees its own reports, and on the tasks it leads, the parts its cooperating units
  have submitted.
- A draft is its unit's own: only the unit and the office see it.

Seeing is not acting: editing, submitting, consolidating and reviewing are checked by the
model methods, which raise PermissionDenied (a 403) for a user who may see but not act.
"""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from duban.accounts.access import is_office, official_of, unit_id_of
from duban.ledger.access import visible_tasks
from duban.progress.choices import ReportKind, ReportState
from duban.progress.models import Attachment, Milestone, Report, ReportingCycle, led_task_ids


def visible_reports(user) -> QuerySet[Report]:
    if is_office(user):
        return Report.objects.all()
    if official_of(user) is not None:
        return Report.objects.not_draft().filter(task__in=visible_tasks(user))
    if (unit_id := unit_id_of(user)) is not None:
        parts_to_consolidate = Q(kind=ReportKind.PART, task__in=led_task_ids(unit_id)) & ~Q(
            state=ReportState.DRAFT
        )
        return Report.objects.filter(Q(unit_id=unit_id) | parts_to_consolidate)
    return Report.objects.none()


def visible_consolidated(user) -> QuerySet[Report]:
    """visible_reports(user).consolidated(), without the clause of the parts a unit reads
    on the tasks it leads, which no consolidated report meets: a list's latest-progress
    subquery, run for each of its rows, is the simpler for it."""
    if not is_office(user) and official_of(user) is None and (unit_id := unit_id_of(user)):
        return Report.objects.filter(unit_id=unit_id).consolidated()
    return visible_reports(user).consolidated()


def visible_cycles(user) -> QuerySet[ReportingCycle]:
    if is_office(user):
        return ReportingCycle.objects.all()
    return ReportingCycle.objects.for_tasks(visible_tasks(user))


def get_report_for_user(user, pk: int) -> Report:
    """The report, or 404 when it does not exist or lies outside the user's scope."""
    queryset = visible_reports(user).select_related("task", "unit", "cycle", "cycle__plan")
    return get_object_or_404(queryset, pk=pk)


def get_attachment_for_user(user, pk: int) -> Attachment:
    return get_object_or_404(
        Attachment.objects.filter(report__in=visible_reports(user)).select_related("report"),
        pk=pk,
    )


def get_cycle_for_user(user, pk: int) -> ReportingCycle:
    return get_object_or_404(visible_cycles(user).select_related("plan"), pk=pk)


def get_milestone_for_user(user, pk: int) -> Milestone:
    return get_object_or_404(
        Milestone.objects.filter(task__in=visible_tasks(user)).select_related("task"), pk=pk
    )
