"""The progress tests' world: one annual plan, two leaders' tasks, named units and people.

Built with duban.testing's helpers, but with a second leader and an outsider unit so that
every cell of the permission matrix has someone to stand in it.

- 张伟 (leader A) leads task 1: 区发改局 (unit X) leads it, 区财政局 (unit Y) cooperates.
- 李娜 (leader B) leads task 2: 区教育局 (unit Z) leads it; X and Y have nothing to do with it.
- office is the 督查室; each named user acts for their leader or unit.
"""

from datetime import date

from django.test import TestCase

from duban.accounts.choices import Role as UserRole
from duban.ledger.choices import Role
from duban.ledger.models import Official
from duban.progress.choices import CycleKind, CycleState, ReportKind
from duban.progress.models import Report, ReportingCycle
from duban.testing import make_notice, make_plan, make_section, make_task, make_unit, make_user


def build_world(obj) -> None:
    """Set the world's objects as attributes of `obj` (a test class or a test instance)."""
    obj.plan = make_plan(make_notice())
    obj.leader_a = Official.objects.create(name="张伟")
    obj.leader_b = Official.objects.create(name="李娜")
    obj.x = make_unit("区发改局")
    obj.y = make_unit("区财政局")
    obj.z = make_unit("区教育局")
    obj.task = make_task(
        make_section(obj.plan, [obj.leader_a], position=0),
        "1",
        "推进重大项目建设，全年完成投资120亿元",
        [(obj.x, Role.LEAD), (obj.y, Role.SUPPORT)],
        deadline="12月底前",
    )
    obj.other_task = make_task(
        make_section(obj.plan, [obj.leader_b], position=1),
        "2",
        "推进教育优质均衡发展",
        [(obj.z, Role.LEAD)],
        deadline="6月底前",
    )

    obj.office = make_user("office", UserRole.OFFICE)
    obj.alice = make_user("alice", UserRole.LEADER, official=obj.leader_a)
    obj.bob = make_user("bob", UserRole.LEADER, official=obj.leader_b)
    obj.xavier = make_user("xavier", UserRole.UNIT, unit=obj.x)
    obj.yvonne = make_user("yvonne", UserRole.UNIT, unit=obj.y)
    obj.zoe = make_user("zoe", UserRole.UNIT, unit=obj.z)

    obj.cycle = ReportingCycle.objects.create(
        plan=obj.plan,
        kind=CycleKind.MONTHLY,
        name="2022年3月",
        period_start=date(2022, 3, 1),
        period_end=date(2022, 3, 31),
        due_on=date(2022, 4, 5),
        state=CycleState.OPEN,
    )


def make_report(obj, unit, **fields) -> Report:
    """A report of `unit` on obj.task in obj.cycle, of the kind its role implies."""
    kind = ReportKind.CONSOLIDATED if unit == obj.x else ReportKind.PART
    fields.setdefault("progress", "一季度完成投资32亿元，3个项目开工。")
    return Report.objects.create(task=obj.task, unit=unit, cycle=obj.cycle, kind=kind, **fields)


class ProgressTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_world(cls)

    def make_report(self, unit, **fields) -> Report:
        return make_report(self, unit, **fields)
