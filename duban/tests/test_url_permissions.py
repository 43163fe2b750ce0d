"""Every URL pattern × every role × GET and POST, against the table in url_table.py."""

import fnmatch

import pytest
from django.db import transaction
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client, TestCase
from django.urls import reverse

from duban.ledger.staging import stage
from duban.testing import notice_text
from duban.tests.url_table import ADMIN, DATA, KWARGS, PLAIN_REDIRECTS, TABLE
from duban.tests.urls import page_patterns
from duban.tests.world import ROLES, build_world


def admin_kwargs(p) -> dict:
    """Arguments for an admin pattern: any object id (the admin refuses before looking)."""
    values = {"app_label": "ledger", "object_id": "1", "content_type_id": "1", "id": "1"}
    return {name: values[name] for name in p.params}


def table_row(name: str):
    if name in TABLE:
        return TABLE[name]
    return next((row for glob, row in ADMIN.items() if fnmatch.fnmatch(name, glob)), None)


class UrlPermissionTestCase(TestCase):
    # Files the walk writes land in the test process's own folder (conftest.py).
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    def setUp(self):
        # Confirming the world's import preview removes its staged file, which no savepoint
        # restores: stage it again for each walk.
        stage(notice_text().encode())

    def request(self, role: str, method: str, url: str, data: dict):
        client = Client(enforce_csrf_checks=True)
        token = _get_new_csrf_string()
        client.cookies["csrftoken"] = token
        if self.world.users[role] is not None:
            client.force_login(self.world.users[role])
        savepoint = transaction.savepoint_create()
        try:
            if method == "get":
                response = client.get(url)
            else:
                response = client.post(url, {**data, "csrfmiddlewaretoken": token})
        finally:
            transaction.savepoint_rollback(savepoint)
        if response.streaming:
            # Reading a download to the end is what makes the test client close its file.
            b"".join(response.streaming_content)
        return response

    def test_every_url_name_has_a_row(self):
        missing = [p.name for p in page_patterns() if table_row(p.name) is None]
        self.assertEqual(missing, [], "add these URL names to duban/tests/url_table.py")

    # One test per method, so that the two xdist workers share the walk (minutes of CPU, more
    # on a busy machine than the default limit).
    @pytest.mark.walk
    @pytest.mark.timeout(900)
    def test_every_role_gets_what_the_table_declares_for_get(self):
        self.walk("get")

    @pytest.mark.walk
    @pytest.mark.timeout(900)
    def test_every_role_gets_what_the_table_declares_for_post(self):
        self.walk("post")

    def walk(self, method: str) -> None:
        """Every URL pattern × every role with `method`, against the table."""
        w = self.world
        for p in page_patterns():
            row = table_row(p.name)
            if row is None:
                continue
            kwargs = (
                admin_kwargs(p)
                if p.name.startswith("admin:")
                else KWARGS.get(p.name, lambda w: {})(w)
            )
            url = reverse(p.name, kwargs=kwargs)
            data = DATA.get(p.name, lambda w: {})(w)
            for role, expected in zip(ROLES, row.codes(method), strict=True):
                with self.subTest(url=p.name, method=method, role=role):
                    response = self.request(role, method, url, data)
                    self.assertEqual(response.status_code, expected)
                    anonymous_redirect = role == "anonymous" and expected == 302
                    if anonymous_redirect and p.name not in PLAIN_REDIRECTS:
                        login = (
                            "/admin/login/" if p.name.startswith("admin:") else "/accounts/login/"
                        )
                        self.assertTrue(response["Location"].startswith(login))
