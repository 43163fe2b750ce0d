"""督办单: issued to a responsible unit, responded to, closed or escalated to the next tier."""

from collections.abc import Callable
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from duban.accounts.access import require_office
from duban.audit.log import record
from duban.ledger.choices import AssignmentRole, UnitKind
from duban.ledger.models import Unit
from duban.lib import clock
from duban.lib.stored_files import StoredUpload, random_upload_name
from duban.lib.transitions import TransitionError, advance, require_permission, require_state
from duban.progress.files import EvidenceError, check_evidence, sanitise_name, sha256_of

# The module, not its names: the progress models import messages before these models load,
# so it is still half-imported when they run.
from duban.supervision import messages
from duban.supervision.actions import SupervisionNoticeAction
from duban.supervision.choices import Colour, NoticeState, Tier
from duban.supervision.emails import send
from duban.supervision.models.notifications import Notification, about_key
from duban.supervision.models.rules import (
    TIER_ORDER,
    escalation_grace_days,
    liaisons,
    office_users,
    official_users,
    response_days,
)

LATE_LABEL = "逾期未反馈"

# Notices issued at the same moment may compute the same 编号; each loser of the unique
# constraint takes the next one, so this bounds the issuers racing for one number.
NUMBER_ATTEMPTS = 20


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
    """A 督办单: the office's written demand to a task's unit, with a response deadline."""

    task = models.ForeignKey(
        "ledger.Task", models.CASCADE, related_name="supervision_notices", verbose_name="任务"
    )
    unit = models.ForeignKey(
        "ledger.Unit", models.PROTECT, related_name="supervision_notices", verbose_name="督办单位"
    )
    tier = models.CharField("等级", max_length=10, choices=Tier, default=Tier.REMIND)
    state = models.CharField("状态", max_length=10, choices=NoticeState, default=NoticeState.ISSUED)
    # The 编号: the running number `seq` in `year`, written as settings.DUBAN_SUPERVISION_NOTICE_NUMBER
    # said when the notice was issued (a later change of format leaves issued numbers alone).
    year = models.PositiveSmallIntegerField("年度")
    seq = models.PositiveIntegerField("序号")
    number = models.CharField("编号", max_length=50)
    reason = models.TextField("督办事由")
    respond_by = models.DateField("反馈期限")
    issued_at = models.DateTimeField("下发时间", default=clock.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="issued_supervision_notices",
        verbose_name="下发人",
    )
    # The name printed after 签发: the issuing office user's, or the signer the office named.
    signer = models.CharField("签发人", max_length=50)
    copied_to = models.ManyToManyField(
        "ledger.Official",
        blank=True,
        related_name="copied_supervision_notices",
        verbose_name="抄送领导",
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
    closing_remarks = models.TextField("办结意见", blank=True)
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
            models.UniqueConstraint(
                fields=["year", "seq"], name="supervision_notice_unique_number"
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
        return f"{self.number} 督办单（{self.get_tier_display()}）：{self.task}"

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

    @staticmethod
    def suggested_reason(task) -> str:
        """督办事由 drawn from the reasons the task lags; empty while nothing is known to lag."""
        status = getattr(task, "supervision_status", None)
        if status is None or status.colour not in (Colour.RED, Colour.YELLOW):
            return ""
        reasons = "；".join(reason.rstrip("。；;") for reason in status.reasons)
        return f"{reasons}。请说明原因，提出整改措施并按期反馈。"

    @classmethod
    @transaction.atomic
    def issue(
        cls,
        *,
        task,
        unit,
        tier,
        reason,
        respond_by,
        user=None,
        signer="",
        copied_to=(),
        escalated_from=None,
    ):
        """Create a notice (numbered by `save`) to one of the task's units, audit it and tell the
        unit's liaisons and the leaders it is copied to."""
        require_office(user)
        # An escalation follows the notice it replaces, to the same unit.
        if escalated_from is None and not task.is_responsible(unit):
            raise TransitionError(f"{unit}不是该任务的责任单位，不能向其下发督办单")
        notice = cls(
            task=task,
            unit=unit,
            tier=tier,
            reason=reason,
            respond_by=respond_by,
            issued_by=user,
            signer=signer.strip(),
            escalated_from=escalated_from,
        )
        notice.save()
        notice.copied_to.set(copied_to)
        record(
            SupervisionNoticeAction.ISSUED,
            notice,
            user=user,
            data={
                "task": task.pk,
                "unit": unit.name,
                "tier": tier,
                "respond_by": str(respond_by),
                "number": notice.number,
                "copied_to": [official.name for official in copied_to],
            },
        )
        text = f"收到{notice.get_tier_display()}督办单（{notice.number}）：{task}，请于 {respond_by:%Y-%m-%d} 前反馈"
        users = list(liaisons([unit.pk]))
        # Its own e-mail, richer than send_message's: the reason and the deadline in full.
        Notification.objects.notify(users, text, notice.get_absolute_url(), about=about_key(notice))
        recipients = [u.email for u in users if u.email]
        if recipients:
            # After the commit: a rolled-back notice must not have been mailed.
            transaction.on_commit(lambda: send("notice", {"notice": notice}, recipients))
        if copied_to:
            messages.send_message(
                official_users([official.pk for official in copied_to]),
                subject="督办单抄送",
                text=f"抄送：{notice.number}{notice.get_tier_display()}督办单：{task}\n"
                f"督办单位：{unit}，反馈期限 {respond_by:%Y-%m-%d}\n督办事由：{reason}",
                url=notice.get_absolute_url(),
                about=notice,
            )
        return notice

    def save(self, *args, **kwargs):
        """A new notice is inserted under the next 编号 of its year, signed by its issuer unless
        a signer is named.

        Two notices issued at once compute the same number; the unique constraint refuses the
        second insert (PostgreSQL waits for the first to commit), which then reads the new
        highest number and tries the next.
        """
        if not self._state.adding or self.seq is not None:
            super().save(*args, **kwargs)
            return
        self.signer = self.signer or _name_of(self.issued_by)
        self.year = timezone.localtime(self.issued_at).year
        for attempt in range(NUMBER_ATTEMPTS):
            last = SupervisionNotice.objects.filter(year=self.year).aggregate(last=Max("seq"))
            self.seq = (last["last"] or 0) + 1
            self.number = settings.DUBAN_SUPERVISION_NOTICE_NUMBER.format(
                year=self.year, seq=self.seq
            )
            try:
                with transaction.atomic():
                    super().save(force_insert=True)
                return
            except IntegrityError:
                if attempt + 1 == NUMBER_ATTEMPTS:
                    raise

    @transaction.atomic
    def respond(self, text: str, user, files=()) -> None:
        """The unit the notice went to answers it, with `files` (uploads) attached, each checked
        as report evidence is; `user` None is the system (the demo)."""
        from duban.supervision.access import may_respond  # access reads these models

        allowed = user is None or may_respond(user, self)
        require_permission(allowed, "只有被督办单位可以反馈。")
        require_state(self, "state", [NoticeState.ISSUED], "“{state}”状态下不能反馈")
        checked = _check_files(files)
        advance(
            self,
            "state",
            state=NoticeState.RESPONDED,
            response=text,
            responded_at=clock.now(),
            responded_by=user,
        )
        attachments = NoticeAttachment.store(self, checked, user)
        record(
            SupervisionNoticeAction.RESPONDED,
            self,
            user=user,
            data={
                "task": self.task_id,
                "attachments": [
                    {"name": a.original_name, "sha256": a.file_hash} for a in attachments
                ],
            },
        )
        messages.mark_handled(self, liaisons([self.unit_id]))
        messages.send_message(
            office_users(),
            subject="督办单反馈",
            text=f"{self.unit}已反馈{self.get_tier_display()}督办单：{self.task}\n反馈内容：{text}",
            url=self.get_absolute_url(),
            about=self,
        )

    @transaction.atomic
    def close(self, user, remarks: str) -> None:
        """The office closes an answered notice with its 办结意见 (required)."""
        require_office(user)
        require_state(self, "state", [NoticeState.RESPONDED], "“{state}”状态下不能办结")
        remarks = remarks.strip()
        if not remarks:
            raise TransitionError("请填写办结意见")
        advance(
            self,
            "state",
            state=NoticeState.CLOSED,
            closed_at=clock.now(),
            closing_remarks=remarks,
        )
        record(
            SupervisionNoticeAction.CLOSED,
            self,
            user=user,
            data={"task": self.task_id, "remarks": remarks},
        )
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
        advance(self, "state", state=NoticeState.ESCALATED, escalated_at=clock.now())
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
            signer=self.signer if user is None else "",
            copied_to=list(self.copied_to.all()),
            escalated_from=self,
        )


def notice_evidence_path(instance: "NoticeAttachment", filename: str) -> str:
    """A random name under evidence/notices/ (migrations name this function)."""
    return random_upload_name("evidence/notices", filename)


class NoticeAttachment(StoredUpload):
    """A file a unit sent with its answer to a 督办单, checked and served like report evidence."""

    notice = models.ForeignKey(
        SupervisionNotice, models.CASCADE, related_name="attachments", verbose_name="督办单"
    )
    file = models.FileField("文件", upload_to=notice_evidence_path, max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="notice_attachment_uploads",
        verbose_name="上传人",
    )

    class Meta:
        verbose_name = "督办单反馈附件"
        verbose_name_plural = "督办单反馈附件"
        ordering = ["notice_id", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["notice", "file_hash"], name="supervision_noticeattachment_unique_hash"
            ),
        ]
        indexes = [
            # A notice's files in upload order, on its page and in its Word file.
            models.Index(fields=["notice", "created_at"], name="supervision_notice_attachment"),
        ]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("supervision:notice-attachment", args=[self.pk])

    @classmethod
    def store(cls, notice, checked, user) -> list["NoticeAttachment"]:
        """Write the checked files (see `_check_files`) and their rows; no file is left behind
        when a row fails."""
        attachments = []
        try:
            for upload, name, sniffed, digest in checked:
                attachment = cls(
                    notice=notice,
                    original_name=name,
                    content_type=sniffed.content_type,
                    file_size=upload.size,
                    file_hash=digest,
                    uploaded_by=user,
                )
                attachment.file.save(name, upload, save=False)
                attachments.append(attachment)
                attachment.save()
        except Exception:
            for attachment in attachments:
                attachment.file.delete(save=False)
            raise
        return attachments


