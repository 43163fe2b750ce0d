"""What a unit still owes for a cycle: one rule for the 本单位报送 page and the reminders."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from duban.ledger.choices import UnitKind
from duban.ledger.models import Assignment, Task, Unit

# The rules module, not the models package: the cycle model judges by this rule too.
from duban.progress.models.rules import DELIVERED_STATES

if TYPE_CHECKING:
    from duban.progress.models import Report


@dataclass
class Deliveries:
    """Which reports of some cycles were handed in, by unit, and which tasks are consolidated."""

    sent: set[tuple[int, int, int]] = field(default_factory=set)  # (cycle, task, unit)
    consolidated: set[tuple[int, int]] = field(default_factory=set)  # (cycle, task)

    @classmethod
    def of(cls, reports: Iterable["Report"]) -> "Deliveries":
        """From any reports of the cycles; those not delivered (drafts, returned) are skipped."""
        deliveries = cls()
        for report in reports:
            if report.state not in DELIVERED_STATES:
                continue
            deliveries.sent.add((report.cycle_id, report.task_id, report.unit_id))
            if report.is_consolidated_kind:
                deliveries.consolidated.add((report.cycle_id, report.task_id))
        return deliveries

    def owes(self, cycle_id: int, task_id: int, unit_id: int) -> bool:
        """Whether the unit still owes its report: it has not delivered one, and the lead
        unit has not consolidated the task (a missing part then no longer holds anything up)."""
        if (cycle_id, task_id) in self.consolidated:
            return False
        return (cycle_id, task_id, unit_id) not in self.sent


def answering_units(plan_ids: Iterable[int], unit_ids: Iterable[int] | None = None):
    """({plan id: its reported active tasks}, {task id: the units that answer for it}) in four
    queries: a unit assigned, or named by a remark to lead (which may hand the lead to a body
    without an assignment row of its own); placeholders owe nothing. With `unit_ids`, only
    those units and the tasks they answer for."""
    tasks = Task.objects.active().reported().filter(plan_id__in=plan_ids)
    assigned = Assignment.objects.filter(task__in=tasks)
    overriding = Task.lead_override_units.through.objects.filter(task__in=tasks)
    if unit_ids is not None:
        assigned = assigned.filter(unit__in=unit_ids)
        overriding = overriding.filter(unit__in=unit_ids)
    pairs = {
        *assigned.values_list("task_id", "unit_id"),
        *overriding.values_list("task_id", "unit_id"),
    }
    units = Unit.objects.exclude(kind=UnitKind.PLACEHOLDER).in_bulk({unit for _, unit in pairs})
    units_of: dict[int, list[Unit]] = defaultdict(list)
    for task_id, unit_id in pairs:
        if unit_id in units:
            units_of[task_id].append(units[unit_id])
    tasks_of: dict[int, list[Task]] = defaultdict(list)
    for task in tasks.filter(pk__in=list(units_of)) if unit_ids is not None else tasks:
        tasks_of[task.plan_id].append(task)
    return tasks_of, units_of
