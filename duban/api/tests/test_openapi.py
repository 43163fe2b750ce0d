"""The served OpenAPI document: written to test-results/ and validated as OpenAPI 3."""

import json
from pathlib import Path

from openapi_spec_validator import validate

from duban.api.tests.base import ApiTestCase

OUTPUT = Path("test-results")


class OpenApiDocumentTestCase(ApiTestCase):
    def test_the_served_document_is_valid_openapi(self):
        response = self.client.get("/api/v1/openapi.json")
        self.assertEqual(response.status_code, 200)
        document = response.json()
        OUTPUT.mkdir(exist_ok=True)
        (OUTPUT / "openapi.json").write_text(json.dumps(document, ensure_ascii=False, indent=2))
        validate(document)
        self.assertEqual(document["components"]["securitySchemes"]["TokenAuth"]["scheme"], "bearer")

    def test_lists_document_their_filters_and_cursor(self):
        document = self.client.get("/api/v1/openapi.json").json()
        params = {p["name"]: p for p in document["paths"]["/api/v1/tasks"]["get"]["parameters"]}
        self.assertLessEqual(
            {"q", "plan", "leader", "unit", "colour", "cursor", "limit"}, set(params)
        )
        self.assertEqual(params["leader"]["description"], "牵头领导 id")

    def test_the_docs_page_loads_its_scripts_from_our_static_files(self):
        response = self.client.get("/api/v1/docs/")
        self.assertEqual(response.status_code, 200)
        page = response.content.decode()
        self.assertIn("/static/ninja/swagger-ui-bundle.js", page)
        self.assertNotIn("cdn", page.lower())
