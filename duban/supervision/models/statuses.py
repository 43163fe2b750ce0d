"""A task's supervision status (colour and reasons) and its history."""

from django.db import models, transaction

from duban.audit.log import record
from duban.lib import clock
from duban.supervision.actions import StatusAction
from duban.supervision.choices import SEVERITY, Colour


def by_severity(field: str) -> models.Case:
    """An ordering expression on the colour at `field`: the most urgent first (SEVERITY)."""
    ranks = [models.When(**{field: colour}, then=rank) for rank, colour in enumerate(SEVERITY)]
    return models.Case(*ranks, default=len(SEVERITY), output_field=models.IntegerField())


class TaskStatus(models.Model):
    """The current supervision status of a task, as the rules last computed it.

    Written by duban.supervision.refresh and `apply()`, which recount the tallies (PlanTally…)
    that the overview reads; anything else that writes a colour must recount them too."""

    task = models.OneToOneField(
        "ledger.Task", models.CASCADE, related_name="supervision_status", verbose_name="任务"
    )
    colour = models.CharField("状态", max_length=12, choices=Colour, default=Colour.GREEN)
    reasons = models.JSONField("依据", default=list, blank=True)
    since = models.DateTimeField("本状态起始", default=clock.now)
    computed_at = models.DateTimeField("计算时间", default=clock.now)

    class Meta:
        verbose_name = "任务督办状态"
        verbose_name_plural = "任务督办状态"
        # The OneToOne's unique index on task_id backs this ordering.
        ordering = ["task"]
        indexes = [
            # 督办总览 by severity: one colour's tasks, longest in it first, a page at a time
            # (duban.lib.keyset), and counted up to the cap (duban.lib.counts).
            models.Index(fields=["colour", "since", "task"], name="supervision_status_severity"),
        ]

    def __str__(self) -> str:
        return f"{self.task}：{self.get_colour_display()}"

    @staticmethod
    def counts(tasks) -> dict[str, int]:
        """How many of `tasks` (a queryset) have each colour; colours none has are left out."""
        # No ordering: the default one (by task) would join every task for nothing.
        statuses = TaskStatus.objects.filter(task__in=tasks).order_by()
        return dict(statuses.values_list("colour").annotate(n=models.Count("pk")))

    @staticmethod
    def count_rows(counts: dict[str, int]) -> list[tuple[str, str, int]]:
        """(colour, label, count) for every colour, in order, as the pages list them."""
        return [(value, label, counts.get(value, 0)) for value, label in Colour.choices]

    def get_absolute_url(self) -> str:
        return self.task.get_absolute_url()

    @transaction.atomic
    def apply(self, verdict, user=None) -> "StatusChange | None":
        """Store a verdict of the rules; a new colour is kept in the history, audited and counted."""
        # Imported here: the tallies count statuses, so their module imports this one.
        from duban.supervision.tallies import recount

        change = self.take(verdict, clock.now())
        if change is not None:
            change.save()
            record(StatusAction.CHANGED, self.task, user=user, data=change.audit_data())
        self.save()
        recount([self.task_id])
        return change

    def take(self, verdict, now) -> "StatusChange | None":
        """Take a verdict without saving; the history entry (unsaved) if the colour changes."""
        previous = self.colour if self.pk else None
        self.reasons = list(verdict.reasons)
        self.computed_at = now
        if previous == verdict.colour:
            return None
        self.colour = verdict.colour
        self.since = now
        return StatusChange(
            task_id=self.task_id,
            from_colour=previous or "",
            to_colour=verdict.colour,
            reasons=self.reasons,
            at=now,
        )


class StatusChange(models.Model):
    """One change of a task's colour, with the reasons the rules gave at that moment."""

    task = models.ForeignKey(
        "ledger.Task", models.CASCADE, related_name="status_changes", verbose_name="任务"
    )
    # Blank for the first status a task was given.
    from_colour = models.CharField("原状态", max_length=12, choices=Colour, blank=True)
    to_colour = models.CharField("新状态", max_length=12, choices=Colour)
    reasons = models.JSONField("依据", default=list, blank=True)
    at = models.DateTimeField("时间", default=clock.now)

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

    def audit_data(self) -> dict:
        return {"from": self.from_colour, "to": self.to_colour, "reasons": self.reasons}
