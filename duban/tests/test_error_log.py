"""A 500 leaves its traceback in DUBAN_DATA_DIR/duban.log and a mail to ADMINS."""

import uuid
from unittest import mock

from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from duban.testing import BaseTestCase


class ErrorLogTestCase(BaseTestCase):
    def break_the_ledger(self):
        marker = f"ledger-broke-{uuid.uuid4().hex}"
        client = Client(raise_request_exception=False)
        client.force_login(self.alice)
        with mock.patch("duban.ledger.views.tasks.render", side_effect=RuntimeError(marker)):
            response = client.get(reverse("ledger:tasks"))
        self.assertEqual(response.status_code, 500)
        return marker

    def test_a_500_leaves_its_traceback_in_the_log_file(self):
        marker = self.break_the_ledger()
        log = (settings.DATA_DIR / "duban.log").read_text(encoding="utf-8")
        entry = log[log.index("Internal Server Error: /tasks/") :]
        self.assertIn("Traceback (most recent call last)", entry)
        self.assertIn(f"RuntimeError: {marker}", entry)

    def test_a_500_is_mailed_to_the_admins(self):
        with self.settings(ADMINS=["ops@example.org"]):
            marker = self.break_the_ledger()
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["ops@example.org"])
        self.assertIn(marker, mail.outbox[0].body)
