"""A 通报 (bulletin) with its figures frozen on the day it was issued."""

from datetime import date

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse

from duban.accounts.access import require_office
from duban.audit.log import record
from duban.bulletins import figures
from duban.bulletins.actions import BulletinAction
from duban.lib import clock
from duban.lib.locks import hold_lock


class Bulletin(models.Model):
    """A bulletin on a cycle (or on any date); `snapshot` holds what it counted, as issued."""

    number = models.PositiveIntegerField("序号")
    year = models.PositiveSmallIntegerField("年度")
    as_of = models.DateField("统计截至")
    cycle = models.ForeignKey(
        "progress.ReportingCycle",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="bulletins",
        verbose_name="报送周期",
    )
    title = models.CharField("标题", max_length=300)
    snapshot = models.JSONField("统计数据", default=dict)
    issued_at = models.DateTimeField("通报时间", default=clock.now, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="bulletins",
        verbose_name="通报人",
    )

    class Meta:
        verbose_name = "通报"
        verbose_name_plural = "通报"
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "number"], name="bulletins_bulletin_unique_number"
            ),
        ]
        indexes = [
            # The bulletin list, newest first.
            models.Index(fields=["-issued_at", "-id"], name="bulletins_bulletin_issued"),
        ]

    def __str__(self) -> str:
        return f"{self.doc_number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("bulletins:bulletin", args=[self.pk])

    @property
    def doc_number(self) -> str:
        return f"督查通报〔{self.year}〕{self.number}号"

    def figure(self, key: str) -> dict | None:
        return self.snapshot.get("figures", {}).get(key)

    @classmethod
    @transaction.atomic
    def issue(cls, *, on: date, cycle=None, user=None) -> "Bulletin":
        """Count the ledger as it stands and freeze the counts in a new bulletin (the office)."""
        require_office(user)
        cycles = figures.cycles_for(on, cycle)
        snapshot = figures.compute(figures.scope(cycle), cycles, on)
        # The year's numbers one at a time; a row lock would leave the year's first open to two.
        hold_lock(f"bulletins.number.{on.year}")
        last = cls.objects.filter(year=on.year).order_by("-number").first()
        subject = cycle.name if cycle else f"{on.year}年{on.month}月{on.day}日"
        bulletin = cls.objects.create(
            number=(last.number + 1) if last else 1,
            year=on.year,
            as_of=on,
            cycle=cycle,
            title=f"关于{subject}重点工作推进情况的通报",
            snapshot=snapshot,
            issued_by=user if user is not None and user.is_authenticated else None,
        )
        record(BulletinAction.ISSUED, bulletin, user, {"as_of": on.isoformat()})
        return bulletin
