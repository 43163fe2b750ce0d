from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from duban.accounts.choices import Role as ProfileRole
from duban.audit.log import record
from duban.ledger.choices import Role as AssignmentRole
from duban.supervision.choices import Colour, NoticeState, ProblemState, Tier
from duban.supervision.emails import send

# The response days a 督办单 of each tier gives, unless settings.DUBAN_NOTICE_RESPONSE_DAYS says otherwise.
DEFAULT_RESPONSE_DAYS = {Tier.REMIND: 7, Tier.WARN: 5, Tier.BULLETIN: 3}
TIER_ORDER = [Tier.REMIND, Tier.WARN, Tier.BULLETIN]


def response_days(tier: str) -> int:
    return {**DEFAULT_RESPONSE_DAYS, **settings.DUBAN_NOTICE_RESPONSE_DAYS}[tier]


def escalation_grace_days() -> int:
    """Days after a notice's response deadline before `duban remind` escalates it."""
    return settings.DUBAN_NOTICE_ESCALATE_AFTER_DAYS


class StateError(ValidationError):
    """A transition asked of a record in a state that does not allow it."""


def _require(obj, allowed, action: str) -> None:
    if obj.state not in allowed:
        raise StateError(f"“{obj.get_state_display()}”状态下不能{action}")


def liaisons(unit_ids):
    """Active users who act for one of the units (their liaisons)."""
    return get_user_model().objects.filter(
        is_active=True, profile__role=ProfileRole.UNIT, profile__unit__in=unit_ids
    )


def lead_unit_ids(task) -> list[int]:
    """The units that lead the task in supervision: a remark's override, else the 牵头 units,
    else, for rows without a marked lead, the units jointly (共同) responsible for it.
    """
    override = list(task.lead_override_units.values_list("pk", flat=True))
    if override:
        return override
    for role in (AssignmentRole.LEAD, AssignmentRole.JOINT):
        units = list(task.assignments.filter(role=role).values_list("unit_id", flat=True))
        if units:
            return units
    return []


def leader_users(task):
    """Active users who are one of the task's leaders."""
    return get_user_model().objects.filter(
        is_active=True,
        profile__role=ProfileRole.LEADER,
        profile__official__in=task.task_leaders.values("official_id"),
    )


class TaskStatus(models.Model):
    """The current supervision status of a task, as the rules last computed it."""

    task = models.OneToOneField(
        "ledger.Task", models.CASCADE, related_name="supervision_status", verbose_name="任务"
    )
    colour = models.CharField("状态", max_length=10, choices=Colour, default=Colour.GREEN)
    reasons = models.JSONField("依据", default=list, blank=True)
    since = models.DateTimeField("本状态起始", default=timezone.now)
    computed_at = models.DateTimeField("计算时间", default=timezone.now)

    class Meta:
        verbose_name = "任务督办状态"
        verbose_name_plural = "任务督办状态"
        # The OneToOne's unique index on task_id backs this ordering.
        ordering = ["task"]
        indexes = [
            # The supervision overview: tasks of one colour, counted and listed.
            models.Index(fields=["colour", "task"], name="supervision_status_colour"),
        ]

    def __str__(self) -> str:
        return f"{self.task}：{self.get_colour_display()}"

    def get_absolute_url(self) -> str:
        return self.task.get_absolute_url()

    @transaction.atomic
    def apply(self, verdict, user=None) -> "StatusChange | None":
        """Store a verdict of the rules; a new colour is kept in the history and audited."""
        now = timezone.now()
        previous = self.colour if self.pk else None
        self.reasons = list(verdict.reasons)
        self.computed_at = now
        change = None
        if previous != verdict.colour:
            self.colour = verdict.colour
            self.since = now
            change = StatusChange.objects.create(
                task_id=self.task_id,
                from_colour=previous or "",
                to_colour=verdict.colour,
                reasons=self.reasons,
                at=now,
            )
            record(
                "supervision.status.changed",
                self.task,
                user=user,
                data={"from": previous or "", "to": verdict.colour, "reasons": self.reasons},
            )
        self.save()
        return change


