"""Problems raised on a task, their escalation ladder and coordination notes."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse

from duban.audit.log import record
from duban.ledger.models import Unit
from duban.lib import clock
from duban.lib.transitions import advance, require_permission, require_state

# The module, not its names: the progress models import messages before these models load,
# so it is still half-imported when they run.
from duban.supervision import messages
from duban.supervision.actions import ProblemAction
from duban.supervision.choices import ProblemState
from duban.supervision.models.instructions import Instruction, acting_secretary
from duban.supervision.models.rules import leader_users, liaisons


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
    raised_at = models.DateTimeField("提出时间", default=clock.now)
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

    def _require(self, user, action: str) -> None:
        """Refuse a user whose role does not allow the action (`user` None is the system),
        then a problem whose state does not."""
        from duban.supervision.access import may_act_on_problem  # access reads these models

        allowed = user is None or may_act_on_problem(user, self, action)
        require_permission(allowed, "您无权对该问题执行此操作。")
        states, name = PROBLEM_ACTIONS[action]
        require_state(self, "state", states, f"“{{state}}”状态下不能{name}")

    def _audit(self, action: ProblemAction, user, **data) -> None:
        record(action, self, user=user, data={"task": self.task_id, **data})

    @classmethod
    @transaction.atomic
    def raise_on(cls, *, task, unit, title, description, user=None) -> "Problem":
        """Record a problem a responsible unit raises and tell the lead unit's liaisons."""
        from duban.supervision.access import is_responsible_unit  # access reads these models

        allowed = user is None or is_responsible_unit(user, task)
        require_permission(allowed, "只有任务的责任单位可以提出问题。")
        problem = cls.objects.create(
            task=task, unit=unit, title=title, description=description, raised_by=user
        )
        problem._audit(ProblemAction.RAISED, user, unit=unit.name, title=title)
        lead = [pk for pk in task.lead_unit_ids() if pk != unit.pk]
        messages.send_message(
            liaisons(lead),
            subject="问题协调",
            text=f"{unit}就“{task}”提出问题：{title}",
            url=problem.get_absolute_url(),
            about=problem,
        )
        return problem

    @transaction.atomic
    def coordinate(self, *, unit, text: str, user=None) -> "CoordinationNote":
        """The lead unit records what it did to coordinate; the first note starts coordination."""
        self._require(user, "coordinate")
        advance(
            self,
            "state",
            state=ProblemState.COORDINATING,
            coordinating_at=self.coordinating_at or clock.now(),
        )
        note = self.notes.create(unit=unit, author=user, text=text)
        self._audit(ProblemAction.COORDINATED, user, unit=unit.name)
        # The lead unit took the problem up: its message about it is handled.
        messages.mark_handled(self, liaisons(self.task.lead_unit_ids()))
        return note

    @transaction.atomic
    def escalate(self, *, reason: str, user=None) -> None:
        """Put the problem before the task's leaders, whom it notifies."""
        self._require(user, "escalate")
        advance(
            self,
            "state",
            state=ProblemState.ESCALATED,
            escalated_at=clock.now(),
            escalation_reason=reason,
        )
        self._audit(ProblemAction.ESCALATED, user, reason=reason)
        messages.mark_handled(self, liaisons(self.task.lead_unit_ids()))
        messages.send_message(
            leader_users(self.task),
            subject="提请批示",
            text=f"问题提请批示：{self.title}（{self.task}）\n提请理由：{reason}",
            url=self.get_absolute_url(),
            about=self,
        )

    @transaction.atomic
    def instruct(self, *, official, text: str, user=None) -> "Instruction":
        """A leader's 批示; a further one may follow the first."""
        self._require(user, "instruct")
        # The lead units and the unit that raised the problem answer the 批示.
        units = {*self.task.lead_unit_ids(), self.unit_id}
        instruction = Instruction.create_for(
            task=self.task,
            official=official,
            text=text,
            units=Unit.objects.filter(pk__in=units),
            user=user,
            problem=self,
        )
        advance(
            self,
            "state",
            state=ProblemState.INSTRUCTED,
            instructed_at=self.instructed_at or instruction.created_at,
        )
        secretary = {"secretary": name} if (name := acting_secretary(user)) else {}
        self._audit(ProblemAction.INSTRUCTED, user, official=official.name, **secretary)
        messages.mark_handled(self, leader_users(self.task))
        messages.send_message(
            liaisons(units),
            subject="领导批示",
            text=f"{official}对问题“{self.title}”作出批示\n批示内容：{text}",
            url=instruction.get_absolute_url(),
            about=instruction,
        )
        return instruction

    @transaction.atomic
    def resolve(self, *, resolution: str, user=None) -> None:
        self._require(user, "resolve")
        advance(
            self,
            "state",
            state=ProblemState.RESOLVED,
            resolved_at=clock.now(),
            resolution=resolution,
        )
        self._audit(ProblemAction.RESOLVED, user)
        self._mark_all_handled()

    @transaction.atomic
    def close(self, user=None) -> None:
        self._require(user, "close")
        advance(self, "state", state=ProblemState.CLOSED, closed_at=clock.now())
        self._audit(ProblemAction.CLOSED, user)
        self._mark_all_handled()

    def _mark_all_handled(self) -> None:
        """A resolved problem answers its own messages and those of its 批示."""
        messages.mark_handled(self)
        for instruction in self.instructions.all():
            messages.mark_handled(instruction)


# Each action on a problem: the states it may start from, and its name in a refusal.
PROBLEM_ACTIONS = {
    "coordinate": ([ProblemState.RAISED, ProblemState.COORDINATING], "记录协调情况"),
    "escalate": ([ProblemState.RAISED, ProblemState.COORDINATING], "提请区领导"),
    "instruct": ([ProblemState.ESCALATED, ProblemState.INSTRUCTED], "批示"),
    "resolve": (Problem.OPEN_STATES, "标记解决"),
    "close": ([ProblemState.RESOLVED], "关闭"),
}


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
    created_at = models.DateTimeField("时间", default=clock.now)

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
