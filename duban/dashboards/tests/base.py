"""The dashboards' world: a year of supervision small enough to count by hand, as of 2022-09-10.

Built on the cast (duban.testing): its `task` is task 1 and `other_task` task 2, wang (王明) the
second leader; the streets, tasks 3–6, the projects and the year's records are added here.

- 林杰 leads annual tasks 1–3 and livelihood project 1; 王明 leads annual task 4 and project 2.
- Task 1: 区发改局 leads, 区商务局 shares, 区财政局 supports; red (green at the end of Q1, red
  since July). Task 2: 区财政局 (共同); yellow. Task 3: 五马街道 leads, a remark moves the lead to 区发改局
  as well; green. Task 4: 南汇街道 leads; red. A withdrawn task of 区发改局 is red too and
  counts nowhere; a task without a status counts in no colour.
- Project 1 (五马街道) is green, project 2 (区发改局) done.
- Q1 and Q2 have ended: 区发改局 reported task 1 on time in Q1 and late in Q2; 五马街道's
  Q1 report on task 3 was returned; 南汇街道 reported task 4 on time in Q2.
- Open problems on tasks 1 (5 days old) and 4 (71 days); a resolved one on task 2.
- A pending, late 督办单 to 区发改局 on task 1 (21 days old); one to 南汇街道 on task 4 answered
  after its deadline (101 days old).
- Task 1 commits to 地区生产总值增长 7%; 5% was recorded for June: behind pace.
"""

from datetime import date, datetime

from django.test import override_settings
from django.utils import timezone

from duban.accounts.choices import UserRole
from duban.ledger.choices import AssignmentRole, PlanKind, TaskState, UnitKind
from duban.progress.choices import CycleKind, CycleState, ReportKind, ReportState, ReviewDecision
from duban.progress.models import Report, ReportingCycle, Review
from duban.supervision.choices import Colour, NoticeState, ProblemState
from duban.supervision.models import Problem, StatusChange, SupervisionNotice, TaskStatus
from duban.supervision.tallies import recount_all
from duban.targets.choices import ValueSource
from duban.targets.values import record_value
from duban.testing import (
    BaseTestCase,
    make_plan,
    make_section,
    make_target,
    make_task,
    make_unit,
    make_user,
)

TODAY = date(2022, 9, 10)


def at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 10))


def colour(task, value: str) -> None:
    TaskStatus.objects.create(task=task, colour=value, since=at(date(2022, 7, 10)))


