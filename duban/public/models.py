"""What the office makes public on the 民生实事 page: projects, and reports' progress text.

Nothing is public by default; the page shows only what a record here says is published.
"""

from django.conf import settings
from django.db import models, transaction

from duban.accounts.access import require_office
from duban.audit.log import record
from duban.ledger.choices import PlanKind
from duban.lib import clock
from duban.lib.transitions import TransitionError, advance
from duban.progress.choices import ReportKind, ReportState
from duban.public.actions import PublicationAction
from duban.public.choices import Visibility


class PublicationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=Visibility.PUBLISHED)


class Publication(models.Model):
    """The office's last publish or take-down choice on one record."""

    state = models.CharField("公开状态", max_length=12, choices=Visibility)
    changed_at = models.DateTimeField("变更时间", default=clock.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="操作人",
    )

    objects = models.Manager.from_queryset(PublicationQuerySet)()

    class Meta:
        abstract = True

    def _set(self, state: str, user) -> None:
        """Publish or take down; the office decides, and only a change of state is one."""
        require_office(user)
        if self.pk is None:
            self.state, self.changed_at, self.changed_by = state, clock.now(), user
            self.save()
            return
        if self.state == state:
            raise TransitionError(f"已是“{Visibility(state).label}”状态。")
        advance(self, "state", state=state, changed_at=clock.now(), changed_by=user)

    def get_absolute_url(self) -> str:
        return self.subject.get_absolute_url()


class PublicProject(Publication):
    """A livelihood project (民生实事) the office shows on the public page, or took down."""

    task = models.OneToOneField(
        "ledger.Task", models.CASCADE, related_name="publication", verbose_name="项目"
    )

    class Meta:
        verbose_name = "公开项目"
        verbose_name_plural = "公开项目"
        # The OneToOne's unique index on task_id backs this ordering.
        ordering = ["task"]

    def __str__(self) -> str:
        return f"{self.task}：{self.get_state_display()}"

    @property
    def subject(self):
        return self.task

    @classmethod
    @transaction.atomic
    def publish(cls, task, user) -> "PublicProject":
        """Show a project of a livelihood plan on the public page."""
        if task.plan.kind != PlanKind.LIVELIHOOD:
            raise TransitionError("只有民生实事项目可以公开。")
        project = cls.objects.select_for_update().filter(task=task).first() or cls(task=task)
        project._set(Visibility.PUBLISHED, user)
        record(PublicationAction.PROJECT_PUBLISHED, task, user=user)
        return project

    @transaction.atomic
    def take_down(self, user) -> None:
        self._set(Visibility.TAKEN_DOWN, user)
        record(PublicationAction.PROJECT_TAKEN_DOWN, self.task, user=user)


class PublicReport(Publication):
    """An accepted report whose progress text (完成情况) the office shows publicly, or took down."""

    report = models.OneToOneField(
        "progress.Report", models.CASCADE, related_name="publication", verbose_name="报告"
    )

    class Meta:
        verbose_name = "公开进展"
        verbose_name_plural = "公开进展"
        # The OneToOne's unique index on report_id backs this ordering.
        ordering = ["report"]

    def __str__(self) -> str:
        return f"{self.report}：{self.get_state_display()}"

    @property
    def subject(self):
        return self.report

    @classmethod
    @transaction.atomic
    def publish(cls, report, user) -> "PublicReport":
        """Show the progress text of an accepted consolidated report of a livelihood project."""
        if report.task.plan.kind != PlanKind.LIVELIHOOD:
            raise TransitionError("只有民生实事项目的进展可以公开。")
        if report.kind != ReportKind.CONSOLIDATED or report.state != ReportState.ACCEPTED:
            raise TransitionError("只有已采纳的汇总报告可以公开。")
        public = cls.objects.select_for_update().filter(report=report).first() or cls(report=report)
        public._set(Visibility.PUBLISHED, user)
        record(PublicationAction.REPORT_PUBLISHED, report, user=user)
        return public

    @transaction.atomic
    def take_down(self, user) -> None:
        self._set(Visibility.TAKEN_DOWN, user)
        record(PublicationAction.REPORT_TAKEN_DOWN, self.report, user=user)
