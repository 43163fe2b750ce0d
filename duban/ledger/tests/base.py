"""The ledger tests' additions to the cast (duban.testing): a placeholder and wang's task.

- the placeholder 相关街镇 cooperates on `task` (`placeholder_assignment`), and the street
  七都街道 (`street`) is a unit it may resolve to;
- `wang_task` (`make_wang_task`) is in 王明's section, led by dave's unit.
"""

from duban.ledger.choices import AssignmentRole, UnitKind
from duban.ledger.models import Assignment
from duban.testing import make_unit, make_wang_task


def add_ledger_data(obj) -> None:
    """Set the additions as attributes of `obj`, which already holds the cast."""
    obj.street = make_unit("七都街道", UnitKind.SUBDISTRICT)
    obj.placeholder = make_unit("相关街镇", UnitKind.PLACEHOLDER)
    obj.placeholder_assignment = Assignment.objects.create(
        task=obj.task,
        unit=obj.placeholder,
        role=AssignmentRole.SUPPORT,
        raw=obj.placeholder.name,
        position=obj.task.assignments.count(),
    )
    obj.wang_task = make_wang_task(obj)
