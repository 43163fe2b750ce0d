"""The task list and task of the API carry each task's latest progress, as the ledger does."""

from datetime import UTC, datetime

from duban.api.tests.base import ApiTestCase
from duban.progress.choices import ReportState


class LatestProgressTestCase(ApiTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.report.progress = "一季度完成投资32亿元。"
        cls.report.state = ReportState.SUBMITTED
        cls.report.submitted_at = datetime(2022, 4, 3, 2, tzinfo=UTC)
        cls.report.save()

    def test_the_list_gives_the_latest_report_handed_in(self):
        response = self.call("get", "/api/v1/tasks", self.tokens["alice"])
        tasks = {task["id"]: task for task in response.json()["items"]}
        assert tasks[self.task.pk]["latest_progress"] == "一季度完成投资32亿元。"
        assert tasks[self.task.pk]["latest_submitted_at"].startswith("2022-04-03T")
        assert tasks[self.other_task.pk]["latest_progress"] is None

    def test_a_task_gives_its_latest_report_handed_in(self):
        response = self.call("get", f"/api/v1/tasks/{self.task.pk}", self.tokens["lin"])
        assert response.json()["latest_progress"] == "一季度完成投资32亿元。"
