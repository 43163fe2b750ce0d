"""督办单: issued to a lead unit, responded to, closed or escalated to the next tier."""

from datetime import date, timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from duban.accounts.access import require_office
from duban.audit.log import record
from duban.lib import clock
from duban.lib.transitions import TransitionError, advance, require_permission, require_state

# The module, not its names: the progress models import messages before these models load,
# so it is still half-imported when they run.
from duban.supervision import messages
from duban.supervision.actions import SupervisionNoticeAction
from duban.supervision.choices import NoticeState, Tier
from duban.supervision.emails import send
from duban.supervision.models.notifications import Notification, about_key
from duban.supervision.models.rules import (
    TIER_ORDER,
    escalation_grace_days,
    liaisons,
    office_users,
    response_days,
)

LATE_LABEL = "逾期未反馈"


class SupervisionNoticeQuerySet(models.QuerySet):
    def pending(self) -> "SupervisionNoticeQuerySet":
        """Notices still waiting for the unit's response."""
        return self.filter(state=NoticeState.ISSUED)

    def late(self, today: date) -> "SupervisionNoticeQuerySet":
        """Pending notices whose response deadline passed before `today`."""
        return self.pending().filter(respond_by__lt=today)

    def for_unit(self, unit) -> "SupervisionNoticeQuerySet":
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

    objects = models.Manager.from_queryset(SupervisionNoticeQuerySet)()

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
            # SupervisionNoticeQuerySet.late(): the escalation job scans pending notices by deadline.
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
    def state_label(self) -> str:
        """The state as the pages show it: a pending notice past its deadline is 逾期未反馈."""
        return LATE_LABEL if self.is_late(clock.today()) else self.get_state_display()

    @property
    def next_tier(self) -> str | None:
        index = TIER_ORDER.index(self.tier)
        return TIER_ORDER[index + 1] if index + 1 < len(TIER_ORDER) else None

    @classmethod
    @transaction.atomic
    def issue(cls, *, task, unit, tier, reason, respond_by, user=None, escalated_from=None):
        """Create a notice, audit it and tell the unit's liaisons."""
        require_office(user)
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
            SupervisionNoticeAction.ISSUED,
            notice,
            user=user,
            data={"task": task.pk, "unit": unit.name, "tier": tier, "respond_by": str(respond_by)},
        )
        text = f"收到{notice.get_tier_display()}督办单：{task}，请于 {respond_by:%Y-%m-%d} 前反馈"
        users = list(liaisons([unit.pk]))
        # Its own e-mail, richer than send_message's: the reason and the deadline in full.
        Notification.objects.notify(users, text, notice.get_absolute_url(), about=about_key(notice))
        recipients = [u.email for u in users if u.email]
        if recipients:
            # After the commit: a rolled-back notice must not have been mailed.
            transaction.on_commit(lambda: send("notice", {"notice": notice}, recipients))
        return notice

    @transaction.atomic
    def respond(self, text: str, user) -> None:
        """The unit the notice went to answers it; `user` None is the system (the demo)."""
        from duban.supervision.access import may_respond  # access reads these models

        allowed = user is None or may_respond(user, self)
        require_permission(allowed, "只有被督办单位可以反馈。")
        require_state(self, "state", [NoticeState.ISSUED], "“{state}”状态下不能反馈")
        advance(
            self,
            "state",
            state=NoticeState.RESPONDED,
            response=text,
            responded_at=timezone.now(),
            responded_by=user,
        )
        record(SupervisionNoticeAction.RESPONDED, self, user=user, data={"task": self.task_id})
        messages.mark_handled(self, liaisons([self.unit_id]))
        messages.send_message(
            office_users(),
            subject="督办单反馈",
            text=f"{self.unit}已反馈{self.get_tier_display()}督办单：{self.task}\n反馈内容：{text}",
            url=self.get_absolute_url(),
            about=self,
        )

    @transaction.atomic
    def close(self, user) -> None:
        require_office(user)
        require_state(self, "state", [NoticeState.RESPONDED], "“{state}”状态下不能办结")
        advance(self, "state", state=NoticeState.CLOSED, closed_at=timezone.now())
        record(SupervisionNoticeAction.CLOSED, self, user=user, data={"task": self.task_id})
        messages.mark_handled(self)

    @transaction.atomic
    def escalate(self, user=None, today: date | None = None) -> "SupervisionNotice":
        """Mark this notice escalated and issue the next tier; `user` None is the nightly job."""
        require_office(user)
        require_state(
            self, "state", [NoticeState.ISSUED, NoticeState.RESPONDED], "“{state}”状态下不能升级"
        )
        tier = self.next_tier
        if tier is None:
            raise TransitionError("通报已是最高等级，不能再升级")
        today = today or clock.today()
        advance(self, "state", state=NoticeState.ESCALATED, escalated_at=timezone.now())
        record(
            SupervisionNoticeAction.ESCALATED,
            self,
            user=user,
            data={"task": self.task_id, "from": self.tier, "to": tier, "late": self.is_late(today)},
        )
        # The next tier's notice carries the demand now.
        messages.mark_handled(self)
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
