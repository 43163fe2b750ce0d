"""Keeping a task's Target rows in step with the targets read from its text."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from duban.audit.log import record
from duban.ledger.choices import PlanKind, TaskState
from duban.lib.text import metric_key
from duban.parsing.targets import extract_targets
from duban.targets.actions import TargetAction
from duban.targets.choices import Comparator, MetricKind, TargetPeriod, TargetState
from duban.targets.models import Metric, Target

__all__ = ["SyncResult", "metric_for", "sync_notice_targets", "sync_targets"]


@dataclass
class SyncResult:
    """What a sync did, in counts; `withdrawn` are targets kept only for their recorded history."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    deleted: int = 0
    errors: list[str] = field(default_factory=list)

    def __iadd__(self, other: "SyncResult") -> "SyncResult":
        for name in ("created", "updated", "unchanged", "withdrawn", "deleted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)
        return self

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.withdrawn or self.deleted)


def metric_for(name: str) -> Metric:
    """The metric a printed name resolves to through names and aliases, created if new."""
    metric = Metric.objects.by_name(name).first()
    if metric is None:
        metric, _ = Metric.objects.get_or_create(
            key=metric_key(name), defaults={"name": name.strip(), "kind": MetricKind.OTHER}
        )
    return metric


def _period(task, data: dict) -> str:
    # The parser states the period; rows built by hand may leave it to the plan (spec/targets.md).
    if data.get("period"):
        return data["period"]
    if task.plan.kind == PlanKind.FIVE_YEAR:
        return (
            TargetPeriod.ANNUAL_AVERAGE
            if "年均" in (data.get("text") or "")
            else TargetPeriod.CUMULATIVE
        )
    if task.plan.kind in (PlanKind.ANNUAL, PlanKind.LIVELIHOOD):
        return TargetPeriod.ANNUAL
    return ""


def _identity(metric_text: str, measure: str, unit: str) -> tuple:
    return (metric_key(metric_text), measure, unit or "")


@transaction.atomic
def sync_targets(task, target_dicts: list[dict]) -> SyncResult:
    """Create, update or withdraw the task's targets to match `target_dicts` (spec/targets.md).

    Idempotent: the same dicts twice change nothing. Targets are matched on metric, measure
    and unit; one that disappears is deleted, or withdrawn if values, changes or links hang on it.
    """
    result = SyncResult()
    existing: dict[tuple, list[Target]] = {}
    for target in task.targets.select_related("metric").order_by("position", "pk"):
        existing.setdefault(_identity(target.metric_text, target.measure, target.unit), []).append(
            target
        )
    for position, data in enumerate(target_dicts):
        metric_text = (data.get("metric") or "").strip()
        if not metric_text or data.get("value") is None:
            result.errors.append(f"第 {position + 1} 个指标缺少指标名称或数值：{data!r}")
            continue
        fields = {
            "metric_text": metric_text,
            "measure": data["measure"],
            "comparator": data.get("comparator") or Comparator.EQ,
            "value": Decimal(str(data["value"])),
            "unit": data.get("unit") or "",
            "period": _period(task, data),
            "text": data.get("text") or "",
            "position": position,
            "status": TargetState.ACTIVE,
        }
        matches = existing.get(_identity(metric_text, fields["measure"], fields["unit"]))
        if not matches:
            Target.objects.create(task=task, metric=metric_for(metric_text), **fields)
            result.created += 1
            continue
        target = matches.pop(0)
        changed = [name for name, value in fields.items() if getattr(target, name) != value]
        if changed:
            for name in changed:
                setattr(target, name, fields[name])
            target.save(update_fields=[*changed, "updated_at"])
            result.updated += 1
        else:
            result.unchanged += 1
    for target in (t for targets in existing.values() for t in targets):
        if target.has_history():
            if target.status != TargetState.WITHDRAWN:
                target.status = TargetState.WITHDRAWN
                target.save(update_fields=["status", "updated_at"])
                result.withdrawn += 1
        else:
            target.delete()
            result.deleted += 1
    if result.changed:
        record(
            TargetAction.SYNCED,
            task,
            data={
                "created": result.created,
                "updated": result.updated,
                "withdrawn": result.withdrawn,
                "deleted": result.deleted,
            },
        )
    return result


@transaction.atomic
def sync_notice_targets(notice, parsed: dict[int, list[dict]] | None = None) -> SyncResult:
    """Sync each task's targets: the parser's from `parsed` (task pk -> targets), else read
    from its text; withdrawn tasks lose theirs. Then call `links.propose_links(notice)`."""
    parsed = parsed or {}
    result = SyncResult()
    for plan in notice.plans.all():
        for task in plan.tasks.all():
            if task.status != TaskState.ACTIVE:
                result += sync_targets(task, [])
            elif task.pk in parsed:
                result += sync_targets(task, parsed[task.pk])
            else:
                result += sync_targets(task, extract_targets(task.text, plan.kind))
    return result
