"""Recording values: a target's own, or a metric's once for every target bound to it (最多报一次).

Other apps record unit-reported values through `record_value`; statistics imports go
through `record_metric_value`.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from duban.audit.log import record
from duban.targets.choices import ValueSource
from duban.targets.models import Measurement, Metric, Target

__all__ = ["AlreadyRecorded", "record_metric_value", "record_value"]


class AlreadyRecorded(ValidationError):
    """A unit reported a value that the office or a statistics import has already entered."""


def record_value(
    target: Target,
    value,
    on_date: date,
    *,
    user,
    source: str,
    report=None,
    note: str = "",
) -> Measurement:
    """Record the target's value as of `on_date` and return the Measurement.

    For a macro metric (地区生产总值…) the value is stored once on the metric and fills every
    target bound to it. Quantities are cumulative from the start of the target's period, growth
    is the cumulative year-on-year rate in %, levels and shares the level. Recording again on the
    same date corrects the value, except that a unit's report never overwrites the office's or
    an import's (raises AlreadyRecorded). `report`, the progress report the value came with,
    is noted in the audit entry.
    """
    if target.metric.is_macro:
        return record_metric_value(
            target.metric,
            value,
            on_date,
            unit=target.unit,
            user=user,
            source=source,
            report=report,
            note=note,
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
    )


def record_metric_value(
    metric: Metric,
    value,
    on_date: date,
    *,
    unit: str,
    user,
    source: str,
    report=None,
    note: str = "",
) -> Measurement:
    """Record a metric's value (e.g. from the statistics release) for every target bound to it."""
    return _store(
        {"metric": metric, "on_date": on_date, "unit": unit},
        metric,
        value,
        unit=unit,
        user=user,
        source=source,
        report=report,
        note=note,
    )


@transaction.atomic
def _store(key: dict, owner, value, *, unit, user, source, report, note) -> Measurement:
    value = Decimal(str(value))
    reporter = user if user is not None and user.is_authenticated else None
    measurement = Measurement.objects.select_for_update().filter(**key).first()
    data = {"on_date": key["on_date"].isoformat(), "value": str(value), "unit": unit}
    data["source"] = source
    if report is not None:
        data["report"] = report.pk
    if measurement is None:
        measurement = Measurement.objects.create(
            **{**key, "unit": unit},
            value=value,
            source=source,
            note=note,
            reported_by=reporter,
        )
        record("targets.value.recorded", owner, user=user, data=data)
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
    measurement.save(update_fields=["value", "source", "note", "reported_by", "updated_at"])
    record("targets.value.changed", owner, user=user, data=data)
    return measurement
