"""Who may see targets and metrics, on top of `duban.ledger.access`.

Values are recorded by the office (or a statistics import) and, for a task's own targets,
by its lead unit through its consolidated report: see `duban.targets.values`.
"""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from duban.accounts.access import get_profile, is_office
from duban.ledger.access import visible_tasks
from duban.targets.choices import MetricKind
from duban.targets.models import Metric, Target


def get_target_for_user(user, pk: int) -> Target:
    """The target, or 404 when its task lies outside the user's scope."""
    targets = Target.objects.for_tasks(visible_tasks(user)).select_related(
        "task__plan__notice", "metric"
    )
    return get_object_or_404(targets, pk=pk)


def visible_metrics(user) -> QuerySet[Metric]:
    """The office sees every metric; a leader or a unit the macro indicators and the metrics
    of its tasks' targets; a user without a role none."""
    if is_office(user):
        return Metric.objects.all()
    if get_profile(user) is None:
        return Metric.objects.none()
    targets = Target.objects.for_tasks(visible_tasks(user))
    return Metric.objects.filter(Q(kind=MetricKind.MACRO) | Q(pk__in=targets.values("metric_id")))


def get_metric_for_user(user, pk: int) -> Metric:
    """The metric, or 404 when it lies outside the user's scope."""
    return get_object_or_404(visible_metrics(user), pk=pk)
