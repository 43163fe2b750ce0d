"""The demo's "year in progress": three quarters of reporting on the annual plan, reviewed,
with missed reports, 督办单, problems up to a leader's 批示, and statuses computed as of a day.

Every record is dated on the simulated day it happened (audit entries included), so the
timelines read as a year, not as the minute the demo was loaded.
"""

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from duban.accounts.choices import UserRole
from duban.audit.actions import AuditAction
from duban.audit.log import entry
from duban.audit.models import LogEntry
from duban.ledger.choices import PlanKind, UnitKind
from duban.ledger.models import Notice, Plan, Task, Unit
from duban.lib import clock
from duban.progress.actions import MilestoneAction, ReportAction
from duban.progress.choices import (
    CycleKind,
    CycleState,
    MilestoneState,
    ReportKind,
    ReportState,
    ReviewDecision,
)
from duban.progress.models import Milestone, Report, ReportingCycle, Review
from duban.progress.periods import quarterly_periods
from duban.supervision.choices import Colour, Tier
from duban.supervision.models import (
    CoordinationNote,
    Instruction,
    Notification,
    Problem,
    StatusChange,
    SupervisionNotice,
    TaskStatus,
)
from duban.supervision.refresh import refresh_all

# Fields stamped with the wall clock by the code the demo calls; moved to the simulated day.
STAMPED = [
    (StatusChange, ["at"]),
    (TaskStatus, ["since", "computed_at"]),
    (Notification, ["created_at"]),
    (Problem, ["raised_at", "coordinating_at", "escalated_at", "instructed_at", "resolved_at"]),
    (CoordinationNote, ["created_at"]),
    (Instruction, ["created_at"]),
    (SupervisionNotice, ["issued_at", "responded_at", "closed_at", "escalated_at"]),
    (Review, ["created_at"]),
    (Report, ["submitted_at"]),
    (ReportingCycle, ["opened_at", "locked_at"]),
    (Milestone, ["confirmed_at"]),
    (Notice, ["created_at"]),
]

# How each task of the annual plan fares, by its position modulo 10 (see PLAN).
PROFILES = {
    0: "on_track",
    1: "on_track",
    2: "on_track",
    3: "on_track",
    4: "done",
    5: "lagging",
    6: "late_start",
    7: "returned",
    8: "silent",
    9: "made_up",
}


@dataclass(frozen=True)
class Story:
    """A task in the demo with the unit that reports for it and how it fares."""

    task: object
    unit: Unit
    kind: str
    profile: str


