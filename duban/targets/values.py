"""Recording values: a target's own, or a metric's once for every target bound to it (最多报一次).

Who records what: the lead unit reports its task's values with its consolidated report, and
they are recorded when the office accepts the report (`record_value` with the report);
the office enters values itself and imports statistics releases (`record_metric_value`);
macro indicators never come from units.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction

from duban.accounts.access import is_office
from duban.audit.log import record
from duban.ledger.signals import announce_tasks_changed
from duban.lib.transitions import TransitionError
from duban.progress.choices import ReportState
from duban.targets.actions import ValueAction
from duban.targets.checks import describe_problem, impossible
from duban.targets.choices import ValueSource
from duban.targets.models import Measurement, Metric, Target

__all__ = [
    "AlreadyRecorded",
    "ImpossibleValue",
    "entered_value",
    "record_metric_value",
    "record_value",
]


class AlreadyRecorded(TransitionError):
    """A unit reported a value that the office or a statistics import has already entered."""


class ImpossibleValue(TransitionError):
    """A value the target cannot take (a negative count, a share over 100 %)."""


def _require_recorder(target: Target, *, user, source: str, report) -> None:
    """Refuse a value that does not come from whom the target's values belong to."""
    if source == ValueSource.REPORT:
        if target.metric.is_macro:
            raise PermissionDenied("宏观指标由督查室录入或从统计数据导入，单位无需报送。")
        if report is None or report.task_id != target.task_id or not report.is_consolidated_kind:
            raise PermissionDenied("指标数值由牵头单位随本任务的汇总报告报送。")
        if report.state != ReportState.ACCEPTED:
            raise PermissionDenied("报告中的指标数值经督查室审核通过后才记录。")
    elif user is not None and not is_office(user):
        # user None is the system: a command run from the console.
        raise PermissionDenied("只有督查室可以直接录入指标数值。")


def record_value(
    target: Target,
    value,
    on_date: date,
    *,
    user,
    source: str,
    report=None,
    note: str = "",
    counts_from: date | None = None,
) -> Measurement:
    """Record the target's value as of `on_date` and return the Measurement.

    For a macro metric (地区生产总值…) the value is stored once on the metric and fills every
    target bound to it. Quantities are cumulative from the start of the target's period, growth
    is the cumulative year-on-year rate in %, levels and shares the level. Recording again on the
    same date corrects the value, except that a unit's report never overwrites the office's or
    an import's (raises AlreadyRecorded). `report`, the consolidated report a unit's value
    came with, is kept on the Measurement; its submitter is the value's reporter;
    `counts_from`, the day it was accepted, is when it starts to count for statuses. Raises
    PermissionDenied for a value from anyone else (see `_require_recorder`) and
    ImpossibleValue for a value the target cannot take.
    """
    value = Decimal(str(value))
    _require_recorder(target, user=user, source=source, report=report)
    if (problem := impossible(target, value)) is not None:
        raise ImpossibleValue(describe_problem(target, value, problem))
    if target.metric.is_macro:
        return record_metric_value(
            target.metric, value, on_date, unit=target.unit, user=user, source=source, note=note
        )
    return _store(
        {"target": target, "on_date": on_date},
        target,
        value,
        unit=target.unit,
        user=user,
        source=source,
        report=report,
        note=note,
        counts_from=counts_from,
    )


def entered_value(target: Target, on_date: date) -> Measurement | None:
    """The target's own value on `on_date` that the office or an import entered, if any.

    A unit's report does not overwrite it (see AlreadyRecorded).
    """
    return (
        Measurement.objects.filter(target=target, on_date=on_date)
        .exclude(source=ValueSource.REPORT)
        .first()
    )


def record_metric_value(
    metric: Metric,
    value,
    on_date: date,
    *,
    unit: str,
    user,
    source: str,
    note: str = "",
) -> Measurement:
    """Record a metric's value (e.g. from the statistics release) for every target bound to it.

    Only the office (or the system) records a metric's value: it fills tasks of every unit.
    """
    if source == ValueSource.REPORT or (user is not None and not is_office(user)):
        raise PermissionDenied("宏观指标由督查室录入或从统计数据导入，单位无需报送。")
    return _store(
        {"metric": metric, "on_date": on_date, "unit": unit},
        metric,
        value,
        unit=unit,
        user=user,
        source=source,
        report=None,
        note=note,
    )


@transaction.atomic
def _store(
    key: dict, owner, value, *, unit, user, source, report, note, counts_from=None
) -> Measurement:
    value = Decimal(str(value))
    if report is not None:
        reporter = report.submitted_by
    else:
        reporter = user if user is not None and user.is_authenticated else None
    measurement = Measurement.objects.select_for_update().filter(**key).first()
    taking = Target.objects.active().taking(key, unit)
    announce_tasks_changed(taking.values_list("task_id", flat=True))
    data = {"on_date": key["on_date"].isoformat(), "value": str(value), "unit": unit}
    data["source"] = source
    if report is not None:
        # Names as well as the id, so the timeline says who reported it and in which report.
        data["report"] = report.pk
        data["report_name"] = f"{report.unit.name} · {report.cycle.name}"
    if reporter is not None:
        data["reported_by"] = reporter.get_username()
    if measurement is None:
        measurement = Measurement.objects.create(
            **{**key, "unit": unit},
            value=value,
            source=source,
            note=note,
            reported_by=reporter,
            report=report,
            counts_from=counts_from,
        )
        record(ValueAction.RECORDED, owner, user=user, data=data)
        return measurement
    if source == ValueSource.REPORT and measurement.source != ValueSource.REPORT:
        raise AlreadyRecorded(
            f"{owner} {key['on_date']:%Y年%m月} 的数值已由{measurement.get_source_display()}"
            f"录入（{measurement.value}{measurement.unit}），无需重复填报。"
        )
    data["old_value"] = str(measurement.value)
    measurement.value = value
    measurement.source = source
    measurement.note = note
    measurement.reported_by = reporter
    measurement.report = report
    measurement.counts_from = counts_from
    measurement.save(
        update_fields=[
            "value",
            "source",
            "note",
            "reported_by",
            "report",
            "counts_from",
            "updated_at",
        ]
    )
    record(ValueAction.CHANGED, owner, user=user, data=data)
    return measurement
