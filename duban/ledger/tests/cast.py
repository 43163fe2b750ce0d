"""Two leaders and two units side by side, for the permission matrix and the view tests.

Built with the factories of duban.testing:

- office: the supervision office (督查室); admin: a superuser; nobody: a user without a profile;
- leader_a (林杰) leads section A, whose task `task_x` 区发改局 (unit X) leads,
  with the placeholder 相关街镇 cooperating;
- leader_b (王强) leads section B, whose task `task_y` 区财政局 (unit Y) leads;
- unit_x, unit_y: the liaisons of 区发改局 and 区财政局.
"""

from types import SimpleNamespace

from django.contrib.auth.models import User

from duban.accounts.choices import UserRole
from duban.ledger.choices import AssignmentRole, UnitKind
from duban.ledger.models import Official
from duban.testing import (
    PASSWORD,
    make_notice,
    make_plan,
    make_section,
    make_task,
    make_unit,
    make_user,
)


def build_cast() -> SimpleNamespace:
    c = SimpleNamespace()
    c.official_a = Official.objects.create(name="林杰", titles=["常务副区长"])
    c.official_b = Official.objects.create(name="王强", titles=["副区长"])
    c.unit_x_obj = make_unit("区发改局")
    c.unit_y_obj = make_unit("区财政局")
    c.street = make_unit("七都街道", UnitKind.SUBDISTRICT)
    c.placeholder = make_unit("相关街镇", UnitKind.PLACEHOLDER)
    c.notice = make_notice()
    c.plan = make_plan(c.notice)
    c.section_a = make_section(c.plan, [c.official_a], position=0)
    c.section_b = make_section(c.plan, [c.official_b], position=1)
    c.task_x = make_task(
        c.section_a,
        "1",
        "推进滨江商务区建设。",
        [(c.unit_x_obj, AssignmentRole.LEAD), (c.placeholder, AssignmentRole.SUPPORT)],
    )
    c.placeholder_assignment = c.task_x.assignments.get(unit=c.placeholder)
    c.task_y = make_task(
        c.section_b, "2", "一般公共预算收入增长 8%。", [(c.unit_y_obj, AssignmentRole.LEAD)]
    )

    c.office = make_user("office", UserRole.OFFICE)
    c.leader_a = make_user("leader_a", UserRole.LEADER, official=c.official_a)
    c.leader_b = make_user("leader_b", UserRole.LEADER, official=c.official_b)
    c.unit_x = make_user("unit_x", UserRole.UNIT, unit=c.unit_x_obj)
    c.unit_y = make_user("unit_y", UserRole.UNIT, unit=c.unit_y_obj)
    c.nobody = User.objects.create_user("nobody", password=PASSWORD)
    c.admin = User.objects.create_superuser("admin", password=PASSWORD)
    return c
