"""In-app notifications."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class NotificationQuerySet(models.QuerySet):
    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)

    def notify(self, users, text: str, url: str = "") -> list["Notification"]:
        """One notification per user; `users` may be a queryset or any iterable."""
        return self.bulk_create([Notification(user=u, text=text, url=url) for u in users])


class Notification(models.Model):
    """A message shown to a user inside duban (reminders, notices, problems)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="notifications",
        verbose_name="用户",
    )
    text = models.CharField("内容", max_length=500)
    url = models.CharField("链接", max_length=300, blank=True)
    created_at = models.DateTimeField("时间", default=timezone.now)
    read_at = models.DateTimeField("阅读时间", null=True, blank=True)

    objects = models.Manager.from_queryset(NotificationQuerySet)()

    class Meta:
        verbose_name = "站内通知"
        verbose_name_plural = "站内通知"
        ordering = ["-created_at", "-pk"]
        indexes = [
            # A user's notifications page, newest first (and its unread count).
            models.Index(fields=["user", "-created_at"], name="supervision_notif_user"),
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return reverse("supervision:notifications")

    def mark_read(self) -> None:
        if self.read_at is None:
            self.read_at = timezone.now()
            self.save(update_fields=["read_at"])