class StatusChange(models.Model):
    """One change of a task's colour, with the reasons the rules gave at that moment."""

    task = models.ForeignKey(
        "ledger.Task", models.CASCADE, related_name="status_changes", verbose_name="任务"
    )
    # Blank for the first status a task was given.
    from_colour = models.CharField("原状态", max_length=10, choices=Colour, blank=True)
    to_colour = models.CharField("新状态", max_length=10, choices=Colour)
    reasons = models.JSONField("依据", default=list, blank=True)
    at = models.DateTimeField("时间", default=timezone.now)

    class Meta:
        verbose_name = "状态变化"
        verbose_name_plural = "状态变化"
        ordering = ["-at", "-pk"]
        indexes = [
            # A task's status history, newest first.
            models.Index(fields=["task", "-at"], name="supervision_change_task_at"),
        ]

    def __str__(self) -> str:
        before = self.get_from_colour_display() or "—"
        return f"{self.task}：{before} → {self.get_to_colour_display()}"

    def get_absolute_url(self) -> str:
        return self.task.get_absolute_url()


class NoticeQuerySet(models.QuerySet):
    def pending(self) -> "NoticeQuerySet":
        """Notices still waiting for the unit's response."""
        return self.filter(state=NoticeState.ISSUED)

    def late(self, today: date) -> "NoticeQuerySet":
        """Pending notices whose response deadline passed before `today`."""
        return self.pending().filter(respond_by__lt=today)

    def for_unit(self, unit) -> "NoticeQuerySet":
        return self.filter(unit=unit)


