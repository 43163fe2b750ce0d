"""Active tasks by colour per plan, per leader and per unit, kept on write.

The office's overview charts read these rows instead of counting every status: one row per
plan, leader or unit, one column per colour. `duban.supervision.tallies` keeps them; the
status refresh and every change of a task's units or leaders call it.
"""

from collections import Counter

from django.db import models
from django.db.models import Sum

from duban.supervision.choices import Colour


class ColourTally(models.Model):
    """The active tasks with a status, by colour; the column names are the colours' values."""

    done = models.PositiveIntegerField(Colour.DONE.label, default=0)
    green = models.PositiveIntegerField(Colour.GREEN.label, default=0)
    yellow = models.PositiveIntegerField(Colour.YELLOW.label, default=0)
    red = models.PositiveIntegerField(Colour.RED.label, default=0)
    unscheduled = models.PositiveIntegerField(Colour.UNSCHEDULED.label, default=0)

    # The field naming the plan, leader or unit counted: the table's key.
    key: str

    class Meta:
        abstract = True

    def counts(self) -> Counter:
        return +Counter({colour: getattr(self, colour) for colour in Colour.values})

    @classmethod
    def every(cls) -> dict[int, Counter]:
        """{key: {colour: tasks}} of every row."""
        return {getattr(row, f"{cls.key}_id"): row.counts() for row in cls.objects.all()}

    @classmethod
    def totals(cls) -> dict[str, int]:
        """Every row added up, by colour: the tasks counted once each when the rows are plans."""
        sums = cls.objects.aggregate(**{colour: Sum(colour) for colour in Colour.values})
        return {colour: n for colour, n in sums.items() if n}


class PlanTally(ColourTally):
    plan = models.OneToOneField(
        "ledger.Plan", models.CASCADE, primary_key=True, related_name="+", verbose_name="计划"
    )
    key = "plan"

    class Meta:
        verbose_name = "计划任务状态计数"
        verbose_name_plural = "计划任务状态计数"


class LeaderTally(ColourTally):
    official = models.OneToOneField(
        "ledger.Official", models.CASCADE, primary_key=True, related_name="+", verbose_name="区领导"
    )
    key = "official"

    class Meta:
        verbose_name = "领导任务状态计数"
        verbose_name_plural = "领导任务状态计数"


class UnitTally(ColourTally):
    unit = models.OneToOneField(
        "ledger.Unit", models.CASCADE, primary_key=True, related_name="+", verbose_name="单位"
    )
    key = "unit"

    class Meta:
        verbose_name = "单位任务状态计数"
        verbose_name_plural = "单位任务状态计数"
        indexes = [
            # The units with the most red, then yellow, tasks: the overview's by-unit chart.
            models.Index(
                models.F("red").desc(), models.F("yellow").desc(), name="unit_tally_worst"
            ),
        ]