def add_dashboard_data(obj) -> None:
    """Set the year's records as attributes of `obj`, which already holds the cast."""
    obj.wuma = make_unit("五马街道", UnitKind.SUBDISTRICT)
    obj.nanhui = make_unit("南汇街道", UnitKind.SUBDISTRICT)
    obj.annual = obj.plan
    obj.livelihood = make_plan(
        obj.notice, PlanKind.LIVELIHOOD, annex="3", title="2022年民生实事项目任务分解表"
    )
    lin = obj.section
    wang = make_section(obj.annual, [obj.wang_official], position=1)
    obj.t3 = make_task(lin, "3", "推进老旧小区改造。", [(obj.wuma, AssignmentRole.LEAD)])
    obj.t3.lead_override_units.add(obj.fagai)
    obj.t4 = make_task(wang, "4", "推进城中村改造。", [(obj.nanhui, AssignmentRole.LEAD)])
    obj.withdrawn = make_task(
        lin,
        "5",
        "已撤销的任务。",
        [(obj.fagai, AssignmentRole.LEAD)],
        status=TaskState.WITHDRAWN,
    )
    obj.unrated = make_task(lin, "6", "尚未计算状态的任务。", [(obj.fagai, AssignmentRole.LEAD)])
    obj.p1 = make_task(
        make_section(obj.livelihood, [obj.lin_official], position=2),
        "1",
        "新建社区食堂15家。",
        [(obj.wuma, AssignmentRole.LEAD)],
        name="社区食堂",
    )
    obj.p2 = make_task(
        make_section(obj.livelihood, [obj.wang_official], position=3),
        "2",
        "新增公办幼儿园学位900个。",
        [(obj.fagai, AssignmentRole.LEAD)],
        name="幼儿园学位",
    )
    for task, value in [
        (obj.task, Colour.RED),
        (obj.other_task, Colour.YELLOW),
        (obj.t3, Colour.GREEN),
        (obj.t4, Colour.RED),
        (obj.withdrawn, Colour.RED),
        (obj.p1, Colour.GREEN),
        (obj.p2, Colour.DONE),
    ]:
        colour(task, value)
    # Stored past the refresh, which keeps the counts the office's charts read.
    recount_all()
    StatusChange.objects.create(task=obj.task, to_colour=Colour.GREEN, at=at(date(2022, 3, 15)))
    StatusChange.objects.create(
        task=obj.task, from_colour=Colour.GREEN, to_colour=Colour.RED, at=at(date(2022, 7, 10))
    )
    StatusChange.objects.create(task=obj.t4, to_colour=Colour.YELLOW, at=at(date(2022, 5, 1)))

    obj.wuma_user = make_user("wuma", UserRole.UNIT, unit=obj.wuma)

    quarters = [
        ("2022年第一季度", date(2022, 1, 1), date(2022, 3, 31), date(2022, 4, 10)),
        ("2022年第二季度", date(2022, 4, 1), date(2022, 6, 30), date(2022, 7, 10)),
        ("2022年第三季度", date(2022, 7, 1), date(2022, 9, 30), date(2022, 10, 10)),
    ]
    obj.cycles = {}
    for plan in (obj.annual, obj.livelihood):
        for i, (name, start, end, due) in enumerate(quarters, 1):
            obj.cycles[plan.pk, i] = ReportingCycle.objects.create(
                plan=plan,
                kind=CycleKind.QUARTERLY,
                name=name,
                period_start=start,
                period_end=end,
                due_on=due,
                state=CycleState.OPEN,
            )

    def report(task, unit, quarter, state, submitted, progress="按季度报送。"):
        return Report.objects.create(
            task=task,
            unit=unit,
            cycle=obj.cycles[task.plan_id, quarter],
            kind=ReportKind.CONSOLIDATED,
            progress=progress,
            state=state,
            submitted_at=at(submitted),
        )

    obj.t1_q1 = report(obj.task, obj.fagai, 1, ReportState.ACCEPTED, date(2022, 4, 8))
    obj.t1_q2 = report(obj.task, obj.fagai, 2, ReportState.ACCEPTED, date(2022, 7, 15))
    obj.t3_q1 = report(obj.t3, obj.wuma, 1, ReportState.RETURNED, date(2022, 4, 9))
    Review.objects.create(
        report=obj.t3_q1,
        decision=ReviewDecision.RETURN,
        comment="请补充数据。",
        reviewer=obj.alice,
        created_at=at(date(2022, 4, 12)),
    )
    obj.t4_q2 = report(obj.t4, obj.nanhui, 2, ReportState.SUBMITTED, date(2022, 7, 8))

    obj.problem_new = Problem.objects.create(
        task=obj.task,
        unit=obj.fagai,
        title="用地指标不足",
        description="缺少用地指标。",
        raised_at=at(date(2022, 9, 5)),
    )
    obj.problem_old = Problem.objects.create(
        task=obj.t4,
        unit=obj.nanhui,
        title="拆迁受阻",
        description="部分住户未签约。",
        state=ProblemState.ESCALATED,
        raised_at=at(date(2022, 7, 1)),
    )
    Problem.objects.create(
        task=obj.other_task,
        unit=obj.caizheng,
        title="已解决的问题",
        description="已解决。",
        state=ProblemState.RESOLVED,
        raised_at=at(date(2022, 5, 1)),
        resolved_at=at(date(2022, 6, 1)),
    )
    obj.notice_pending = SupervisionNotice.objects.create(
        task=obj.task,
        unit=obj.fagai,
        reason="进度滞后。",
        respond_by=date(2022, 8, 27),
        issued_at=at(date(2022, 8, 20)),
    )
    obj.notice_answered = SupervisionNotice.objects.create(
        task=obj.t4,
        unit=obj.nanhui,
        reason="进度滞后。",
        respond_by=date(2022, 6, 10),
        issued_at=at(date(2022, 6, 1)),
        state=NoticeState.RESPONDED,
        response="已加快推进。",
        responded_at=at(date(2022, 6, 15)),
    )

    obj.target = make_target(obj.task)
    record_value(obj.target, 5, date(2022, 6, 30), user=obj.alice, source=ValueSource.OFFICE)


@override_settings(DUBAN_TODAY=TODAY)
class DashboardTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        add_dashboard_data(cls)