class SupervisionNotice(models.Model):
    """A 督办单: the office's written demand to a task's lead unit, with a response deadline."""

    task = models.ForeignKey(
        "ledger.Task", models.CASCADE, related_name="supervision_notices", verbose_name="任务"
    )
    unit = models.ForeignKey(
        "ledger.Unit", models.PROTECT, related_name="supervision_notices", verbose_name="督办单位"
    )
    tier = models.CharField("等级", max_length=10, choices=Tier, default=Tier.REMIND)
    state = models.CharField("状态", max_length=10, choices=NoticeState, default=NoticeState.ISSUED)
    reason = models.TextField("督办事由")
    respond_by = models.DateField("反馈期限")
    issued_at = models.DateTimeField("下发时间", default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="issued_supervision_notices",
        verbose_name="下发人",
    )
    response = models.TextField("反馈内容", blank=True)
    responded_at = models.DateTimeField("反馈时间", null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="responded_supervision_notices",
        verbose_name="反馈人",
    )
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    escalated_at = models.DateTimeField("升级时间", null=True, blank=True)
    # The lower-tier notice whose late response led to this one.
    escalated_from = models.OneToOneField(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="escalated_to",
        verbose_name="升级自",
    )

    objects = models.Manager.from_queryset(NoticeQuerySet)()

    class Meta:
        verbose_name = "督办单"
        verbose_name_plural = "督办单"
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="supervision_notice_responded_has_time",
                condition=~Q(state=NoticeState.RESPONDED) | Q(responded_at__isnull=False),
            ),
        ]
        indexes = [
            # The office's list of notices, newest first.
            models.Index(fields=["-issued_at"], name="supervision_notice_issued"),
            # NoticeQuerySet.late(): the escalation job's scan of pending notices by deadline.
            models.Index(fields=["state", "respond_by"], name="supervision_notice_pending"),
            # A unit's notices (its to-do list).
            models.Index(fields=["unit", "state"], name="supervision_notice_unit"),
        ]

    def __str__(self) -> str:
        return f"督办单（{self.get_tier_display()}）：{self.task}"

    def get_absolute_url(self) -> str:
        return reverse("supervision:notice", args=[self.pk])

    def is_late(self, today: date) -> bool:
        return self.state == NoticeState.ISSUED and self.respond_by < today

    @property
    def next_tier(self) -> str | None:
        index = TIER_ORDER.index(self.tier)
        return TIER_ORDER[index + 1] if index + 1 < len(TIER_ORDER) else None

    @classmethod
    @transaction.atomic
    def issue(cls, *, task, unit, tier, reason, respond_by, user=None, escalated_from=None):
        """Create a notice, audit it and tell the unit's liaisons."""
        notice = cls.objects.create(
            task=task,
            unit=unit,
            tier=tier,
            reason=reason,
            respond_by=respond_by,
            issued_by=user,
            escalated_from=escalated_from,
        )
        record(
            "supervision.notice.issued",
            notice,
            user=user,
            data={"task": task.pk, "unit": unit.name, "tier": tier, "respond_by": str(respond_by)},
        )
        text = f"收到{notice.get_tier_display()}督办单：{task}，请于 {respond_by:%Y-%m-%d} 前反馈"
        users = list(liaisons([unit.pk]))
        Notification.objects.notify(users, text, notice.get_absolute_url())
        recipients = [u.email for u in users if u.email]
        if recipients:
            # After the commit: a rolled-back notice must not have been mailed.
            transaction.on_commit(lambda: send("notice", {"notice": notice}, recipients))
        return notice

    @transaction.atomic
    def respond(self, text: str, user) -> None:
        _require(self, [NoticeState.ISSUED], "反馈")
        self.state = NoticeState.RESPONDED
        self.response = text
        self.responded_at = timezone.now()
        self.responded_by = user
        self.save(update_fields=["state", "response", "responded_at", "responded_by"])
        record("supervision.notice.responded", self, user=user, data={"task": self.task_id})

    @transaction.atomic
    def close(self, user) -> None:
        _require(self, [NoticeState.RESPONDED], "办结")
        self.state = NoticeState.CLOSED
        self.closed_at = timezone.now()
        self.save(update_fields=["state", "closed_at"])
        record("supervision.notice.closed", self, user=user, data={"task": self.task_id})

    @transaction.atomic
    def escalate(self, user=None, today: date | None = None) -> "SupervisionNotice":
        """Mark this notice escalated and issue the next tier; `user` None is the nightly job."""
        _require(self, [NoticeState.ISSUED, NoticeState.RESPONDED], "升级")
        tier = self.next_tier
        if tier is None:
            raise StateError("通报已是最高等级，不能再升级")
        today = today or timezone.localdate()
        self.state = NoticeState.ESCALATED
        self.escalated_at = timezone.now()
        self.save(update_fields=["state", "escalated_at"])
        record(
            "supervision.notice.escalated",
            self,
            user=user,
            data={"task": self.task_id, "from": self.tier, "to": tier, "late": self.is_late(today)},
        )
        why = "逾期未反馈" if self.responded_at is None else "反馈不到位"
        return SupervisionNotice.issue(
            task=self.task,
            unit=self.unit,
            tier=tier,
            reason=f"{self.reason}\n（原{self.get_tier_display()}督办单{why}，升级督办）",
            respond_by=today + timedelta(days=response_days(tier)),
            user=user,
            escalated_from=self,
        )


def escalate_late_notices(today: date, dry_run: bool = False) -> list[SupervisionNotice]:
    """Escalate every notice whose response is late beyond the grace days; top-tier ones stay."""
    cutoff = today - timedelta(days=escalation_grace_days())
    late = list(
        SupervisionNotice.objects.late(cutoff)
        .exclude(tier=TIER_ORDER[-1])
        .select_related("task", "unit")
    )
    if not dry_run:
        for notice in late:
            notice.escalate(today=today)
    return late


class ProblemQuerySet(models.QuerySet):
    def open(self) -> "ProblemQuerySet":
        return self.exclude(state__in=[ProblemState.RESOLVED, ProblemState.CLOSED])

    def escalated(self) -> "ProblemQuerySet":
        """Problems waiting for a leader's instruction."""
        return self.filter(state=ProblemState.ESCALATED)

    def for_tasks(self, tasks) -> "ProblemQuerySet":
        return self.filter(task__in=tasks)


