"""A district leader's 批示 on a task, report or problem in their portfolio, and the named
units' 落实反馈 on it."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse

from duban.accounts.access import display_name, is_secretary, official_of, unit_id_of
from duban.audit.log import record
from duban.ledger.choices import UnitKind
from duban.ledger.models import Unit
from duban.lib import clock
from duban.lib.transitions import (
    TransitionError,
    advance,
    require_permission,
    require_state,
)

# The module, not its names: the progress models import messages before these models load.
from duban.supervision import messages
from duban.supervision.actions import InstructionAction
from duban.supervision.choices import FeedbackState, InstructionState
from duban.supervision.models.rules import liaisons, official_users


def responsible_units(task):
    """The units a 批示 on the task may name: those that answer for it, placeholders aside."""
    overriding = task.lead_override_units.values("pk")
    return Unit.objects.filter(
        Q(pk__in=task.assignments.values("unit_id")) | Q(pk__in=overriding)
    ).exclude(kind=UnitKind.PLACEHOLDER)


def acting_secretary(user) -> str:
    """The name of a secretary acting for their leader, "" for anyone else."""
    return display_name(user) if user is not None and is_secretary(user) else ""


class InstructionQuerySet(models.QuerySet):
    def open(self) -> "InstructionQuerySet":
        return self.filter(state=InstructionState.OPEN)

    def naming(self, unit_id: int) -> "InstructionQuerySet":
        """The 批示 that name the unit for 落实反馈."""
        return self.filter(
            pk__in=InstructionUnit.objects.filter(unit_id=unit_id).values("instruction_id")
        )


class Instruction(models.Model):
    """A district leader's 批示 on a task they lead (or one of its reports, or an escalated
    problem), addressed to named responsible units, each of which answers with 落实反馈."""

    task = models.ForeignKey(
        "ledger.Task", models.CASCADE, related_name="instructions", verbose_name="任务"
    )
    report = models.ForeignKey(
        "progress.Report",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="instructions",
        verbose_name="报告",
    )
    problem = models.ForeignKey(
        "supervision.Problem",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="instructions",
        verbose_name="问题",
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
    # Set when the leader's secretary wrote it for them: the record says so by name.
    secretary_name = models.CharField("代批秘书", max_length=150, blank=True)
    text = models.TextField("批示内容")
    created_at = models.DateTimeField("批示时间", default=clock.now)
    state = models.CharField(
        "状态", max_length=10, choices=InstructionState, default=InstructionState.OPEN
    )
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)

    objects = models.Manager.from_queryset(InstructionQuerySet)()

    class Meta:
        verbose_name = "批示"
        verbose_name_plural = "批示"
        ordering = ["created_at", "pk"]
        indexes = [
            # A problem's instructions in order.
            models.Index(fields=["problem", "created_at"], name="supervision_instr_problem"),
            # A task's instructions on its page, in order (Meta.ordering within the task).
            models.Index(fields=["task", "created_at"], name="supervision_instr_task"),
        ]

    def __str__(self) -> str:
        return f"{self.official}批示：{self.text[:30]}"

    def get_absolute_url(self) -> str:
        return reverse("supervision:instruction", args=[self.pk])

    @classmethod
    def create_for(cls, *, task, official, text, units, user=None, **about) -> "Instruction":
        """Store a 批示 naming `units`, with no check, audit or message: the callers do those."""
        instruction = cls.objects.create(
            task=task,
            official=official,
            author=user,
            secretary_name=acting_secretary(user),
            text=text,
            **about,
        )
        InstructionUnit.objects.bulk_create(
            InstructionUnit(instruction=instruction, unit=unit) for unit in units
        )
        return instruction

    @classmethod
    @transaction.atomic
    def write(cls, *, task, official, text, units, user=None, report=None) -> "Instruction":
        """A leader's (or their secretary's) 批示 on a task they lead, or on one of its reports;
        the named units' liaisons are told."""
        allowed = user is None or official_of(user) == official
        leads = task.task_leaders.filter(official=official).exists()
        require_permission(allowed and leads, "只有任务的牵头领导可以批示。")
        units = list(units)
        if not units:
            raise TransitionError("请选择落实单位。")
        named = {unit.pk for unit in units}
        if not named <= set(responsible_units(task).values_list("pk", flat=True)):
            raise TransitionError("批示只能交由本任务的责任单位落实。")
        if report is not None and report.task_id != task.pk:
            raise TransitionError("该报告不属于本任务。")
        instruction = cls.create_for(
            task=task, official=official, text=text, units=units, user=user, report=report
        )
        instruction._audit(
            InstructionAction.WRITTEN,
            user,
            official=official.name,
            units=[unit.name for unit in units],
            report=report.pk if report else None,
        )
        messages.send_message(
            liaisons(named),
            subject="领导批示",
            text=f"{official}对“{task}”作出批示，请落实并反馈\n批示内容：{text}",
            url=instruction.get_absolute_url(),
            about=instruction,
        )
        return instruction

    @transaction.atomic
    def answer(self, *, unit, text: str, user=None) -> "InstructionUnit":
        """A named unit's 落实反馈; the 批示 closes when every named unit has answered."""
        require_permission(user is None or unit_id_of(user) == unit.pk, "只能以本单位名义反馈。")
        feedback = self.recipients.filter(unit=unit).first()
        require_permission(feedback is not None, "只有批示点名的单位可以反馈落实情况。")
        require_state(self, "state", [InstructionState.OPEN], "“{state}”的批示不能再反馈")
        require_state(feedback, "state", [FeedbackState.PENDING], "本单位{state}，不能重复反馈")
        advance(
            feedback,
            "state",
            state=FeedbackState.ANSWERED,
            answer=text,
            answered_by=user,
            answered_at=clock.now(),
        )
        self._audit(InstructionAction.ANSWERED, user, unit=unit.name)
        messages.mark_handled(self, liaisons([unit.pk]))
        messages.send_message(
            official_users([self.official]),
            subject="落实反馈",
            text=f"{unit}反馈了对“{self.task}”批示的落实情况\n{text}",
            url=self.get_absolute_url(),
            about=self,
        )
        if not self.recipients.filter(state=FeedbackState.PENDING).exists():
            advance(self, "state", state=InstructionState.CLOSED, closed_at=clock.now())
            self._audit(InstructionAction.CLOSED, None, all_answered=True)
        return feedback

    @transaction.atomic
    def close(self, user=None) -> None:
        """The leader (or their secretary) closes the 批示, answered in full or not."""
        allowed = user is None or official_of(user) == self.official
        require_permission(allowed, "只有作出批示的领导可以办结。")
        require_state(self, "state", [InstructionState.OPEN], "“{state}”的批示不能办结")
        advance(self, "state", state=InstructionState.CLOSED, closed_at=clock.now())
        self._audit(InstructionAction.CLOSED, user)
        messages.mark_handled(self)

    def _audit(self, action: InstructionAction, user, **data) -> None:
        if secretary := acting_secretary(user):
            data["secretary"] = secretary
        record(action, self, user=user, data={"task": self.task_id, **data})


class InstructionUnit(models.Model):
    """A unit a 批示 names, and its 落实反馈 once it answers."""

    instruction = models.ForeignKey(
        Instruction, models.CASCADE, related_name="recipients", verbose_name="批示"
    )
    unit = models.ForeignKey(
        "ledger.Unit", models.PROTECT, related_name="instruction_feedback", verbose_name="落实单位"
    )
    state = models.CharField(
        "状态", max_length=10, choices=FeedbackState, default=FeedbackState.PENDING
    )
    answer = models.TextField("落实情况", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="instruction_feedback",
        verbose_name="反馈人",
    )
    answered_at = models.DateTimeField("反馈时间", null=True, blank=True)

    class Meta:
        verbose_name = "批示落实单位"
        verbose_name_plural = "批示落实单位"
        # The unique constraint's index (instruction, unit) backs this ordering.
        ordering = ["instruction", "unit"]
        constraints = [
            models.UniqueConstraint(
                fields=["instruction", "unit"], name="supervision_instructionunit_unique_unit"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit}：{self.get_state_display()}"

    def get_absolute_url(self) -> str:
        return self.instruction.get_absolute_url()
