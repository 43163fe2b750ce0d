import hashlib
import hmac
import re
import secrets

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from duban.accounts.access import require_office
from duban.api.actions import ApiTokenAction, WebhookAction
from duban.api.choices import DeliveryState, TokenScope
from duban.audit.log import record
from duban.audit.models import LogEntry
from duban.lib.transitions import TransitionError, advance

# A token reads "duban_<prefix>_<secret>": the prefix finds the row, the secret's hash proves it.
TOKEN_MARK = "duban"  # noqa: S105 (the marker every token starts with, not a secret)


PREFIX = re.compile(r"[0-9a-f]{12}")


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def live(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A bearer token another system uses to act through the API as one user; stored hashed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="api_tokens", verbose_name="用户"
    )
    name = models.CharField("名称", max_length=100)
    scope = models.CharField("权限", max_length=20, choices=TokenScope)
    prefix = models.CharField("前缀", max_length=16, unique=True)
    secret_hash = models.CharField("密钥摘要", max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="issued_api_tokens",
        verbose_name="创建人",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)

    objects = models.Manager.from_queryset(ApiTokenQuerySet)()

    class Meta:
        verbose_name = "接口令牌"
        verbose_name_plural = "接口令牌"
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The office's token page, newest first.
            models.Index(fields=["-created_at", "-id"], name="api_token_created"),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.user.get_username()}）"

    def get_absolute_url(self) -> str:
        return reverse("api:tokens")

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @classmethod
    @transaction.atomic
    def issue(cls, *, user, name: str, scope: str, by) -> tuple["ApiToken", str]:
        """A new token for `user`, created by the office user `by`; returns it and its plain text,
        which is shown once and never stored."""
        require_office(by)
        prefix, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user,
            name=name,
            scope=scope,
            prefix=prefix,
            secret_hash=_digest(secret),
            created_by=by,
        )
        record(
            ApiTokenAction.CREATED,
            token,
            user=by,
            data={"for": user.get_username(), "scope": scope, "prefix": prefix},
        )
        return token, f"{TOKEN_MARK}_{prefix}_{secret}"

    @classmethod
    def find(cls, plain: str) -> "ApiToken | None":
        """The live token the text stands for, or None (unknown, malformed, wrong or revoked)."""
        mark, _, rest = plain.partition("_")
        prefix, _, secret = rest.partition("_")
        # Only a prefix as issue() makes it reaches the database (no NUL, no odd length).
        if mark != TOKEN_MARK or not PREFIX.fullmatch(prefix) or not secret:
            return None
        token = cls.objects.live().select_related("user").filter(prefix=prefix).first()
        if token is None or not hmac.compare_digest(token.secret_hash, _digest(secret)):
            return None
        return token

    @transaction.atomic
    def revoke(self, user) -> None:
        require_office(user)
        if self.is_revoked:
            raise TransitionError("该令牌已吊销。")
        advance(self, "revoked_at", message="该令牌已吊销。", revoked_at=timezone.now())
        record(ApiTokenAction.REVOKED, self, user=user, data={"prefix": self.prefix})

    def touch(self) -> None:
        """Note the use, at most once a minute (every request would be a write)."""
        now = timezone.now()
        if self.last_used_at is None or (now - self.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now


class Webhook(models.Model):
    """A URL of another system that receives signed JSON on the events of `duban.api.webhooks`."""

    url = models.URLField("推送地址", max_length=500)
    # Shared with the receiver to check each delivery's signature, so kept in clear.
    secret = models.CharField("签名密钥", max_length=64)
    # The last audit entry turned into deliveries: a new webhook starts from now.
    last_entry_id = models.PositiveBigIntegerField("已处理记录", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="webhooks",
        verbose_name="登记人",
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    disabled_at = models.DateTimeField("停用时间", null=True, blank=True)

    class Meta:
        verbose_name = "推送地址"
        verbose_name_plural = "推送地址"
        # The primary key's index backs this ordering (a handful of rows).
        ordering = ["id"]

    def __str__(self) -> str:
        return self.url

    def get_absolute_url(self) -> str:
        return reverse("api:webhook", args=[self.pk])

    @property
    def is_disabled(self) -> bool:
        return self.disabled_at is not None

    @classmethod
    @transaction.atomic
    def register(cls, url: str, by) -> "Webhook":
        require_office(by)
        latest = LogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        hook = cls.objects.create(
            url=url, secret=secrets.token_hex(32), last_entry_id=latest, created_by=by
        )
        record(WebhookAction.CREATED, hook, user=by, data={"url": url})
        return hook

    @transaction.atomic
    def disable(self, user) -> None:
        require_office(user)
        if self.is_disabled:
            raise TransitionError("该推送地址已停用。")
        advance(self, "disabled_at", message="该推送地址已停用。", disabled_at=timezone.now())
        record(WebhookAction.DISABLED, self, user=user, data={"url": self.url})


class WebhookDelivery(models.Model):
    """One event sent (or to be sent again) to one webhook, with what the receiver answered."""

    webhook = models.ForeignKey(
        Webhook, models.CASCADE, related_name="deliveries", verbose_name="推送地址"
    )
    event = models.CharField("事件", max_length=50)
    payload = models.JSONField("内容")
    state = models.CharField(
        "状态", max_length=10, choices=DeliveryState, default=DeliveryState.PENDING
    )
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    next_attempt_at = models.DateTimeField("下次尝试", default=timezone.now)
    last_status = models.PositiveSmallIntegerField("最近应答", null=True, blank=True)
    last_error = models.CharField("最近错误", max_length=300, blank=True)
    delivered_at = models.DateTimeField("送达时间", null=True, blank=True)
    created_at = models.DateTimeField("产生时间", default=timezone.now)

    class Meta:
        verbose_name = "推送记录"
        verbose_name_plural = "推送记录"
        ordering = ["-id"]
        indexes = [
            # deliver_due(): the pending deliveries whose time has come.
            models.Index(fields=["state", "next_attempt_at"], name="api_delivery_due"),
            # The webhook's page: its deliveries, newest first.
            models.Index(fields=["webhook", "-id"], name="api_delivery_webhook"),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.webhook}"

    def get_absolute_url(self) -> str:
        return self.webhook.get_absolute_url()
