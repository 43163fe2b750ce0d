"""Webhooks: the audit entries of status changes, report submissions and new 督办单 become
signed JSON deliveries to each registered URL, sent and retried with back-off by
`duban webhooks` (run with --loop under systemd, or from cron).

Reading the audit log rather than signals catches every writer, bulk ones included (the
status refresh writes its entries with bulk_create).
"""

import hashlib
import hmac
import json
import urllib.error
import urllib.request
from datetime import timedelta

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from duban.api.choices import DeliveryState
from duban.api.models import Webhook, WebhookDelivery
from duban.audit.models import LogEntry
from duban.progress.actions import ReportAction
from duban.supervision.actions import StatusAction, SupervisionNoticeAction

# The audit actions sent, and the event name each is sent as.
EVENTS = {
    StatusAction.CHANGED: "task.status_changed",
    ReportAction.SUBMITTED: "report.submitted",
    ReportAction.CONSOLIDATED: "report.submitted",
    SupervisionNoticeAction.ISSUED: "supervision_notice.issued",
}
# Waits after each failed attempt; after the last, the delivery is given up (已放弃).
BACKOFF = [timedelta(minutes=m) for m in (1, 5, 30, 120, 720)]
TIMEOUT_SECONDS = 10


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The signature a receiver recomputes: HMAC-SHA256 of "<timestamp>.<body>" with the secret."""
    message = timestamp.encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def _payload(entry: LogEntry) -> dict:
    return {
        "event": EVENTS[entry.action],
        "action": entry.action,
        "object": {"type": entry.object_type, "id": entry.object_id, "repr": entry.object_repr},
        "data": entry.data,
        "at": entry.timestamp,
    }


@transaction.atomic
def collect() -> int:
    """Turn the audit entries written since each live webhook last looked into deliveries."""
    created = 0
    for hook in Webhook.objects.select_for_update().filter(disabled_at__isnull=True):
        entries = LogEntry.objects.filter(pk__gt=hook.last_entry_id).order_by("pk")
        last = entries.values_list("pk", flat=True).last()
        if last is None:
            continue
        deliveries = [
            WebhookDelivery(
                webhook=hook,
                event=EVENTS[entry.action],
                payload=json.loads(json.dumps(_payload(entry), cls=DjangoJSONEncoder)),
            )
            for entry in entries.filter(action__in=[a.value for a in EVENTS])
        ]
        WebhookDelivery.objects.bulk_create(deliveries)
        created += len(deliveries)
        Webhook.objects.filter(pk=hook.pk).update(last_entry_id=last)
    return created


def send(delivery: WebhookDelivery) -> None:
    """One attempt: POST the signed payload, then record the answer and when to try again."""
    body = json.dumps(delivery.payload, ensure_ascii=False).encode()
    timestamp = str(int(timezone.now().timestamp()))
    request = urllib.request.Request(  # noqa: S310 (the form admits http and https URLs only)
        delivery.webhook.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "duban-webhook",
            "X-Duban-Event": delivery.event,
            "X-Duban-Delivery": str(delivery.pk),
            "X-Duban-Timestamp": timestamp,
            "X-Duban-Signature": sign(delivery.webhook.secret, timestamp, body),
        },
    )
    delivery.attempts += 1
    status, error = None, ""
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as exc:
        status, error = exc.code, f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        error = str(getattr(exc, "reason", exc))[:300]
    delivery.last_status, delivery.last_error = status, error
    now = timezone.now()
    if status is not None and 200 <= status < 300:
        delivery.state, delivery.delivered_at = DeliveryState.DELIVERED, now
    elif delivery.attempts > len(BACKOFF):
        delivery.state = DeliveryState.FAILED
    else:
        delivery.next_attempt_at = now + BACKOFF[delivery.attempts - 1]
    delivery.save(
        update_fields=[
            "attempts",
            "last_status",
            "last_error",
            "state",
            "delivered_at",
            "next_attempt_at",
        ]
    )


def deliver_due() -> list[WebhookDelivery]:
    """Send every pending delivery whose time has come; return them as they ended."""
    due = WebhookDelivery.objects.filter(
        state=DeliveryState.PENDING,
        next_attempt_at__lte=timezone.now(),
        webhook__disabled_at__isnull=True,
    ).select_related("webhook")
    sent = list(due.order_by("pk"))
    for delivery in sent:
        send(delivery)
    return sent
