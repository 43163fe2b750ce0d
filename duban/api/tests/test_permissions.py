"""Every operation of the API × every role of the cast, against endpoint_table.py; and what
read-only, revoked, statistics-release and missing tokens get on each."""

from django.db import transaction
from django.test import Client

from duban.api.choices import TokenScope
from duban.api.models import ApiToken
from duban.api.tests.base import ROLES, ApiTestCase
from duban.api.tests.endpoint_table import TABLE
from duban.api.v1 import api


def operations() -> list[str]:
    """ "METHOD /path" of every operation the OpenAPI document declares."""
    paths = api.get_openapi_schema(path_prefix="/api/v1")["paths"]
    return [f"{method.upper()} {path}" for path, ops in paths.items() for method in ops]


class EndpointPermissionTestCase(ApiTestCase):
    def request(self, operation: str, token: str | None):
        """Call the operation with the row's arguments, rolled back so each call sees the cast."""
        row = TABLE[operation]
        method, path = operation.split(" ", 1)
        url = path.format(**row.path(self))
        savepoint = transaction.savepoint_create()
        try:
            return self.call(method, url, token, row.body(self))
        finally:
            transaction.savepoint_rollback(savepoint)

    def test_every_operation_has_a_row(self):
        missing = [op for op in operations() if op not in TABLE]
        self.assertEqual(missing, [], "add these operations to duban/api/tests/endpoint_table.py")

    def test_every_role_gets_what_the_table_declares(self):
        for operation in operations():
            for role, expected in zip(ROLES, TABLE[operation].expected(), strict=True):
                with self.subTest(operation=operation, role=role):
                    response = self.request(operation, self.tokens[role])
                    self.assertEqual(response.status_code, expected, response.content)
                    if expected >= 400:
                        self.assertEqual(set(response.json()), {"code", "message"})

    def test_a_read_only_token_reads_but_cannot_write(self):
        readers = {role: self.token(getattr(self, role), TokenScope.READ) for role in ROLES}
        for operation in operations():
            writes = not operation.startswith("GET ")
            for role, expected in zip(ROLES, TABLE[operation].expected(), strict=True):
                with self.subTest(operation=operation, role=role):
                    response = self.request(operation, readers[role])
                    if writes and expected < 404:
                        self.assertEqual(response.status_code, 403)
                        self.assertEqual(response.json()["message"], "只读令牌不能修改数据。")
                    elif not writes:
                        self.assertEqual(response.status_code, expected)

    def test_a_revoked_token_is_refused_everywhere(self):
        plain = self.token(self.bob, TokenScope.READ_WRITE)
        token = ApiToken.find(plain)
        token.revoke(self.alice)
        for operation in operations():
            with self.subTest(operation=operation):
                response = self.request(operation, plain)
                self.assertEqual(response.status_code, 401)
                self.assertEqual(response.json()["code"], "unauthenticated")

    def test_a_call_without_a_valid_token_is_refused(self):
        for operation in operations():
            for token in (None, "duban_nope_nope", "duban_\x00_x", self.tokens["bob"] + "x"):
                with self.subTest(operation=operation, token=token):
                    self.assertEqual(self.request(operation, token).status_code, 401)

    def test_a_statistics_release_token_only_posts_values(self):
        plain = self.token(self.alice, TokenScope.STATISTICS)
        for operation in operations():
            expected = 201 if operation == "POST /api/v1/targets/{pk}/values" else 403
            with self.subTest(operation=operation):
                self.assertEqual(self.request(operation, plain).status_code, expected)


class MalformedRequestTestCase(ApiTestCase):
    def test_a_body_that_is_not_json_is_a_400_in_the_apis_format(self):
        response = Client().post(
            f"/api/v1/reports/{self.report.pk}/submit",
            data="{not json",
            content_type="application/json",
            headers={"Authorization": f"Bearer {self.tokens['bob']}"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(set(response.json()), {"code", "message"})

    def test_an_id_beyond_the_column_is_a_400_not_a_500(self):
        response = self.call("get", f"/api/v1/tasks/{2**40}", self.tokens["alice"])
        self.assertEqual(response.status_code, 400)


class DashboardFiguresTestCase(ApiTestCase):
    def test_a_figure_is_the_json_the_pages_chart_draws(self):
        self.client.force_login(self.alice)
        for page, endpoint in [
            ("/dashboards/charts/totals/", "/api/v1/dashboard/totals"),
            (
                f"/dashboards/units/{self.fagai.pk}/charts/status/",
                f"/api/v1/dashboard/units/{self.fagai.pk}/status",
            ),
            (
                f"/dashboards/targets/{self.target.pk}/chart/",
                f"/api/v1/dashboard/targets/{self.target.pk}",
            ),
        ]:
            with self.subTest(endpoint=endpoint):
                self.assertEqual(
                    self.call("get", endpoint, self.tokens["alice"]).json(),
                    self.client.get(page).json(),
                )
