"""The API's lists cost the same with N rows and with 3N, and say each task's lead units."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from duban.api.tests.base import ApiTestCase
from duban.ledger.choices import AssignmentRole
from duban.testing import make_report, make_tasks

ROWS = 8
LISTS = (
    "notices",
    "plans",
    "units",
    "officials",
    "tasks",
    "cycles",
    "reports",
    "targets",
    "problems",
)


class ListQueriesTestCase(ApiTestCase):
    def add_tasks(self, count: int) -> None:
        """Tasks 区发改局 leads and 区财政局 supports, each with a report in the cycle."""
        units = [(self.fagai, AssignmentRole.LEAD), (self.caizheng, AssignmentRole.SUPPORT)]
        for task in make_tasks(self.section, count, units):
            make_report(task, self.fagai, self.cycle)

    def queries(self, path: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = self.call("get", f"/api/v1/{path}", self.tokens["alice"])
        self.assertEqual(response.status_code, 200, path)
        return len(captured)

    def test_each_list_costs_the_same_with_three_times_the_rows(self):
        self.add_tasks(ROWS)
        self.queries("notices")  # the token's first use is stamped, then once a minute
        before = {path: self.queries(path) for path in LISTS}
        self.add_tasks(2 * ROWS)
        self.assertEqual({path: self.queries(path) for path in LISTS}, before)
        # The token with its user, the profile, the page, its leaders, its units and its
        # lead units (overrides, then assignments).
        self.assertEqual(before["tasks"], 7)

    def test_a_task_says_its_lead_units_in_the_list_and_alone(self):
        found = self.call("get", "/api/v1/tasks", self.tokens["alice"]).json()["items"]
        leads = {item["id"]: item["lead_unit_ids"] for item in found}
        self.assertEqual(leads[self.task.pk], [self.fagai.pk])
        one = self.call("get", f"/api/v1/tasks/{self.task.pk}", self.tokens["alice"]).json()
        self.assertEqual(one["lead_unit_ids"], [self.fagai.pk])
