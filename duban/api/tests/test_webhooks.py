"""Webhooks: events become signed deliveries, received by a test server on 127.0.0.1, and a
failed delivery is retried with back-off."""

import hashlib
import hmac
import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import time_machine
from django.utils import timezone

from duban.api.choices import DeliveryState
from duban.api.models import Webhook, WebhookDelivery
from duban.api.tests.base import ApiTestCase
from duban.api.webhooks import BACKOFF, collect, deliver_due
from duban.supervision.choices import Tier
from duban.supervision.models import SupervisionNotice


class Receiver:
    """An HTTP server on 127.0.0.1 that answers the queued statuses (then 200) and keeps what
    it received."""

    def __init__(self, statuses=()):
        self.statuses = list(statuses)
        self.received = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                self.send_response(receiver.statuses.pop(0) if receiver.statuses else 200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class WebhookTestCase(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.receiver = Receiver()
        self.addCleanup(self.receiver.close)
        self.hook = Webhook.register(self.receiver.url, by=self.alice)

    def submit_report(self):
        self.report.submit(self.bob, version=self.report.version)

    def test_a_report_submission_is_delivered_signed(self):
        self.submit_report()
        self.assertEqual(collect(), 1)
        (delivery,) = deliver_due()
        self.assertEqual(delivery.state, DeliveryState.DELIVERED)
        headers, body = self.receiver.received[0]
        expected = hmac.new(
            self.hook.secret.encode(),
            headers["X-Duban-Timestamp"].encode() + b"." + body,
            hashlib.sha256,
        ).hexdigest()
        self.assertEqual(headers["X-Duban-Signature"], "sha256=" + expected)
        payload = json.loads(body)
        self.assertEqual(payload["event"], "report.submitted")
        self.assertEqual(payload["object"]["id"], str(self.report.pk))

    def test_a_new_supervision_notice_is_an_event_and_other_changes_are_not(self):
        self.call("post", f"/api/v1/notifications/{self.notification.pk}/read", self.tokens["bob"])
        self.supervision_notice.respond("已加快推进。", self.bob)
        self.assertEqual(collect(), 0)
        SupervisionNotice.issue(
            task=self.task,
            unit=self.caizheng,
            tier=Tier.REMIND,
            reason="配合不力",
            respond_by=timezone.localdate() + timedelta(days=5),
            user=self.alice,
        )
        self.assertEqual(collect(), 1)
        self.assertEqual(WebhookDelivery.objects.get().event, "supervision_notice.issued")

    def test_a_failed_delivery_is_retried_after_its_back_off(self):
        self.receiver.statuses = [500, 503]
        self.submit_report()
        collect()
        now = timezone.now()
        with time_machine.travel(now, tick=False):
            (delivery,) = deliver_due()
        self.assertEqual(
            (delivery.state, delivery.attempts, delivery.last_status), ("pending", 1, 500)
        )
        self.assertEqual(delivery.next_attempt_at, now + BACKOFF[0])
        with time_machine.travel(now + timedelta(seconds=30), tick=False):
            self.assertEqual(deliver_due(), [])
        with time_machine.travel(now + BACKOFF[0], tick=False):
            (delivery,) = deliver_due()
        self.assertEqual((delivery.attempts, delivery.last_status), (2, 503))
        with time_machine.travel(now + BACKOFF[0] + BACKOFF[1], tick=False):
            (delivery,) = deliver_due()
        self.assertEqual((delivery.state, delivery.attempts), ("delivered", 3))
        self.assertEqual(len(self.receiver.received), 3)

    def test_a_delivery_is_given_up_after_the_last_back_off(self):
        self.receiver.statuses = [500] * 10
        self.submit_report()
        collect()
        delivery = WebhookDelivery.objects.get()
        for _ in range(len(BACKOFF) + 1):
            with time_machine.travel(delivery.next_attempt_at, tick=False):
                (delivery,) = deliver_due()
        self.assertEqual(delivery.state, DeliveryState.FAILED)

    def test_the_office_sees_the_delivery_log(self):
        self.submit_report()
        collect()
        deliver_due()
        self.client.force_login(self.alice)
        page = self.client.get(self.hook.get_absolute_url()).content.decode()
        self.assertIn("report.submitted", page)
        self.assertIn("已送达", page)
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(self.hook.get_absolute_url()).status_code, 403)

    def test_a_disabled_webhook_gets_nothing(self):
        self.hook.disable(self.alice)
        self.submit_report()
        self.assertEqual(collect(), 0)
