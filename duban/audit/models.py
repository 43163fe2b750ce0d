from django.conf import settings
from django.db import models
from django.urls import reverse

from duban.audit.actions import label_of
from duban.lib import clock


class LogEntry(models.Model):
    """One audited event: who did what to which object, with the data before and after."""

    # A declared AuditAction (duban.audit.actions): dotted, past tense, "ledger.task.changed".
    action = models.CharField("操作", max_length=100, db_index=True)
    # "app_label.model" and the primary key, plain rather than a content type so entries
    # survive the deletion of their object and read well in exports.
    object_type = models.CharField("对象类型", max_length=100, blank=True)
    object_id = models.CharField("对象编号", max_length=64, blank=True)
    object_repr = models.CharField("对象", max_length=300, blank=True)
    data = models.JSONField("数据", default=dict, blank=True)
    timestamp = models.DateTimeField("时间", default=clock.now, editable=False, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="log_entries",
        verbose_name="用户",
    )
    # Copied so the entry still names its author after the account is deleted.
    user_name = models.CharField("用户名", max_length=150, blank=True)

    class Meta:
        verbose_name = "审计日志"
        verbose_name_plural = "审计日志"
        # The timestamp index backs this ordering (the audit log, newest first).
        ordering = ["-timestamp", "-pk"]
        indexes = [
            # The history of one object (a task's timeline).
            models.Index(fields=["object_type", "object_id"], name="audit_logentry_object"),
        ]

    def __str__(self) -> str:
        return f"{self.action_label} {self.object_repr}".strip()

    @property
    def action_label(self) -> str:
        """The action's Chinese label; 其他操作 for an action no longer declared."""
        return label_of(self.action)

    def get_absolute_url(self) -> str:
        return reverse("admin:audit_logentry_change", args=[self.pk])
