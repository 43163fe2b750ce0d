from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse

from duban.accounts.access import require_office, unit_id_of
from duban.audit.log import record
from duban.ledger.choices import TaskState
from duban.ledger.models import Task
from duban.ledger.signals import announce_tasks_changed
from duban.lib import clock
from duban.lib.transitions import (
    StaleRecord,
    TransitionError,
    compare_and_set,
    require_permission,
    require_state,
)
from duban.progress.actions import ReportAction
from duban.progress.choices import CycleState, ReportKind, ReportState, ReviewDecision
from duban.progress.models.cycles import ReportingCycle, require_open_cycle
from duban.progress.models.rules import (
    DELIVERED_STATES,
    EDITABLE_STATES,
    STALE_REPORT_MESSAGE,
)
from duban.supervision.messages import mark_handled, send_message
from duban.supervision.models.rules import liaisons

STATE_MESSAGE = "报告当前为“{state}”，不能执行此操作。"


class ReportQuerySet(models.QuerySet):
    def for_unit(self, unit) -> "ReportQuerySet":
        return self.filter(unit=unit)

    def parts(self) -> "ReportQuerySet":
        return self.filter(kind=ReportKind.PART)

    def parts_of(self, report: "Report") -> "ReportQuerySet":
        """The parts on the task and cycle of `report`: what a consolidated report is built from."""
        return self.parts().filter(task_id=report.task_id, cycle_id=report.cycle_id)

    def consolidated(self) -> "ReportQuerySet":
        return self.filter(kind=ReportKind.CONSOLIDATED)

    def awaiting_review(self) -> "ReportQuerySet":
        """Consolidated reports submitted to the office and not yet reviewed."""
        return self.filter(kind=ReportKind.CONSOLIDATED, state=ReportState.SUBMITTED)

    def not_draft(self) -> "ReportQuerySet":
        return self.exclude(state=ReportState.DRAFT)

    def delivered(self) -> "ReportQuerySet":
        """Reports their unit has handed in: submitted, folded into a consolidated one, accepted.

        A returned report does not count until it is submitted again.
        """
        return self.filter(state__in=DELIVERED_STATES)


