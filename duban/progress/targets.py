"""Target values reported with consolidated reports, recorded through the targets app.

The lead unit enters them with its report; consolidating checks them, and they are recorded
(and count for the task's status) only once the office accepts the report.
"""

from decimal import Decimal

from duban.lib import clock
from duban.lib.transitions import TransitionError
from duban.progress.models import Report
from duban.targets.checks import describe_problem, far_off, impossible
from duban.targets.choices import MetricKind, ValueSource
from duban.targets.models import Target
from duban.targets.values import AlreadyRecorded, ImpossibleValue, entered_value, record_value

__all__ = [
    "check_report_values",
    "record_report_values",
    "reportable_targets",
    "reportable_targets_of",
    "reported_values",
    "value_rows",
]


def reportable_targets(report: Report):
    """The task's active targets the report asks values for.

    Only the lead unit reports them, so that a task never gets two competing numbers for
    one date; macro indicators (GDP…) come from the statistics release, never from units.
    """
    if not report.is_consolidated_kind:
        return Target.objects.none()
    return reportable_targets_of([report.task_id])


def reportable_targets_of(task_ids):
    """The active targets of the tasks that a lead unit's report gives values for."""
    return (
        Target.objects.active()
        .filter(task_id__in=task_ids)
        .exclude(metric__kind=MetricKind.MACRO)
        .select_related("metric", "task__plan")
    )


def reported_values(report: Report, targets=None) -> list[tuple[Target, Decimal]]:
    """The reportable targets the report gives a value for, with the value; `targets`, when
    given, are the report's reportable targets, already read."""
    values = {k: v for k, v in (report.target_values or {}).items() if v not in (None, "")}
    if targets is None:
        targets = reportable_targets(report)
    return [
        (target, Decimal(values[str(target.pk)])) for target in targets if str(target.pk) in values
    ]


def value_rows(report: Report, targets=None) -> list[dict]:
    """Each reportable target with the report's value and how far off its path it lies;
    `targets`, when given, are the report's reportable targets, already read."""
    if targets is None:
        targets = list(reportable_targets(report))
    given = dict(reported_values(report, targets))
    on_date = report.cycle.period_end
    return [
        {
            "target": target,
            "value": given.get(target),
            "far_off": far_off(target, given[target], on_date) if target in given else None,
        }
        for target in targets
    ]


def check_report_values(report: Report) -> None:
    """Refuse, before the report goes to the office, a value that could not be recorded."""
    on_date = report.cycle.period_end
    for target, value in reported_values(report):
        if (problem := impossible(target, value)) is not None:
            raise TransitionError(describe_problem(target, value, problem))
        if (entered := entered_value(target, on_date)) is not None:
            raise TransitionError(
                f"{target} {on_date:%Y年%m月} 的数值已由{entered.get_source_display()}"
                f"录入（{entered.value}{entered.unit}），无需重复填报。"
            )


def record_report_values(report: Report, user) -> None:
    """Record each value of the accepted report as of the cycle's last day, counting from
    today (its acceptance): a status judged before then did not know it.

    A value the office entered after the report was submitted stands; an impossible one
    (sent before the checks existed) refuses the acceptance, so the office returns the report.
    """
    on_date = report.cycle.period_end
    for target, value in reported_values(report):
        try:
            record_value(
                target,
                value,
                on_date,
                user=user,
                source=ValueSource.REPORT,
                report=report,
                counts_from=max(on_date, clock.today()),
            )
        except AlreadyRecorded:
            continue
        except ImpossibleValue as exc:
            raise TransitionError(f"{exc}，请退回修改。") from exc
