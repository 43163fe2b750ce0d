"""Log-ins locked after repeated failures (django-axes), and the office lifting a lock."""

from dataclasses import dataclass
from datetime import datetime

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone

from duban.accounts.actions import AccountAction
from duban.audit.log import record


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind DUBAN_PROXY_COUNT proxies the entry of
    X-Forwarded-For the nearest proxy wrote (entries further left are the client's to forge)."""
    count = settings.DUBAN_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


@dataclass
class Lock:
    kind: str  # "username" or "ip"
    value: str
    failures: int
    last_attempt: datetime

    @property
    def until(self) -> datetime:
        return self.last_attempt + settings.AXES_COOLOFF_TIME


def current_locks() -> list[Lock]:
    """User names and addresses whose failures within the cool-off reach the limit."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    recent = AccessAttempt.objects.filter(attempt_time__gte=since)
    locks = []
    for kind, field in (("username", "username"), ("ip", "ip_address")):
        rows = (
            recent.exclude(**{f"{field}__isnull": True})
            .values(field)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
            .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
            .order_by("-last")
        )
        locks += [Lock(kind, r[field], r["failures"], r["last"]) for r in rows]
    return locks


@transaction.atomic
def unlock(kind: str, value: str, user) -> int:
    """Forget the failures of a user name or an address; returns the attempts removed."""
    removed = reset(username=value) if kind == "username" else reset(ip=value)
    record(AccountAction.UNLOCKED, user=user, data={kind: value, "attempts": removed})
    return removed
