"""The rules the progress models share: report states, who acts for which unit, who leads a task."""

from django.db.models import Q

from duban.ledger.choices import AssignmentRole
from duban.ledger.models import Assignment, Task
from duban.progress.choices import ReportState

EDITABLE_STATES = (ReportState.DRAFT, ReportState.RETURNED)
DELIVERED_STATES = (ReportState.SUBMITTED, ReportState.CONSOLIDATED, ReportState.ACCEPTED)
STALE_REPORT_MESSAGE = "该报告已被他人修改，请刷新后重试"


def led_task_ids(unit_id: int):
    """A subquery of the tasks whose parts the unit reads as (one of) its leading units.

    It follows `Task.lead_unit_id`, except that every 牵头 unit of a row with several reads them.
    """
    overrides = Task.lead_override_units.through.objects
    own = Assignment.objects.filter(unit_id=unit_id)
    with_lead = Assignment.objects.filter(role=AssignmentRole.LEAD).values("task_id")
    led = Q(pk__in=overrides.filter(unit_id=unit_id).values("task_id"))
    led |= ~Q(pk__in=overrides.values("task_id")) & (
        Q(pk__in=own.filter(role=AssignmentRole.LEAD).values("task_id"))
        | (Q(pk__in=own.filter(role=AssignmentRole.JOINT).values("task_id")) & ~Q(pk__in=with_lead))
    )
    return Task.objects.filter(led).values("pk")
