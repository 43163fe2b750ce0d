"""What a unit still owes for a cycle: one rule for the 本单位报送 page and the reminders."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

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
