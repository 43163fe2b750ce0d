"""A write through the API goes through the same model methods as the page, audited alike
with the token's name added."""

from django.core.cache import cache
from django.db import transaction

from duban.api.tests.base import ApiTestCase
from duban.audit.models import LogEntry
from duban.progress.choices import ReportState
from duban.progress.models import Report
from duban.supervision.models import TaskStatus


def trail(report: Report) -> list[tuple]:
    entries = LogEntry.objects.filter(object_type="progress.report", object_id=str(report.pk))
    return [(e.action, e.user_name) for e in entries.order_by("pk")]


def without_token(report: Report) -> list[dict]:
    entries = LogEntry.objects.filter(object_type="progress.report", object_id=str(report.pk))
    return [{k: v for k, v in e.data.items() if k != "token"} for e in entries.order_by("pk")]


class ReportThroughApiTestCase(ApiTestCase):
    def submit_in_the_ui(self) -> Report:
        self.client.force_login(self.bob)
        data = {"progress": "完成投资35亿元。", "version": self.report.version, "submit": "1"}
        response = self.client.post(f"/progress/reports/{self.report.pk}/edit/", data)
        self.assertEqual(response.status_code, 302)
        return Report.objects.get(pk=self.report.pk)

    def submit_through_the_api(self) -> Report:
        token = self.tokens["bob"]
        body = {"version": self.report.version, "progress": "完成投资35亿元。"}
        saved = self.call("put", f"/api/v1/reports/{self.report.pk}", token, body)
        self.assertEqual(saved.status_code, 200, saved.content)
        version = saved.json()["version"]
        submitted = self.call(
            "post", f"/api/v1/reports/{self.report.pk}/submit", token, {"version": version}
        )
        self.assertEqual(submitted.status_code, 200, submitted.content)
        self.assertEqual(submitted.json()["state"], ReportState.SUBMITTED)
        return Report.objects.get(pk=self.report.pk)

    def outcome(self, report: Report) -> tuple:
        status = TaskStatus.objects.filter(task=self.task).values_list("colour", flat=True).first()
        return report.state, report.version, report.submitted_by_id, status

    def test_submitting_through_the_api_leaves_the_same_trail_and_state_as_the_page(self):
        sid = transaction.savepoint_create()
        ui = self.submit_in_the_ui()
        ui_trail, ui_data, ui_outcome = trail(ui), without_token(ui), self.outcome(ui)
        transaction.savepoint_rollback(sid)
        cache.clear()
        api = self.submit_through_the_api()
        self.assertEqual(trail(api), ui_trail)
        self.assertEqual(without_token(api), ui_data)
        self.assertEqual(self.outcome(api), ui_outcome)
        self.assertEqual(ui_trail[-1][0], "progress.report.consolidated")

    def test_every_entry_of_an_api_write_names_the_token(self):
        self.submit_through_the_api()
        entries = LogEntry.objects.filter(
            object_type="progress.report", object_id=str(self.report.pk)
        )
        self.assertTrue(entries.exists())
        self.assertEqual({e.data.get("token") for e in entries}, {"bob-read-write"})

    def test_a_save_from_an_older_version_is_a_conflict(self):
        token = self.tokens["bob"]
        body = {"version": self.report.version, "progress": "第一次保存。"}
        self.assertEqual(
            self.call("put", f"/api/v1/reports/{self.report.pk}", token, body).status_code, 200
        )
        stale = self.call(
            "put", f"/api/v1/reports/{self.report.pk}", token, {**body, "progress": "旧页面。"}
        )
        self.assertEqual(stale.status_code, 409)
        self.assertEqual(stale.json()["code"], "stale")

    def test_an_invalid_report_is_refused_with_the_forms_message(self):
        body = {"version": self.report.version, "progress": "完成\x00投资"}
        response = self.call("put", f"/api/v1/reports/{self.report.pk}", self.tokens["bob"], body)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["code"], "invalid")

    def test_a_unit_cannot_submit_another_units_report(self):
        response = self.call(
            "post", f"/api/v1/reports/{self.part.pk}/submit", self.tokens["bob"], {"version": 1}
        )
        # bob's unit leads the task but may not write its support unit's draft (not visible).
        self.assertEqual(response.status_code, 404)
        self.assertEqual(Report.objects.get(pk=self.part.pk).state, ReportState.DRAFT)


class ValuesThroughApiTestCase(ApiTestCase):
    def test_a_statistics_release_token_records_a_value_as_an_import(self):
        plain = self.token(self.alice, "statistics-release")
        body = {"value": "6.8", "on_date": "2022-06-30", "confirm": True}
        response = self.call("post", f"/api/v1/targets/{self.target.pk}/values", plain, body)
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.json()["source"], "import")
        entry = LogEntry.objects.latest("pk")
        self.assertEqual(entry.data["token"], "alice-statistics-release")
        values = self.call("get", f"/api/v1/targets/{self.target.pk}/values", self.tokens["lin"])
        self.assertEqual([v["value"] for v in values.json()], ["6.8000"])

    def test_an_impossible_value_is_refused(self):
        body = {"value": "6.8", "on_date": "2999-01-01", "confirm": True}
        response = self.call(
            "post", f"/api/v1/targets/{self.target.pk}/values", self.tokens["alice"], body
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("今天", response.json()["message"])
