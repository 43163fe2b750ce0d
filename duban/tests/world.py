"""A demo-like world for the tests that walk every URL: the demo's year on the reference
notice, plus one task that has a unit in every role and an object of every kind.

- `task` (in the annual plan, led by 林杰, the demo's `leader`): 测试牵头局 leads it,
  测试共同局 shares it, 测试配合局 cooperates; 测试无关局 has nothing to do with it.
- On it: a target, a consolidated report (draft) of the lead unit and a submitted part of the
  cooperating unit with an attachment, a proposed milestone, a 督办单 to the lead unit with a
  反馈 file, a problem raised by the cooperating unit, a 批示 of 林杰 naming the lead unit and
  a notification for the lead unit's liaison.
- The people: one per role of `ROLES` (None for anonymous).
"""

from datetime import date
from types import SimpleNamespace

from django.contrib.auth.models import User
from django.core.files.base import ContentFile

from duban.accounts.choices import UserRole
from duban.api.choices import TokenScope
from duban.api.models import ApiToken, Webhook
from duban.bulletins.models import Bulletin
from duban.ledger import demo
from duban.ledger.choices import AssignmentRole, PlanKind, UnitKind
from duban.ledger.models import Assignment, ImportDraft, Notice, Plan
from duban.progress.choices import CycleState, MilestoneState, ReportKind, ReportState
from duban.progress.models import Attachment, Milestone, Report, ReportingCycle
from duban.supervision.choices import Tier
from duban.supervision.models import (
    Instruction,
    NoticeAttachment,
    Notification,
    Problem,
    SupervisionNotice,
)
from duban.targets.models import Metric, Target, TargetLink
from duban.testing import PASSWORD, make_task, make_unit, make_user, notice_text

ROLES = ("anonymous", "noprofile", "office", "leader", "lead", "joint", "support", "other")
PDF = b"%PDF-1.7\n%%EOF\n"


def load_demo() -> None:
    state = demo.Demo()
    for step in demo.STEPS:
        step(state)


def build_world(mark: str = "") -> SimpleNamespace:
    """The demo plus the task above; call inside a test with MEDIA_ROOT set to a scratch folder.

    `mark` is appended to every name and text the world adds (the escaping test's script).
    """
    load_demo()
    w = SimpleNamespace()
    w.notice = Notice.objects.get()
    w.plan = Plan.objects.get(notice=w.notice, kind=PlanKind.ANNUAL)
    section = w.plan.sections.first()
    w.official = section.leaders.order_by("section_leaders__position").first()
    w.lead_unit = make_unit("测试牵头局" + mark)
    w.joint_unit = make_unit("测试共同局" + mark)
    w.support_unit = make_unit("测试配合局" + mark)
    w.other_unit = make_unit("测试无关局" + mark)
    w.task = make_task(
        section,
        "99",
        "测试任务：全年完成投资50亿元。" + mark,
        [
            (w.lead_unit, AssignmentRole.LEAD),
            (w.joint_unit, AssignmentRole.JOINT),
            (w.support_unit, AssignmentRole.SUPPORT),
        ],
    )
    w.users = {
        "anonymous": None,
        "noprofile": User.objects.create_user("noprofile", password=PASSWORD),
        "office": User.objects.get(username="office"),
        "leader": User.objects.get(username="leader"),
        "lead": make_user("lead", UserRole.UNIT, unit=w.lead_unit),
        "joint": make_user("joint", UserRole.UNIT, unit=w.joint_unit),
        "support": make_user("support", UserRole.UNIT, unit=w.support_unit),
        "other": make_user("other", UserRole.UNIT, unit=w.other_unit),
    }
    assert w.users["leader"].profile.official == w.official

    # A task's own indicator, not a macro one, so the lead unit's report form asks for it.
    template = Target.objects.filter(task__plan=w.plan).first()
    w.target = Target.objects.create(
        task=w.task,
        metric=Metric.objects.create(name="测试项目完成投资" + mark),
        metric_text=template.metric_text + mark,
        measure=template.measure,
        comparator=template.comparator,
        value=template.value,
        unit=template.unit,
        period=template.period,
        text=template.text + mark,
    )
    w.metric = Metric.objects.order_by("pk").first()
    w.link = TargetLink.objects.order_by("pk").first()
    w.cycle = ReportingCycle.objects.filter(plan=w.plan, state=CycleState.OPEN).first()
    w.locked_cycle = ReportingCycle.objects.filter(plan=w.plan, state=CycleState.LOCKED).first()
    w.consolidated = Report.objects.create(
        task=w.task, unit=w.lead_unit, cycle=w.cycle, kind=ReportKind.CONSOLIDATED
    )
    w.part = Report.objects.create(
        task=w.task,
        unit=w.support_unit,
        cycle=w.cycle,
        kind=ReportKind.PART,
        state=ReportState.SUBMITTED,
        progress="完成投资12亿元。" + mark,
    )
    w.attachment = Attachment.objects.create(
        report=w.part,
        file=ContentFile(PDF, name="evidence.pdf"),
        original_name="佐证.pdf" + mark,
        content_type="application/pdf",
        file_size=len(PDF),
        file_hash="b" * 64,
    )
    w.year = w.cycle.period_start.year
    w.milestone = Milestone.objects.create(
        task=w.task,
        year=w.year,
        seq=1,
        title="完成立项" + mark,
        description="项目完成立项审批" + mark,
        due_on=date(w.year, 12, 31),
        state=MilestoneState.PROPOSED,
    )
    w.supervision_notice = SupervisionNotice.issue(
        task=w.task,
        unit=w.lead_unit,
        tier=Tier.REMIND,
        reason="请加快推进。" + mark,
        respond_by=date(w.year, 12, 31),
        user=w.users["office"],
    )
    w.notice_attachment = NoticeAttachment.objects.create(
        notice=w.supervision_notice,
        file=ContentFile(PDF, name="reply.pdf"),
        original_name="反馈.pdf" + mark,
        content_type="application/pdf",
        file_size=len(PDF),
        file_hash="c" * 64,
    )
    w.problem = Problem.raise_on(
        task=w.task,
        unit=w.support_unit,
        title="用地指标不足" + mark,
        description="尚缺建设用地指标。" + mark,
        user=w.users["support"],
    )
    w.instruction = Instruction.write(
        task=w.task,
        official=w.official,
        text="请牵头单位抓紧推进。" + mark,
        units=[w.lead_unit],
        user=w.users["leader"],
    )
    w.notification = Notification.objects.create(
        user=w.users["lead"], text="测试通知" + mark, url=w.task.get_absolute_url()
    )
    # The reference notice has its own (相关街镇 and the like), on tasks outside the test task.
    w.placeholder_assignment = Assignment.objects.filter(unit__kind=UnitKind.PLACEHOLDER).first()
    # A notice uploaded for import, its preview open for the office to correct.
    w.import_draft = ImportDraft.start(notice_text().encode(), "notice.txt", w.users["office"])
    # A 通报 issued on the world's cycle, its figures frozen.
    w.bulletin = Bulletin.issue(on=w.cycle.due_on, cycle=w.cycle, user=w.users["office"])
    w.api_token = ApiToken.issue(
        user=w.users["lead"], name="测试令牌" + mark, scope=TokenScope.READ, by=None
    )[0]
    w.webhook = Webhook.register("https://example.org/hook", by=None)
    return w
