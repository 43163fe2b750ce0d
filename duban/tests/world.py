"""The world of the tests that walk every URL: the cast of duban.testing, the demo's year on
the reference notice beside it, and an object of every kind on the cast's `task`.

- The roles of `ROLES` are the cast's people: nobody (no profile), alice (office), lin (the
  leader of `task`), bob, joan and charlie (its lead, joint and support units) and dave (a
  unit outside the cast's notice); None for anonymous.
- On `task`: a target, a consolidated report (draft) of bob's unit and a submitted part of
  charlie's with an attachment, in the plan's open cycle (a locked one before it), a proposed
  milestone, a 督办单 to bob's unit with a 反馈 file, a problem charlie's unit raised, a 批示
  of lin's naming bob's unit and a notification for bob.
- From the demo: a target link, a placeholder assignment and the year's records the
  dashboards, exports and bulletins show. The demo imports the reference notice after the
  cast, so it reuses the cast's units and 林杰 by name.
"""

from datetime import date
from types import SimpleNamespace

from django.core.files.base import ContentFile

from duban.api.choices import TokenScope
from duban.api.models import ApiToken, Webhook
from duban.bulletins.models import Bulletin
from duban.jobs.choices import JobKind, JobState
from duban.jobs.models import Job
from duban.ledger import demo
from duban.ledger.choices import UnitKind
from duban.ledger.models import Assignment, ImportDraft
from duban.progress.choices import CycleState, MilestoneState, ReportKind, ReportState
from duban.progress.models import Attachment, Milestone, Report
from duban.supervision.choices import Tier
from duban.supervision.models import (
    Instruction,
    NoticeAttachment,
    Notification,
    Problem,
    SupervisionNotice,
)
from duban.targets.models import Metric, TargetLink
from duban.testing import build_cast, make_cycle, make_target, notice_text

ROLES = ("anonymous", "noprofile", "office", "leader", "lead", "joint", "support", "other")
PDF = b"%PDF-1.7\n%%EOF\n"


def load_demo() -> None:
    state = demo.Demo()
    for step in demo.STEPS:
        step(state)


def build_world(mark: str = "") -> SimpleNamespace:
    """The cast, the demo and the objects above; call inside a test with MEDIA_ROOT set to a
    scratch folder.

    `mark` is appended to the task's text and to every name and text the world adds (the
    escaping test's script).
    """
    w = SimpleNamespace()
    build_cast(w)
    load_demo()
    w.official = w.lin_official
    w.lead_unit = w.fagai
    w.task.text += mark
    w.task.save(update_fields=["text"])
    w.users = {
        "anonymous": None,
        "noprofile": w.nobody,
        "office": w.alice,
        "leader": w.lin,
        "lead": w.bob,
        "joint": w.joan,
        "support": w.charlie,
        "other": w.dave,
    }

    # A task's own indicator, not a macro one, so the lead unit's report form asks for it.
    w.target = make_target(w.task, "测试项目完成投资" + mark, 12)
    w.metric = Metric.objects.order_by("pk").first()
    w.link = TargetLink.objects.order_by("pk").first()
    w.locked_cycle = make_cycle(w.plan, date(2022, 2, 1), state=CycleState.LOCKED)
    w.cycle = make_cycle(w.plan, date(2022, 3, 1))
    w.consolidated = Report.objects.create(
        task=w.task, unit=w.fagai, cycle=w.cycle, kind=ReportKind.CONSOLIDATED
    )
    w.part = Report.objects.create(
        task=w.task,
        unit=w.caizheng,
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
        unit=w.fagai,
        tier=Tier.REMIND,
        reason="请加快推进。" + mark,
        respond_by=date(w.year, 12, 31),
        user=w.alice,
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
        unit=w.caizheng,
        title="用地指标不足" + mark,
        description="尚缺建设用地指标。" + mark,
        user=w.charlie,
    )
    w.instruction = Instruction.write(
        task=w.task,
        official=w.official,
        text="请牵头单位抓紧推进。" + mark,
        units=[w.fagai],
        user=w.lin,
    )
    w.notification = Notification.objects.create(
        user=w.bob, text="测试通知" + mark, url=w.task.get_absolute_url()
    )
    # The reference notice has its own (相关街镇 and the like), on tasks outside the cast's.
    w.placeholder_assignment = Assignment.objects.filter(unit__kind=UnitKind.PLACEHOLDER).first()
    # A notice uploaded for import, its preview open for the office to correct.
    w.import_draft = ImportDraft.start(notice_text().encode(), "notice.txt", w.alice)
    # A 通报 issued on the world's cycle, its figures frozen.
    w.bulletin = Bulletin.issue(on=w.cycle.due_on, cycle=w.cycle, user=w.alice)
    w.api_token = ApiToken.issue(
        user=w.bob, name="测试令牌" + mark, scope=TokenScope.READ, by=None
    )[0]
    w.webhook = Webhook.register("https://example.org/hook", by=None)
    # A background export of alice's, done, its file ready to download.
    w.job = Job.objects.create(
        kind=JobKind.EXPORT,
        title="导出督办台账" + mark,
        started_by=w.alice,
        state=JobState.DONE,
        task_path="duban.jobs.tests.test_jobs.write_upper",
        result=ContentFile(b"PK", name="ledger.xlsx"),
        result_name="督办台账.xlsx" + mark,
        result_type="application/octet-stream",
    )
    return w