class Problem(models.Model):
    """A difficulty a responsible unit raises on a task, climbing unit → lead unit → leader."""

    OPEN_STATES = [
        ProblemState.RAISED,
        ProblemState.COORDINATING,
        ProblemState.ESCALATED,
        ProblemState.INSTRUCTED,
    ]

    task = models.ForeignKey(
        "ledger.Task", models.CASCADE, related_name="problems", verbose_name="任务"
    )
    unit = models.ForeignKey(
        "ledger.Unit", models.PROTECT, related_name="raised_problems", verbose_name="提出单位"
    )
    title = models.CharField("问题", max_length=200)
    description = models.TextField("具体情况")
    state = models.CharField(
        "状态", max_length=15, choices=ProblemState, default=ProblemState.RAISED
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="raised_problems",
        verbose_name="提出人",
    )
    raised_at = models.DateTimeField("提出时间", default=timezone.now)
    coordinating_at = models.DateTimeField("开始协调", null=True, blank=True)
    escalated_at = models.DateTimeField("提请区领导", null=True, blank=True)
    instructed_at = models.DateTimeField("批示时间", null=True, blank=True)
    resolved_at = models.DateTimeField("解决时间", null=True, blank=True)
    closed_at = models.DateTimeField("关闭时间", null=True, blank=True)
    escalation_reason = models.TextField("提请理由", blank=True)
    resolution = models.TextField("解决情况", blank=True)

    objects = models.Manager.from_queryset(ProblemQuerySet)()

    class Meta:
        verbose_name = "问题"
        verbose_name_plural = "问题"
        ordering = ["-raised_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="supervision_problem_resolved_has_time",
                condition=~Q(state__in=["resolved", "closed"]) | Q(resolved_at__isnull=False),
            ),
        ]
        indexes = [
            # The problems list, newest first.
            models.Index(fields=["-raised_at"], name="supervision_problem_raised"),
            # A task's problems on its page.
            models.Index(fields=["task", "state"], name="supervision_problem_task"),
            # ProblemQuerySet.escalated(): a leader's problems waiting for an instruction.
            models.Index(fields=["state", "-raised_at"], name="supervision_problem_state"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("supervision:problem", args=[self.pk])

    def _audit(self, action: str, user, **data) -> None:
        record(
            f"supervision.problem.{action}", self, user=user, data={"task": self.task_id, **data}
        )

    @classmethod
    @transaction.atomic
    def raise_on(cls, *, task, unit, title, description, user=None) -> "Problem":
        """Record a problem a responsible unit raises and tell the lead unit's liaisons."""
        problem = cls.objects.create(
            task=task, unit=unit, title=title, description=description, raised_by=user
        )
        problem._audit("raised", user, unit=unit.name, title=title)
        lead = [pk for pk in lead_unit_ids(task) if pk != unit.pk]
        Notification.objects.notify(
            liaisons(lead), f"{unit}就“{task}”提出问题：{title}", problem.get_absolute_url()
        )
        return problem

    @transaction.atomic
    def coordinate(self, *, unit, text: str, user=None) -> "CoordinationNote":
        """The lead unit records what it did to coordinate; the first note starts coordination."""
        _require(self, [ProblemState.RAISED, ProblemState.COORDINATING], "记录协调情况")
        if self.state == ProblemState.RAISED:
            self.state = ProblemState.COORDINATING
            self.coordinating_at = timezone.now()
            self.save(update_fields=["state", "coordinating_at"])
        note = self.notes.create(unit=unit, author=user, text=text)
        self._audit("coordinated", user, unit=unit.name)
        return note

    @transaction.atomic
    def escalate(self, *, reason: str, user=None) -> None:
        """Put the problem before the task's leaders, whom it notifies."""
        _require(self, [ProblemState.RAISED, ProblemState.COORDINATING], "提请区领导")
        self.state = ProblemState.ESCALATED
        self.escalated_at = timezone.now()
        self.escalation_reason = reason
        self.save(update_fields=["state", "escalated_at", "escalation_reason"])
        self._audit("escalated", user, reason=reason)
        Notification.objects.notify(
            leader_users(self.task),
            f"问题提请批示：{self.title}（{self.task}）",
            self.get_absolute_url(),
        )

    @transaction.atomic
    def instruct(self, *, official, text: str, user=None) -> "Instruction":
        """A leader's 批示; a further one may follow the first."""
        _require(self, [ProblemState.ESCALATED, ProblemState.INSTRUCTED], "批示")
        instruction = self.instructions.create(official=official, author=user, text=text)
        if self.state == ProblemState.ESCALATED:
            self.state = ProblemState.INSTRUCTED
            self.instructed_at = instruction.created_at
            self.save(update_fields=["state", "instructed_at"])
        self._audit("instructed", user, official=official.name)
        units = {*lead_unit_ids(self.task), self.unit_id}
        Notification.objects.notify(
            liaisons(units), f"{official}对问题“{self.title}”作出批示", self.get_absolute_url()
        )
        return instruction

    @transaction.atomic
    def resolve(self, *, resolution: str, user=None) -> None:
        _require(self, self.OPEN_STATES, "标记解决")
        self.state = ProblemState.RESOLVED
        self.resolved_at = timezone.now()
        self.resolution = resolution
        self.save(update_fields=["state", "resolved_at", "resolution"])
        self._audit("resolved", user)

    @transaction.atomic
    def close(self, user=None) -> None:
        _require(self, [ProblemState.RESOLVED], "关闭")
        self.state = ProblemState.CLOSED
        self.closed_at = timezone.now()
        self.save(update_fields=["state", "closed_at"])
        self._audit("closed", user)


class CoordinationNote(models.Model):
    """What the lead unit did to coordinate a problem (a meeting, a call, an agreement)."""

    problem = models.ForeignKey(Problem, models.CASCADE, related_name="notes", verbose_name="问题")
    unit = models.ForeignKey(
        "ledger.Unit", models.PROTECT, related_name="coordination_notes", verbose_name="协调单位"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordination_notes",
        verbose_name="记录人",
    )
    text = models.TextField("协调情况")
    created_at = models.DateTimeField("时间", default=timezone.now)

    class Meta:
        verbose_name = "协调记录"
        verbose_name_plural = "协调记录"
        ordering = ["problem", "created_at"]
        indexes = [
            # A problem's notes in the order they were written.
            models.Index(fields=["problem", "created_at"], name="supervision_note_problem"),
        ]

    def __str__(self) -> str:
        return f"{self.unit}：{self.text[:30]}"

    def get_absolute_url(self) -> str:
        return self.problem.get_absolute_url()


class Instruction(models.Model):
    """A district leader's instruction (批示) on an escalated problem."""

    problem = models.ForeignKey(
        Problem, models.CASCADE, related_name="instructions", verbose_name="问题"
    )
    official = models.ForeignKey(
        "ledger.Official", models.PROTECT, related_name="instructions", verbose_name="批示领导"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="instructions",
        verbose_name="录入人",
    )
    text = models.TextField("批示内容")
    created_at = models.DateTimeField("批示时间", default=timezone.now)

    class Meta:
        verbose_name = "批示"
        verbose_name_plural = "批示"
        ordering = ["problem", "created_at"]
        indexes = [
            # A problem's instructions in order.
            models.Index(fields=["problem", "created_at"], name="supervision_instr_problem"),
        ]

    def __str__(self) -> str:
        return f"{self.official}批示：{self.text[:30]}"

    def get_absolute_url(self) -> str:
        return self.problem.get_absolute_url()


class NotificationQuerySet(models.QuerySet):
    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)

    def notify(self, users, text: str, url: str = "") -> list["Notification"]:
        """One notification per user; `users` may be a queryset or any iterable."""
        return self.bulk_create([Notification(user=u, text=text, url=url) for u in users])


class Notification(models.Model):
    """A message shown to a user inside duban (reminders, notices, problems)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="notifications",
        verbose_name="用户",
    )
    text = models.CharField("内容", max_length=500)
    url = models.CharField("链接", max_length=300, blank=True)
    created_at = models.DateTimeField("时间", default=timezone.now)
    read_at = models.DateTimeField("阅读时间", null=True, blank=True)

    objects = models.Manager.from_queryset(NotificationQuerySet)()

    class Meta:
        verbose_name = "站内通知"
        verbose_name_plural = "站内通知"
        ordering = ["-created_at", "-pk"]
        indexes = [
            # A user's notifications page, newest first (and its unread count).
            models.Index(fields=["user", "-created_at"], name="supervision_notif_user"),
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return reverse("supervision:notifications")

    def mark_read(self) -> None:
        if self.read_at is None:
            self.read_at = timezone.now()
            self.save(update_fields=["read_at"])
