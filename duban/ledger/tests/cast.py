"""The cast of duban.testing as a namespace, plus what the ledger's page tests need on top.

Added here: the placeholder 相关街镇 cooperating on `task` (`placeholder_assignment`), the
street 七都街道 it may resolve to, and `wang_task` in 王明's section, which dave's unit leads.
"""

from types import SimpleNamespace

from duban.ledger.choices import AssignmentRole, UnitKind
from duban.ledger.models import Assignment
from duban.testing import build_cast, make_section, make_task, make_unit


def build_ledger_cast() -> SimpleNamespace:
    c = SimpleNamespace()
    build_cast(c)
    c.street = make_unit("七都街道", UnitKind.SUBDISTRICT)
    c.placeholder = make_unit("相关街镇", UnitKind.PLACEHOLDER)
    c.placeholder_assignment = Assignment.objects.create(
        task=c.task,
        unit=c.placeholder,
        role=AssignmentRole.SUPPORT,
        raw=c.placeholder.name,
        position=c.task.assignments.count(),
    )
    c.wang_task = make_task(
        make_section(c.plan, [c.wang_official], position=1),
        "3",
        "新建学校 3 所。",
        [(c.jiaoyu, AssignmentRole.LEAD)],
    )
    return c
