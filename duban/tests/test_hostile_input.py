"""Odd values in every path argument, query parameter and form field answer 400 or a
message, never 500: NUL, non-ASCII digits, huge and negative numbers, very long strings.

Every URL pattern is walked as the office and as the lead unit of the world's task; query
parameters and form fields are the ones the pages' own forms send, plus common ones.
"""

import shutil
import tempfile
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.test import Client, TestCase, override_settings
from django.urls import Resolver404, resolve, reverse

from duban.tests.forms import forms_of
from duban.tests.url_table import KWARGS
from duban.tests.urls import page_patterns
from duban.tests.world import build_world

MEDIA_ROOT = tempfile.mkdtemp(prefix="duban-test-media-")
HOSTILE = [
    "\x00",
    "a\x00b",
    "²",
    "٣",
    "１２",
    "99999999999999999999999",
    "-1",
    "-99999999999999999999999",
    "1e9999",
    "NaN",
    "0",
    "10000",
    "99999",
    "2022-13-45",
    "x" * 5000,
    "<svg/onload=alert(1)>",
]
HOSTILE_PATH = ["0", "99999999999999999999999", "10000", "99999", "x" * 300]
# Query parameters read by some page; forms found on the pages add to them.
COMMON_PARAMS = {
    "q",
    "page",
    "plan",
    "unit",
    "leader",
    "status",
    "colour",
    "year",
    "kind",
    "role",
    "cycle",
    "state",
    "tier",
    "export",
    "next",
    "sort",
    "metric",
    "notice",
}


@override_settings(MEDIA_ROOT=MEDIA_ROOT)
class HostileInputTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)

    def setUp(self):
        self.failures = []

    def client_for(self, role: str) -> Client:
        client = Client(raise_request_exception=False)
        client.force_login(self.world.users[role])
        return client

    def urls(self) -> list[tuple[str, str, dict]]:
        """(name, URL, kwargs) of every pattern outside the admin, in the world."""
        return [
            (p.name, reverse(p.name, kwargs=KWARGS.get(p.name, lambda w: {})(self.world)), p)
            for p in page_patterns()
            if not p.name.startswith("admin:")
        ]

    def fields_by_url(self, client) -> dict[str, dict[str, set]]:
        """The fields each URL's forms send, by method, from every page the role can open."""
        found: dict[str, dict[str, set]] = {}
        for _, url, _ in self.urls():
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            for form in forms_of(response.content.decode(), url):
                action = urlsplit(form.action).path
                try:
                    resolve(action)
                except Resolver404:
                    continue
                found.setdefault(action, {}).setdefault(form.method, set()).update(form.fields)
        return found

    def check(self, client, role, method, url, data):
        # Each request on the same world: what one changes must not hide another's failure.
        savepoint = transaction.savepoint_create()
        try:
            response = getattr(client, method)(url, data)
        finally:
            transaction.savepoint_rollback(savepoint)
        if response.status_code >= 500:
            shown = {k: (v[:20] + "…" if len(v) > 20 else v) for k, v in data.items()}
            self.failures.append(f"{role} {method.upper()} {url[:80]} {shown!r}")

    def walk(self, role: str) -> None:
        """Every hostile value in every path argument, parameter and field of every URL, as `role`."""
        client = self.client_for(role)
        fields = self.fields_by_url(client)
        for name, url, p in self.urls():
            if name == "accounts:logout":
                continue  # it would end the session the walk runs in
            params = COMMON_PARAMS | fields.get(url, {}).get("get", set())
            posted = fields.get(url, {}).get("post", set()) - {"csrfmiddlewaretoken"}
            for value in HOSTILE:
                self.check(client, role, "get", url, dict.fromkeys(params, value))
                self.check(client, role, "post", url, dict.fromkeys(posted, value))
            for field in sorted(posted):
                for value in ("\x00", "²", "99999999999999999999999", "-1"):
                    self.check(client, role, "post", url, {field: value})
            for param in sorted(p.params):
                kwargs = KWARGS.get(name, lambda w: {})(self.world)
                for value in HOSTILE_PATH:
                    hostile_url = url.replace(f"/{kwargs[param]}/", f"/{value}/", 1)
                    self.check(client, role, "get", hostile_url, {})
                    self.check(client, role, "post", hostile_url, {})
        self.assertEqual(self.failures, [], "\n".join(self.failures))

    # One test per role walked, the office and the lead unit, so that the two xdist workers
    # share the walks (minutes each on PostgreSQL).
    @pytest.mark.walk
    @pytest.mark.timeout(900)
    def test_no_hostile_value_gets_a_500_as_the_office(self):
        self.walk("office")

    @pytest.mark.walk
    @pytest.mark.timeout(900)
    def test_no_hostile_value_gets_a_500_as_the_lead_unit(self):
        self.walk("lead")

    def test_the_reported_odd_inputs_answer_without_a_500(self):
        w, office, lead = self.world, self.client_for("office"), self.client_for("lead")
        self.assertEqual(office.get(reverse("ledger:units"), {"q": "\x00"}).status_code, 200)
        self.assertEqual(office.get(reverse("progress:cycle-list"), {"plan": "²"}).status_code, 200)
        url = reverse("progress:report-consolidate", args=[w.consolidated.pk])
        response = lead.post(url, {"version": "²"}, follow=True)
        self.assertEqual(response.status_code, 200)
        w.consolidated.refresh_from_db()
        self.assertEqual(w.consolidated.state, "draft")
        for year in (0, 10000, 99999):
            url = f"/progress/tasks/{w.task.pk}/milestones/{year}/"
            self.assertEqual(lead.get(url).status_code, 404)
            self.assertEqual(lead.post(url).status_code, 404)
        url = reverse("ledger:placeholder-resolve", args=[w.placeholder_assignment.pk])
        response = office.post(url, {"units": ["99999999999999999999999", "-1", "٣"]})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(w.placeholder_assignment.resolutions.exists())
