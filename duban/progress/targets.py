"""Target values reported with consolidated reports, recorded through the targets app."""

from duban.progress.models import Report, TransitionError
from duban.targets.choices import MetricKind, ValueSource
from duban.targets.models import Target
from duban.targets.values import AlreadyRecorded, record_value

__all__ = ["record_report_values", "reportable_targets"]


def reportable_targets(report: Report):
    """The task's active targets the report asks values for.

    Only the lead unit reports them, so that a task never gets two competing numbers for
    one date; macro indicators (GDP…) come from the statistics release, never from units.
    """
    if not report.is_consolidated_kind:
        return Target.objects.none()
    return (
        Target.objects.active()
        .filter(task_id=report.task_id)
        .exclude(metric__kind=MetricKind.MACRO)
        .select_related("metric")
    )


def record_report_values(report: Report, user) -> None:
    """Record each value of `report.target_values` as of the cycle's last day."""
    values = {k: v for k, v in (report.target_values or {}).items() if v not in (None, "")}
    if not values:
        return
    for target in reportable_targets(report).filter(pk__in=[int(k) for k in values]):
        try:
            record_value(
                target,
                values[str(target.pk)],
                report.cycle.period_end,
                user=user,
                source=ValueSource.REPORT,
                report=report,
            )
        except AlreadyRecorded as exc:
            raise TransitionError(" ".join(exc.messages)) from exc