class Report(models.Model):
    """A unit's report on a task for one cycle: its part, or the lead unit's consolidated one.

    Part: draft → submitted (now visible to the lead unit) → consolidated (folded into the
    lead unit's report); the lead unit may return a part. Consolidated: draft → submitted
    (by `consolidate()`) → accepted or returned by the office; returned reports are edited
    and submitted again. Every write bumps `version`, compared and set (see `_write`).
    """

    task = models.ForeignKey(
        "ledger.Task", models.PROTECT, related_name="reports", verbose_name="任务"
    )
    unit = models.ForeignKey(
        "ledger.Unit", models.PROTECT, related_name="reports", verbose_name="报送单位"
    )
    cycle = models.ForeignKey(
        ReportingCycle, models.PROTECT, related_name="reports", verbose_name="报送周期"
    )
    kind = models.CharField("类型", max_length=15, choices=ReportKind)
    progress = models.TextField("完成情况", blank=True)
    problems = models.TextField("存在问题", blank=True)
    coordination = models.TextField("需协调事项", blank=True)
    next_steps = models.TextField("下一步打算", blank=True)
    percent_complete = models.PositiveSmallIntegerField(
        "完成百分比", null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    # Reported target values as {"<target pk>": "12.5"}: the form's record of what was
    # entered; on submission each is also recorded through targets' record_value.
    target_values = models.JSONField("指标数值", default=dict, blank=True)
    state = models.CharField("状态", max_length=15, choices=ReportState, default=ReportState.DRAFT)
    version = models.PositiveIntegerField("版本", default=1)
    submitted_at = models.DateTimeField("报送时间", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_reports",
        verbose_name="报送人",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = models.Manager.from_queryset(ReportQuerySet)()

    TEXT_FIELDS = ("progress", "problems", "coordination", "next_steps")

    class Meta:
        verbose_name = "进度报告"
        verbose_name_plural = "进度报告"
        # The unique constraint's index (cycle, task, unit) backs this ordering (a cycle's reports).
        ordering = ["cycle_id", "task_id", "unit_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "task", "unit"], name="progress_report_unique_cycle_task_unit"
            ),
            models.UniqueConstraint(
                fields=["cycle", "task"],
                condition=Q(kind=ReportKind.CONSOLIDATED),
                name="progress_report_one_consolidated_per_task_cycle",
            ),
            models.CheckConstraint(
                name="progress_report_percent_0_100",
                condition=Q(percent_complete__isnull=True) | Q(percent_complete__lte=100),
            ),
        ]
        indexes = [
            # The "my reports" page: a unit's reports in a cycle.
            models.Index(fields=["unit", "cycle"], name="progress_report_unit_cycle"),
            # The task panel and timeline: a task's reports across cycles.
            models.Index(fields=["task", "cycle"], name="progress_report_task_cycle"),
            # The office review queue: submitted consolidated reports of a cycle.
            models.Index(fields=["state", "kind", "cycle"], name="progress_report_state_kind"),
        ]
        # The unique constraint's index (cycle, task, unit) backs the ordering and the
        # consolidation page (a task's reports in one cycle).

    def __str__(self) -> str:
        return f"{self.cycle} · {self.task} · {self.unit}"

    def get_absolute_url(self) -> str:
        return reverse("progress:report", args=[self.pk])

    @property
    def is_consolidated_kind(self) -> bool:
        return self.kind == ReportKind.CONSOLIDATED

    @property
    def is_editable(self) -> bool:
        """Whether the unit may still change it: a draft or returned report in an open cycle."""
        return self.state in EDITABLE_STATES and self.cycle.state == CycleState.OPEN

    def texts(self) -> list[tuple[str, str, str]]:
        """The written parts as (field name, label, text), leaving out the empty ones."""
        return [
            (name, self._meta.get_field(name).verbose_name, text)
            for name in self.TEXT_FIELDS
            if (text := getattr(self, name)).strip()
        ]

    def previous(self) -> "Report | None":
        """The same unit's report on the task in the latest earlier cycle of the same kind."""
        return (
            Report.objects.filter(
                task_id=self.task_id,
                unit_id=self.unit_id,
                cycle__kind=self.cycle.kind,
                cycle__period_end__lt=self.cycle.period_start,
            )
            .order_by("-cycle__period_end")
            .first()
        )

    @classmethod
    @transaction.atomic
    def start(cls, task: Task, unit, cycle: ReportingCycle, user) -> "Report":
        """The unit's report on the task for the cycle, created as a draft if it has none yet.

        Refused unless the user acts for the unit, the unit is responsible for the task and
        the cycle, of the task's plan, is open.
        """
        require_permission(unit_id_of(user) == unit.pk, "只能填报本单位的报告。")
        if cycle.plan_id != task.plan_id:
            raise TransitionError("该任务不属于此报送周期所在的计划。")
        if task.status != TaskState.ACTIVE:
            raise TransitionError("该任务已撤销，无需报送。")
        if task.twin_of_id is not None:
            raise TransitionError(f"该任务与“{task.twin_of}”为同一任务，请在该任务下报送。")
        require_permission(task.is_responsible(unit), "本单位不是该任务的责任单位。")
        report = cls.objects.filter(task=task, unit=unit, cycle=cycle).first()
        if report is not None:
            return report
        require_open_cycle(cycle)
        kind = ReportKind.CONSOLIDATED if unit.pk == task.lead_unit_id else ReportKind.PART
        # get_or_create: two clicks on "开始填报" at once must not hit the unique constraint.
        report, created = cls.objects.get_or_create(
            task=task, unit=unit, cycle=cycle, defaults={"kind": kind}
        )
        if created:
            record(ReportAction.CREATED, report, user=user, data={"kind": kind})
        return report

    def require_own_unit(self, user) -> None:
        if self.is_consolidated_kind:
            message = "汇总报告只能由牵头单位填报和报送。"
        else:
            message = "只能修改本单位的报告。"
        require_permission(unit_id_of(user) == self.unit_id, message)

    def require_editable(self, user) -> None:
        """Refuse a change by anyone but the report's unit, or once the report is handed in
        or its cycle no longer open."""
        self.require_own_unit(user)
        require_state(self, "state", EDITABLE_STATES, STATE_MESSAGE)
        require_open_cycle(self.cycle)

    def _write(self, version: int | None, **fields) -> None:
        """Store the fields and bump the version, or raise StaleRecord if it moved on."""
        expected = self.version if version is None else int(version)
        fields["updated_at"] = clock.now()
        compare_and_set(
            Report,
            self.pk,
            "version",
            expected,
            message=STALE_REPORT_MESSAGE,
            version=F("version") + 1,
            **fields,
        )
        for name, value in fields.items():
            setattr(self, name, value)
        self.version = expected + 1

    @transaction.atomic
    def save_content(self, user, *, version: int | None = None, **content) -> None:
        """Save the report's text, percent and target values (a draft save by its unit).

        `version` is the version the user's form was loaded with (default: this instance's).
        """
        allowed = {
            "progress",
            "problems",
            "coordination",
            "next_steps",
            "percent_complete",
            "target_values",
        }
        if not set(content) <= allowed:
            raise ValueError(f"unknown report fields: {sorted(set(content) - allowed)}")
        self.require_editable(user)
        changed = sorted(k for k, v in content.items() if getattr(self, k) != v)
        self._write(version, **content)
        record(ReportAction.EDITED, self, user=user, data={"fields": changed})

    def _mark_submitted(self, user, version: int | None) -> str:
        """Check that the unit may submit its report now and mark it submitted; return the
        state it had. Shared by submit() and consolidate(), which run it in their transaction.
        """
        self.require_own_unit(user)
        require_state(self, "state", EDITABLE_STATES, STATE_MESSAGE)
        self._require_content()
        require_open_cycle(self.cycle)
        previous = self.state
        self._write(
            version,
            state=ReportState.SUBMITTED,
            submitted_at=clock.now(),
            submitted_by=user,
        )
        announce_tasks_changed([self.task_id])
        # A returned report submitted again answers the message that returned it.
        mark_handled(self, liaisons([self.unit_id]))
        return previous

    @transaction.atomic
    def submit(self, user, *, version: int | None = None) -> None:
        """Submit a part to the lead unit; a consolidated report is submitted by consolidating."""
        if self.is_consolidated_kind:
            self.consolidate(user, version=version)
            return
        self.require_own_unit(user)
        self._require_consolidation_pending()
        previous = self._mark_submitted(user, version)
        record(
            ReportAction.SUBMITTED,
            self,
            user=user,
            data={"from": previous, "to": self.state, "version": self.version},
        )
        self.cycle.mark_settled([self.unit_id])
        lead = [pk for pk in self.task.lead_unit_ids() if pk != self.unit_id]
        send_message(
            liaisons(lead),
            subject="配合报告",
            text=f"{self.unit}已报送“{self.task}”{self.cycle}的情况，请审核汇总",
            url=self.get_absolute_url(),
            about=self,
        )

    @transaction.atomic
    def consolidate(self, user, *, version: int | None = None) -> None:
        """The lead unit folds the submitted parts into its report and submits it to the office.

        Parts still in draft are left out (and named in the audit entry): a late cooperating
        unit does not hold up the lead unit.
        """
        if not self.is_consolidated_kind:
            raise TransitionError("只有牵头单位的汇总报告可以汇总报送。")
        from duban.progress.targets import check_report_values

        previous = self._mark_submitted(user, version)
        check_report_values(self)
        parts = Report.objects.parts_of(self)
        folded = list(parts.filter(state=ReportState.SUBMITTED).values_list("pk", flat=True))
        # Compare and set for the lot: a part returned meanwhile is not folded in silently.
        moved = parts.filter(pk__in=folded, state=ReportState.SUBMITTED).update(
            state=ReportState.CONSOLIDATED, version=F("version") + 1, updated_at=clock.now()
        )
        if moved != len(folded):
            raise StaleRecord(STALE_REPORT_MESSAGE)
        for part in parts.filter(pk__in=folded):
            record(
                ReportAction.FOLDED,
                part,
                user=user,
                data={"from": ReportState.SUBMITTED, "to": part.state, "into": self.pk},
            )
            mark_handled(part)
        # Cooperating units with nothing handed in, whether or not they started a report.
        missing = list(
            self.task.assignments.exclude(unit_id=self.unit_id)
            .exclude(unit_id__in=parts.delivered().values("unit_id"))
            .values_list("unit__name", flat=True)
        )
        record(
            ReportAction.CONSOLIDATED,
            self,
            user=user,
            data={"from": previous, "to": self.state, "parts": folded, "missing": missing},
        )
        # Once consolidated, no unit of the task owes its report of the cycle any more.
        self.cycle.mark_settled(self.task.assignments.values_list("unit_id", flat=True))

    @transaction.atomic
    def accept(self, user, comment: str = "") -> "Review":
        """The office accepts a submitted consolidated report; its target values are recorded."""
        from duban.progress.targets import record_report_values

        if not self.is_consolidated_kind:
            raise TransitionError("督查室只审核牵头单位的汇总报告。")
        require_office(user)
        review = self._review(user, ReviewDecision.ACCEPT, comment, ReportState.ACCEPTED)
        record_report_values(self, user)
        return review

    @transaction.atomic
    def return_for_changes(self, user, comment: str) -> "Review":
        """Send the report back with a comment: the office for a consolidated report,
        the lead unit for a part. The unit edits and submits it again.
        """
        if not (comment or "").strip():
            raise TransitionError("退回时请填写修改意见。")
        if self.is_consolidated_kind:
            require_office(user)
            return self._review(user, ReviewDecision.RETURN, comment, ReportState.RETURNED)
        require_permission(
            unit_id_of(user) == self.task.lead_unit_id, "只有牵头单位可以退回配合单位的报告。"
        )
        return self._review(
            user,
            ReviewDecision.RETURN,
            comment,
            ReportState.RETURNED,
            sources=(ReportState.SUBMITTED, ReportState.CONSOLIDATED),
        )

    def _review(self, user, decision, comment, target, sources=(ReportState.SUBMITTED,)):
        require_state(self, "state", sources, STATE_MESSAGE)
        require_open_cycle(self.cycle)
        previous = self.state
        self._write(None, state=target)
        announce_tasks_changed([self.task_id])
        review = Review.objects.create(
            report=self, decision=decision, comment=comment.strip(), reviewer=user
        )
        action = (
            ReportAction.ACCEPTED if decision == ReviewDecision.ACCEPT else ReportAction.RETURNED
        )
        record(
            action,
            self,
            user=user,
            data={"from": previous, "to": target, "comment": review.comment},
        )
        # Reviewed: the message that handed the report in has been dealt with.
        mark_handled(self)
        if decision == ReviewDecision.RETURN:
            self._announce_return(review)
        return review

    def _announce_return(self, review: "Review") -> None:
        """Tell the report's unit it was returned, and why."""
        by = "督查室" if self.is_consolidated_kind else "牵头单位"
        send_message(
            liaisons([self.unit_id]),
            subject="报告退回",
            text=(
                f"“{self.task}”{self.cycle}的报告被{by}退回，请修改后重新报送\n"
                f"修改意见：{review.comment}"
            ),
            url=self.get_absolute_url(),
            about=self,
        )

    def _require_consolidation_pending(self) -> None:
        """Refuse a part once the lead unit's report of the cycle went to the office, as it
        could no longer be folded in; say where it goes instead."""
        # The lock waits for a consolidation under way, so no part slips in after it.
        consolidated = (
            Report.objects.consolidated()
            .select_for_update()
            .filter(task_id=self.task_id, cycle_id=self.cycle_id)
            .select_related("unit")
            .first()
        )
        if consolidated is None or consolidated.state in EDITABLE_STATES:
            return
        if consolidated.state == ReportState.SUBMITTED:
            raise TransitionError(
                f"牵头单位已汇总报送本周期（{self.cycle.name}）报告，正在督查室审核，"
                f"本单位的报告无法再并入；如需补充，请联系牵头单位（{consolidated.unit.name}）。"
            )
        following = self.cycle.following()
        where = (
            f"请在下一报送周期（{following.name}）报送本单位情况"
            if following is not None
            else "下一报送周期尚未设立，请联系督查室"
        )
        raise TransitionError(
            f"牵头单位的本周期（{self.cycle.name}）汇总报告已经督查室审核通过，"
            f"本单位的报告无法再并入；{where}。"
        )

    def _require_content(self) -> None:
        if not self.progress.strip():
            raise TransitionError("请先填写“完成情况”再报送。")


class Review(models.Model):
    """A decision on a report: the office accepts or returns it, the lead unit returns a part."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="reviews", verbose_name="报告")
    decision = models.CharField("结论", max_length=10, choices=ReviewDecision)
    comment = models.TextField("意见", blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="progress_reviews",
        verbose_name="审核人",
    )
    created_at = models.DateTimeField("审核时间", default=clock.now)

    class Meta:
        verbose_name = "审核意见"
        verbose_name_plural = "审核意见"
        ordering = ["report_id", "created_at"]
        constraints = [
            models.CheckConstraint(
                name="progress_review_return_has_comment",
                condition=Q(decision=ReviewDecision.ACCEPT) | ~Q(comment=""),
            ),
        ]
        indexes = [
            # A report's review history in order (report page, task timeline).
            models.Index(fields=["report", "created_at"], name="progress_review_report"),
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()}：{self.report}"

    def get_absolute_url(self) -> str:
        return self.report.get_absolute_url()
