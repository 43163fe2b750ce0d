from django.conf import settings
from django.db import models, transaction
from django.urls import reverse

from duban.accounts.access import unit_id_of
from duban.audit.log import record
from duban.ledger.signals import announce_tasks_changed
from duban.lib import clock
from duban.lib.transitions import advance, require_permission, require_state
from duban.progress.actions import MilestoneAction
from duban.progress.choices import MilestoneState


class MilestoneQuerySet(models.QuerySet):
    def due_by(self, day) -> "MilestoneQuerySet":
        return self.filter(due_on__lte=day)

    def not_done(self) -> "MilestoneQuerySet":
        return self.exclude(state=MilestoneState.DONE)


class Milestone(models.Model):
    """A quarterly step (季度形象进度) of a text-only task, proposed then confirmed by the lead unit.

    States: proposed → confirmed (the lead unit may edit text and date) → done.
    """

    task = models.ForeignKey(
        "ledger.Task", models.PROTECT, related_name="milestones", verbose_name="任务"
    )
    year = models.PositiveSmallIntegerField("年度")
    seq = models.PositiveSmallIntegerField("序号")
    title = models.CharField("节点", max_length=50)
    description = models.TextField("形象进度")
    due_on = models.DateField("完成时间")
    state = models.CharField(
        "状态", max_length=10, choices=MilestoneState, default=MilestoneState.PROPOSED
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="confirmed_milestones",
        verbose_name="确认人",
    )
    confirmed_at = models.DateTimeField("确认时间", null=True, blank=True)
    done_at = models.DateTimeField("完成时间", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = models.Manager.from_queryset(MilestoneQuerySet)()

    class Meta:
        verbose_name = "形象进度节点"
        verbose_name_plural = "形象进度节点"
        ordering = ["task_id", "year", "seq"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "year", "seq"], name="progress_milestone_unique_task_year_seq"
            ),
        ]
        indexes = [
            # Supervision: milestones due by a date and not yet done.
            models.Index(fields=["state", "due_on"], name="progress_milestone_state_due"),
        ]
        # The unique constraint's index (task, year, seq) backs the ordering.

    def __str__(self) -> str:
        return f"{self.task} · {self.year} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("progress:milestones", args=[self.task_id, self.year])

    def is_overdue(self, on) -> bool:
        return self.state != MilestoneState.DONE and on > self.due_on

    def _require_lead_unit(self, user) -> None:
        unit_id = unit_id_of(user)
        require_permission(
            unit_id is not None and unit_id == self.task.lead_unit_id,
            "只有牵头单位可以确认形象进度节点。",
        )

    @transaction.atomic
    def confirm(self, user, *, description: str | None = None, due_on=None) -> None:
        """The lead unit confirms the milestone, optionally with its own text and date."""
        self._require_lead_unit(user)
        require_state(
            self,
            "state",
            (MilestoneState.PROPOSED, MilestoneState.CONFIRMED),
            "已完成的节点不能再修改。",
        )
        edits, changes = {}, {}
        if description is not None and description.strip() != self.description:
            changes["description"] = edits["description"] = description.strip()
        if due_on is not None and due_on != self.due_on:
            changes["due_on"] = str(due_on)
            edits["due_on"] = due_on
        previous = self.state
        now = clock.now()
        advance(
            self,
            "state",
            state=MilestoneState.CONFIRMED,
            confirmed_by=user,
            confirmed_at=now,
            updated_at=now,
            **edits,
        )
        announce_tasks_changed([self.task_id])
        record(
            MilestoneAction.CONFIRMED,
            self,
            user=user,
            data={"from": previous, "to": self.state, "changes": changes},
        )

    @transaction.atomic
    def mark_done(self, user) -> None:
        """The lead unit reports a confirmed milestone as reached."""
        self._require_lead_unit(user)
        require_state(self, "state", (MilestoneState.CONFIRMED,), "请先确认该节点，再标记完成。")
        now = clock.now()
        advance(self, "state", state=MilestoneState.DONE, done_at=now, updated_at=now)
        announce_tasks_changed([self.task_id])
        record(MilestoneAction.DONE, self, user=user, data={"to": self.state})