def _moment(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def stamp_mark() -> tuple[datetime, int]:
    """Where the records written from now on begin, for `restamp`."""
    return clock.now(), LogEntry.objects.aggregate(m=Max("pk"))["m"] or 0


def restamp(mark: tuple[datetime, int], day: date, hour: int = 10) -> None:
    """Date `day` whatever was recorded since `mark` (audit entries and STAMPED fields)."""
    started, last_entry = mark
    moment = _moment(day, hour)
    LogEntry.objects.filter(pk__gt=last_entry).update(timestamp=moment)
    for model, fields in STAMPED:
        for name in fields:
            model.objects.filter(**{f"{name}__gte": started}).update(**{name: moment})


@contextmanager
def on_day(day: date, hour: int = 10):
    """Whatever the block records is dated `day` instead of now."""
    mark = stamp_mark()
    yield
    restamp(mark, day, hour)


def _log(action: AuditAction, obj, user=None, **data) -> None:
    """An audit entry written without signals, so no status is recomputed for the real today."""
    LogEntry.objects.bulk_create([entry(action, obj, user, data)])


def _liaison(unit: Unit):
    return (
        get_user_model()
        .objects.filter(profile__role=UserRole.UNIT, profile__unit=unit)
        .order_by("pk")
        .first()
    )


def _cycles(plan: Plan, today: date) -> list[ReportingCycle]:
    cycles = []
    for period in quarterly_periods(plan.start_year)[:3]:
        cycle, _ = ReportingCycle.objects.get_or_create(
            plan=plan,
            kind=CycleKind.QUARTERLY,
            period_start=period.start,
            period_end=period.end,
            defaults={"name": period.name, "due_on": period.due_on},
        )
        if cycle.state == CycleState.DRAFT and cycle.period_start <= today:
            with on_day(cycle.period_end - timedelta(days=5)):
                cycle.open(None)
        cycles.append(cycle)
    return cycles


def _stories(plan: Plan) -> list[Story]:
    stories = []
    for i, task in enumerate(plan.tasks.active().order_by("position")):
        lead = task.lead_unit_id
        if lead is not None:
            unit, kind = Unit.objects.get(pk=lead), ReportKind.CONSOLIDATED
        else:
            assignment = (
                task.assignments.exclude(unit__kind=UnitKind.PLACEHOLDER)
                .select_related("unit")
                .first()
            )
            if assignment is None:
                continue
            unit, kind = assignment.unit, ReportKind.PART
        stories.append(Story(task, unit, kind, PROFILES[i % 10]))
    return stories


def _report(story: Story, cycle, percent: int, text: str = "") -> Report:
    """A report submitted now (the caller dates it with `on_day`)."""
    text = text or (
        f"{cycle.name}：{story.task.name or '本项任务'}完成年度计划的 {percent}%，"
        f"召开推进会 {1 + percent // 30} 次，落实资金 {percent * 12} 万元。"
    )
    liaison = _liaison(story.unit)
    report = Report.objects.create(
        task=story.task,
        unit=story.unit,
        cycle=cycle,
        kind=story.kind,
        progress=text,
        next_steps="按节点推进下一阶段工作。",
        percent_complete=percent,
        state=ReportState.SUBMITTED,
        submitted_at=timezone.now(),
        submitted_by=liaison,
    )
    consolidated = story.kind == ReportKind.CONSOLIDATED
    action = ReportAction.CONSOLIDATED if consolidated else ReportAction.SUBMITTED
    _log(action, report, liaison, to=ReportState.SUBMITTED)
    return report


def _review(report: Report, office, comment: str = "") -> None:
    """The office accepts a consolidated report, or returns it when there is a comment."""
    if report.kind != ReportKind.CONSOLIDATED:
        return
    decision = ReviewDecision.RETURN if comment else ReviewDecision.ACCEPT
    state = ReportState.RETURNED if comment else ReportState.ACCEPTED
    Report.objects.filter(pk=report.pk).update(state=state)
    Review.objects.create(report=report, decision=decision, comment=comment, reviewer=office)
    action = ReportAction.RETURNED if comment else ReportAction.ACCEPTED
    _log(action, report, office, to=state, comment=comment)


# The percent each profile reports per quarter; None is a report never sent.
PLAN = {
    "on_track": (28, 55, 72),
    "done": (40, 100, None),
    "lagging": (15, 30, 45),
    "late_start": (None, 50, 66),
    "returned": (25, 50, 60),
    "silent": (None, None, None),
    "made_up": (None, None, None),
}
BOILERPLATE = "各项工作有序推进，稳步推进项目建设。"
RETURN_COMMENT = "内容空泛，请补充具体数据和举措后重新报送。"


def _report_quarter(stories, quarter: int, cycle, office, today: date) -> None:
    """Each task's report for the quarter as its profile says, in the last four days before
    the due date, and the office's review three days after it.
    """
    reports = []
    for offset in range(1, 5):
        with on_day(cycle.due_on - timedelta(days=offset)):
            for n, story in enumerate(stories):
                percent = PLAN[story.profile][quarter]
                if percent is None or 1 + n % 4 != offset:
                    continue
                returned = story.profile == "returned" and quarter == 1
                reports.append(
                    (_report(story, cycle, percent, BOILERPLATE if returned else ""), returned)
                )
    review_day = cycle.due_on + timedelta(days=3)
    if review_day <= today:
        with on_day(review_day, 15):
            for report, returned in reports:
                _review(report, office, RETURN_COMMENT if returned else "")


def _make_up(stories, cycles, office, today: date) -> None:
    """The made-up tasks: silent for two quarters, then both reports sent late in July."""
    late = date(cycles[0].period_start.year, 7, 20)
    if late > today:
        return
    made_up = [s for s in stories if s.profile == "made_up"]
    with on_day(late):
        reports = [
            _report(s, cycles[q], percent) for s in made_up for q, percent in ((0, 30), (1, 62))
        ]
    with on_day(late + timedelta(days=2), 15):
        for report in reports:
            _review(report, office)
    # A step due at the end of August and still open: enough to keep these tasks yellow.
    # It must fit the task: none for a task whose deadline came before the make-up.
    with on_day(late):
        for story in made_up:
            _, end, _ = story.task.period(late)
            if end <= late:
                continue
            due_on = min(date(late.year, 8, 31), end)
            milestone, created = Milestone.objects.get_or_create(
                task=story.task,
                year=late.year,
                seq=3,
                defaults={
                    "title": f"{due_on.month}月{due_on.day}日前",
                    "description": "按计划推进，完成年度任务约 70%",
                    "due_on": due_on,
                    "state": MilestoneState.CONFIRMED,
                    "confirmed_at": timezone.now(),
                },
            )
            if created:
                _log(MilestoneAction.CONFIRMED, milestone, _liaison(story.unit))


def _notices(stories, office, today: date) -> None:
    silent = [s for s in stories if s.profile == "silent" and s.task.lead_unit_ids()]
    year = today.year
    if len(silent) >= 1 and date(year, 4, 20) <= today:
        with on_day(date(year, 4, 12)):
            notice = SupervisionNotice.issue(
                task=silent[0].task,
                unit=Unit.objects.get(pk=silent[0].task.lead_unit_ids()[0]),
                tier=Tier.REMIND,
                reason="第一季度进度未按期报送，请说明原因并尽快补报。",
                respond_by=date(year, 4, 19),
                user=office,
                copied_to=list(silent[0].task.leaders.all()),
            )
        with on_day(date(year, 4, 20), 2):
            notice.escalate(today=date(year, 4, 20))
    if len(silent) >= 2 and date(year, 7, 18) <= today:
        with on_day(date(year, 7, 12)):
            notice = SupervisionNotice.issue(
                task=silent[1].task,
                unit=Unit.objects.get(pk=silent[1].task.lead_unit_ids()[0]),
                tier=Tier.REMIND,
                reason="连续两个季度未报送进度，请于一周内书面反馈。",
                respond_by=date(year, 7, 19),
                user=office,
                copied_to=list(silent[1].task.leaders.all()),
            )
        with on_day(date(year, 7, 15)):
            notice.respond("已明确专人负责，本周内补报两期进度。", _liaison(notice.unit))
        with on_day(date(year, 7, 18)):
            notice.close(office, "已补报两期进度，落实情况属实，予以办结。")


def _problems(stories, office, today: date) -> None:
    year = today.year
    silent = [s for s in stories if s.profile == "silent" and s.task.task_leaders.exists()]
    # Preferably a task with a cooperating unit, which raises the problem to the lead unit.
    silent.sort(key=lambda s: s.task.units.exclude(kind=UnitKind.PLACEHOLDER).count() < 2)
    if silent and date(year, 6, 8) <= today:
        story = silent[0]
        task = story.task
        raiser = task.units.exclude(kind=UnitKind.PLACEHOLDER).exclude(pk=story.unit.pk).first()
        raiser = raiser or story.unit
        with on_day(date(year, 5, 10)):
            problem = Problem.raise_on(
                task=task,
                unit=raiser,
                title="项目用地指标不足",
                description="二期项目尚缺建设用地指标约 30 亩，影响开工。",
                user=_liaison(raiser),
            )
        lead = Unit.objects.filter(pk__in=task.lead_unit_ids()).first() or story.unit
        with on_day(date(year, 5, 20)):
            problem.coordinate(
                unit=lead, text="召开部门协调会，自然资源部门答复本年度指标已分配完毕。"
            )
        with on_day(date(year, 6, 2)):
            problem.escalate(reason="部门层面无法调剂用地指标，提请区领导统筹。", user=office)
        leader = task.task_leaders.select_related("official").first().official
        account = get_user_model().objects.filter(profile__official=leader).first()
        with on_day(date(year, 6, 8), 16):
            problem.instruct(
                official=leader,
                text="请自然资源部门会同牵头单位统筹调剂，6月底前落实。",
                user=account,
            )
    _awaiting_instruction(stories, office, today)
    lagging = [s for s in stories if s.profile == "lagging"]
    if lagging and date(year, 5, 15) <= today:
        story = lagging[0]
        with on_day(date(year, 4, 20)):
            problem = Problem.raise_on(
                task=story.task,
                unit=story.unit,
                title="配套资金拨付滞后",
                description="上级补助资金未到位，影响工程款支付。",
                user=_liaison(story.unit),
            )
        with on_day(date(year, 5, 15)):
            problem.resolve(resolution="财政部门已拨付 300 万元。", user=office)


def _awaiting_instruction(stories, office, today: date) -> None:
    """A problem escalated to the `leader` log-in's official, left for them to instruct."""
    year = today.year
    account = (
        get_user_model()
        .objects.filter(profile__role=UserRole.LEADER, profile__official__isnull=False)
        .order_by("pk")
        .first()
    )
    if account is None or date(year, 9, 1) > today:
        return
    portfolio = Task.objects.for_official(account.profile.official)
    lagging = [s for s in stories if s.profile == "lagging" and s.kind == ReportKind.CONSOLIDATED]
    story = next((s for s in lagging if portfolio.filter(pk=s.task.pk).exists()), None)
    if story is None:
        return
    with on_day(date(year, 8, 20)):
        problem = Problem.raise_on(
            task=story.task,
            unit=story.unit,
            title="跨部门审批事项久拖未决",
            description="项目所需的规划调整涉及多个部门，审批迟迟未能完成，影响三季度进度。",
            user=_liaison(story.unit),
        )
    with on_day(date(year, 8, 27)):
        problem.coordinate(unit=story.unit, text="已两次召开协调会，相关部门意见仍不一致。")
    with on_day(date(year, 9, 1)):
        problem.escalate(reason="部门间意见不一，提请分管区领导协调。", user=office)


def _refresh(tasks, day: date) -> dict:
    with on_day(day, 1):
        return refresh_all(day, tasks=tasks)


@transaction.atomic
def load_year_in_progress(notice: Notice, today: date) -> list[str]:
    """Load the year up to `today` for the notice's annual plan; lines for the console.

    Does nothing when the plan's tasks already have a status history (safe to run again).
    """
    plan = notice.plans.filter(kind=PlanKind.ANNUAL, start_year__isnull=False).first()
    if plan is None:
        return ["未找到年度计划，跳过年度进展演示数据。"]
    if StatusChange.objects.filter(task__plan=plan).exists():
        return ["年度进展演示数据已存在。"]
    office = get_user_model().objects.filter(profile__role=UserRole.OFFICE).order_by("pk").first()
    cycles = _cycles(plan, today)
    stories = _stories(plan)
    for quarter, cycle in enumerate(cycles):
        if cycle.due_on - timedelta(days=4) > today:
            break
        _report_quarter(stories, quarter, cycle, office, today)
        checkpoint = cycle.due_on + timedelta(days=7)
        if checkpoint <= today:
            # The statuses as the office saw them a week after each due date: the history.
            _refresh(plan.tasks.active(), checkpoint)
    _make_up(stories, cycles, office, today)
    for cycle in cycles:
        # The demo's reports bypass submit(): read the cycles' messages as it would have.
        cycle.mark_settled(Unit.objects.values_list("pk", flat=True))
    if cycles[0].state == CycleState.OPEN and date(plan.start_year, 7, 25) <= today:
        with on_day(date(plan.start_year, 7, 25)):
            cycles[0].lock(None)
    _notices(stories, office, today)
    _problems(stories, office, today)
    counts = _refresh(Task.objects.active().filter(plan__notice=notice), today)
    summary = "，".join(f"{label} {counts.get(value, 0)}" for value, label in Colour.choices)
    return [f"年度进展（截至 {today:%Y-%m-%d}）：{len(cycles)} 个报送周期；任务状态：{summary}"]


def year_in_progress(demo) -> None:
    """The `duban demo` step: the year in progress for the imported notice."""
    if demo.notice.plans.filter(kind=PlanKind.ANNUAL).exists():
        demo.lines += load_year_in_progress(demo.notice, demo.today)