def _check_files(files) -> list:
    """(upload, name, sniffed, sha256) for each distinct file; EvidenceError names a bad one."""
    checked, seen = [], set()
    for upload in files:
        name = sanitise_name(upload.name)
        try:
            sniffed = check_evidence(upload, name, upload.size, settings.DUBAN_MAX_EVIDENCE_BYTES)
        except EvidenceError as error:
            raise EvidenceError(f"{name}：{error}") from None
        digest = sha256_of(upload)
        if digest not in seen:
            seen.add(digest)
            checked.append((upload, name, sniffed, digest))
    return checked


def notice_units(task) -> dict:
    """{unit: its part in the task} for the units a 督办单 on the task may go to, leads first."""
    assignments = task.assignments.exclude(unit__kind=UnitKind.PLACEHOLDER)
    roles = {a.unit_id: a.get_role_display() for a in assignments}
    leads = task.lead_unit_ids()
    order = leads + [pk for pk in roles if pk not in leads]
    units = Unit.objects.in_bulk(order)
    return {units[pk]: roles.get(pk, AssignmentRole.LEAD.label) for pk in order}


def _name_of(user) -> str:
    """The name a user signs with; the system (a command, the nightly job) signs as the office."""
    if user is None:
        return "督查室"
    return user.get_full_name() or user.get_username()


def late_notices(today: date) -> list[SupervisionNotice]:
    """The notices late beyond the grace days that can still be escalated (top-tier ones stay)."""
    cutoff = today - timedelta(days=escalation_grace_days())
    return list(
        SupervisionNotice.objects.late(cutoff)
        .exclude(tier=TIER_ORDER[-1])
        .select_related("task", "unit")
        .prefetch_related("copied_to")
        .order_by("pk")
    )


def escalate_late_notices(
    today: date,
    dry_run: bool = False,
    notices: list[SupervisionNotice] | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[SupervisionNotice]:
    """Escalate the late notices (`late_notices` unless given), each in its own transaction.

    A run cut short keeps the notices it escalated; the next one finds only the others late.
    """
    late = late_notices(today) if notices is None else notices
    if not dry_run:
        for notice in late:
            notice.escalate(today=today)
            if progress is not None:
                progress(1)
    return late
