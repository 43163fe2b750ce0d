"""The served OpenAPI document: written to test-results/ and validated as OpenAPI 3."""

import json
from pathlib import Path

from openapi_spec_validator import validate

from duban.api.tests.base import ApiTestCase

OUTPUT = Path("test-results")


class OpenApiDocumentTestCase(ApiTestCase):
    def document(self):
        return self.call("get", "/api/v1/openapi.json", self.tokens["dave"])

    def test_the_served_document_is_valid_openapi(self):
        response = self.document()
        self.assertEqual(response.status_code, 200)
        document = response.json()
        OUTPUT.mkdir(exist_ok=True)
        (OUTPUT / "openapi.json").write_text(json.dumps(document, ensure_ascii=False, indent=2))
        validate(document)
        self.assertEqual(document["components"]["securitySchemes"]["TokenAuth"]["scheme"], "bearer")

    def test_lists_document_their_filters_and_cursor(self):
        document = self.document().json()
        params = {p["name"]: p for p in document["paths"]["/api/v1/tasks"]["get"]["parameters"]}
        self.assertLessEqual(
            {"q", "plan", "leader", "unit", "colour", "cursor", "limit"}, set(params)
        )
        self.assertEqual(params["leader"]["description"], "牵头领导 id")

    def test_anonymous_callers_learn_nothing_of_the_api(self):
        response = self.call("get", "/api/v1/openapi.json", None)
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response.json()["code"], "unauthenticated")
        self.assertEqual(self.call("get", "/api/v1/openapi.json", "duban_bogus").status_code, 401)
        docs = self.client.get("/api/v1/docs/")
        self.assertRedirects(
            docs, "/accounts/login/?next=/api/v1/docs/", fetch_redirect_response=False
        )

    def test_a_logged_in_user_reads_the_document_without_a_token(self):
        self.client.force_login(self.charlie)
        self.assertEqual(self.client.get("/api/v1/openapi.json").status_code, 200)

    def test_the_docs_page_loads_its_scripts_from_our_static_files(self):
        self.client.force_login(self.alice)
        response = self.client.get("/api/v1/docs/")
        self.assertEqual(response.status_code, 200)
        page = response.content.decode()
        self.assertIn("/static/ninja/swagger-ui-bundle.js", page)
        self.assertNotIn("cdn", page.lower())
