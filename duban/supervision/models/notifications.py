"""In-app messages (站内通知), and the log of daily reminders that keeps them to one a day."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from duban.lib import clock


class NotificationQuerySet(models.QuerySet):
    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)

    def notify(self, users, text: str, url: str = "", about: str = "") -> list["Notification"]:
        """One notification per user; `users` may be a queryset or any iterable."""
        return self.bulk_create(
            [Notification(user=u, text=text[:500], url=url, about=about) for u in users]
        )

    def about(self, obj) -> "NotificationQuerySet":
        """The notifications that point to the model instance `obj`."""
        return self.filter(about=about_key(obj))


def about_key(obj) -> str:
    """The reference a notification keeps to the thing it is about: "progress.report:12"."""
    return f"{obj._meta.label_lower}:{obj.pk}"


class Notification(models.Model):
    """A message shown to a user inside duban: a reminder or a hand-off (see messages.py)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="notifications",
        verbose_name="用户",
    )
    text = models.CharField("内容", max_length=500)
    url = models.CharField("链接", max_length=300, blank=True)
    # What the message is about (see about_key), so that handling it marks the message read.
    about = models.CharField("事项", max_length=100, blank=True)
    created_at = models.DateTimeField("时间", default=clock.now)
    read_at = models.DateTimeField("阅读时间", null=True, blank=True)

    objects = models.Manager.from_queryset(NotificationQuerySet)()

    class Meta:
        verbose_name = "站内通知"
        verbose_name_plural = "站内通知"
        ordering = ["-created_at", "-pk"]
        indexes = [
            # A user's notifications page, newest first (and its unread count).
            models.Index(fields=["user", "-created_at"], name="supervision_notif_user"),
            # messages.mark_handled(): the unread messages about one thing.
            models.Index(
                fields=["about"],
                condition=models.Q(read_at__isnull=True),
                name="supervision_notif_about_unread",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return reverse("supervision:notifications")

    def mark_read(self) -> None:
        if self.read_at is None:
            self.read_at = clock.now()
            self.save(update_fields=["read_at"])


class ReminderSent(models.Model):
    """That a liaison was reminded of a unit's outstanding reports on a day.

    Its uniqueness makes `duban remind` safe to run twice a day, even at once.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="+", verbose_name="用户"
    )
    unit = models.ForeignKey("ledger.Unit", models.CASCADE, related_name="+", verbose_name="单位")
    sent_on = models.DateField("提醒日期")
    subject = models.CharField("主题", max_length=200)

    class Meta:
        verbose_name = "提醒记录"
        verbose_name_plural = "提醒记录"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "unit", "sent_on"], name="supervision_reminder_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sent_on} {self.subject}"
