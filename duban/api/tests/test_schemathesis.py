"""schemathesis against the served OpenAPI document, on the live test server, with a token
for each role of the cast: no 5xx, and every answer conforms to the document."""

import pytest
import schemathesis
from django.core.cache import cache
from django.test import LiveServerTestCase, override_settings
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from duban.api.tests.base import ROLES, build_api_world
from duban.testing import build_cast

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Examples per operation and role: enough to reach each refusal, few enough for CI.
EXAMPLES = 4


# The walk makes hundreds of requests a token: no rate limit here (test_tokens checks it).
@override_settings(API_RATE_LIMIT="100000/m")
class SchemathesisTestCase(LiveServerTestCase):
    def setUp(self):
        build_cast(self)
        build_api_world(self)
        cache.clear()

    @pytest.mark.timeout(900)
    def test_every_operation_answers_as_documented_for_every_role(self):
        schema = schemathesis.openapi.from_url(
            f"{self.live_server_url}/api/v1/openapi.json",
            headers={"Authorization": f"Bearer {self.tokens['dave']}"},
        )
        operations = [result.ok() for result in schema.get_all_operations()]
        self.assertGreater(len(operations), 20)
        for role in ROLES:
            headers = {"Authorization": f"Bearer {self.tokens[role]}"}
            for operation in operations:
                with self.subTest(role=role, operation=operation.label):
                    self.walk(operation, headers)

    def walk(self, operation, headers: dict) -> None:
        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(base_url=self.live_server_url, headers=headers, checks=CHECKS)

        check()
