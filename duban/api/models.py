import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from duban.accounts.access import require_office
from duban.api.actions import ApiTokenAction
from duban.api.choices import TokenScope
from duban.audit.log import record
from duban.lib.transitions import TransitionError, advance

# A token reads "duban_<prefix>_<secret>": the prefix finds the row, the secret's hash proves it.
TOKEN_MARK = "duban"  # noqa: S105 (the marker every token starts with, not a secret)


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
        if mark != TOKEN_MARK or not prefix or not secret:
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
