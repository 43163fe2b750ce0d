"""The office's token page: create (the secret shown once, stored hashed), list, revoke."""

import hashlib
import re

from duban.api.actions import ApiTokenAction
from duban.api.models import ApiToken
from duban.api.tests.base import ApiTestCase
from duban.audit.models import LogEntry


class TokenPageTestCase(ApiTestCase):
    def create(self, by=None, **fields):
        self.client.force_login(by or self.alice)
        data = {"user": self.charlie.pk, "name": "浙政钉工作台", "scope": "read", **fields}
        return self.client.post("/api/tokens/", data)

    def test_the_office_creates_a_token_and_sees_its_secret_once(self):
        response = self.create()
        self.assertEqual(response.status_code, 200)
        plain = re.search(r"duban_[0-9a-f]+_[\w-]+", response.content.decode()).group()
        token = ApiToken.objects.get(name="浙政钉工作台")
        self.assertEqual(
            (token.user, token.scope, token.created_by), (self.charlie, "read", self.alice)
        )
        secret = plain.split("_", 2)[2]
        self.assertEqual(token.secret_hash, hashlib.sha256(secret.encode()).hexdigest())
        self.assertEqual(ApiToken.find(plain), token)
        again = self.client.get("/api/tokens/").content.decode()
        self.assertIn("浙政钉工作台", again)
        self.assertNotIn(plain, again)
        entry = LogEntry.objects.get(action=ApiTokenAction.CREATED, object_id=str(token.pk))
        self.assertEqual(entry.data["for"], "charlie")

    def test_a_revoked_token_is_refused_and_the_revocation_audited(self):
        plain = self.tokens["charlie"]
        token = ApiToken.find(plain)
        self.client.force_login(self.alice)
        response = self.client.post(f"/api/tokens/{token.pk}/revoke/")
        self.assertRedirects(response, "/api/tokens/")
        token.refresh_from_db()
        self.assertIsNotNone(token.revoked_at)
        self.assertTrue(LogEntry.objects.filter(action=ApiTokenAction.REVOKED).exists())
        self.assertEqual(self.call("get", "/api/v1/tasks", plain).status_code, 401)

    def test_other_roles_cannot_open_the_page(self):
        for user in (self.lin, self.bob, self.dave):
            self.client.force_login(user)
            with self.subTest(user=user.username):
                self.assertEqual(self.client.get("/api/tokens/").status_code, 403)
                self.assertEqual(self.create(by=user).status_code, 403)

    def test_an_unknown_user_is_a_form_error(self):
        response = self.create(user=self.nobody.pk)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ApiToken.objects.filter(name="浙政钉工作台").exists())


class RateLimitTestCase(ApiTestCase):
    def test_a_token_over_its_rate_gets_429_and_another_token_does_not(self):
        with self.settings(API_RATE_LIMIT="3/m"):
            codes = [
                self.call("get", "/api/v1/units", self.tokens["bob"]).status_code for _ in range(4)
            ]
            other = self.call("get", "/api/v1/units", self.tokens["charlie"])
        self.assertEqual(codes, [200, 200, 200, 429])
        self.assertEqual(other.status_code, 200)


class PaginationTestCase(ApiTestCase):
    def test_a_list_is_walked_page_by_page_with_the_cursor(self):
        seen, cursor = [], None
        while True:
            query = "?limit=1" + (f"&cursor={cursor}" if cursor else "")
            page = self.call("get", "/api/v1/tasks" + query, self.tokens["alice"]).json()
            seen += [t["id"] for t in page["items"]]
            cursor = page["next"]
            if cursor is None:
                break
        self.assertEqual(seen, [self.task.pk, self.other_task.pk])

    def test_a_bad_cursor_is_a_400(self):
        response = self.call("get", "/api/v1/tasks?cursor=@@", self.tokens["alice"])
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["code"], "bad_cursor")

    def test_the_ledgers_filters_apply(self):
        url = f"/api/v1/tasks?unit={self.caizheng.pk}&role=joint"
        ids = [t["id"] for t in self.call("get", url, self.tokens["alice"]).json()["items"]]
        self.assertEqual(ids, [self.other_task.pk])
