"""Query-count baseline of 本单位报送: it costs the same with N tasks of the unit and with 3N."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse

from duban.ledger.choices import AssignmentRole
from duban.progress.choices import CycleState
from duban.testing import BaseTestCase, make_cycle, make_report, make_target, make_tasks


class MyReportsQueriesTestCase(BaseTestCase):
    def add_tasks(self, count: int) -> None:
        """Tasks the unit leads, half with a draft report for the open cycle and half without."""
        for task in make_tasks(self.section, count, [(self.fagai, AssignmentRole.LEAD)]):
            if task.position % 2:
                make_report(task, self.fagai, self.cycle)

    @time_machine.travel(datetime(2022, 4, 2, 9, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
    def test_the_units_reports_page_costs_the_same_with_three_times_the_tasks(self):
        self.cycle = make_cycle(self.plan, date(2022, 3, 1))
        response = self.assert_flat(self.bob, reverse("progress:my-reports"), self.add_tasks, 9)
        assert f"任务 {self.plan.tasks.count() - 1}" in response.content.decode()


class CycleListQueriesTestCase(BaseTestCase):
    def test_the_cycle_list_costs_the_same_with_three_times_the_cycles_and_reports(self):
        self.client.force_login(self.alice)
        for months in (range(1, 4), range(4, 10)):
            for month in months:
                make_report(self.task, self.fagai, make_cycle(self.plan, date(2022, month, 1)))
            # The session, the user and the profile, the page of cycles with their plans,
            # their reports counted, the header's unread notifications and the generate
            # form's plans.
            with self.assertNumQueries(7):
                response = self.client.get(reverse("progress:cycle-list"))
            self.assertEqual(len(response.context["page"]), months[-1])


class ReviewQueueQueriesTestCase(BaseTestCase):
    def add_reports(self, count: int, previous, cycle) -> None:
        """Tasks 区发改局 leads, each with last month's report and this month's, submitted in
        the same words, and a target."""
        for task in make_tasks(self.section, count, [(self.fagai, AssignmentRole.LEAD)]):
            make_target(task)
            for month in (previous, cycle):
                make_report(task, self.fagai, month, progress="有序推进。", state="submitted")

    def test_the_review_queue_costs_the_same_with_three_times_the_reports(self):
        previous = make_cycle(self.plan, date(2022, 2, 1), state=CycleState.LOCKED)
        cycle = make_cycle(self.plan, date(2022, 3, 1))
        # The session, the user, the profile, the page of reports with their tasks, units
        # and cycles, the units' earlier reports, the tasks' targets and the header's unread
        # notifications: the quality flags of the whole page in two queries.
        response = self.assert_flat(
            self.alice,
            reverse("progress:review-queue"),
            lambda count: self.add_reports(count, previous, cycle),
            7,
        )
        page = response.context["page"]
        self.assertEqual(len(page), self.plan.tasks.count() - 2)
        self.assertIn("与本单位上期报告内容相同或几乎相同", page.object_list[0].flags)
