from datetime import date

from django.urls import reverse

from duban.progress.choices import ReportState
from duban.progress.models import Report
from duban.progress.tests.base import ProgressTestCase
from duban.testing import make_report


class MyReportsTestCase(ProgressTestCase):
    def test_it_lists_the_units_tasks_in_open_cycles(self):
        self.client.force_login(self.charlie)
        response = self.client.get(reverse("progress:my-reports"))
        self.assertContains(response, "2022年3月")
        self.assertContains(response, "地区生产总值增长 7%")
        self.assertNotContains(response, self.wang_task.text)
        self.assertContains(response, "开始填报")

    def test_the_overdue_mark_follows_duban_today_and_leaves_sent_reports_alone(self):
        self.client.force_login(self.charlie)
        with self.settings(DUBAN_TODAY=date(2022, 4, 1)):
            self.assertNotContains(self.client.get(reverse("progress:my-reports")), "已逾期")
        with self.settings(DUBAN_TODAY=date(2022, 4, 6)):
            self.assertContains(self.client.get(reverse("progress:my-reports")), "已逾期")
            make_report(self.task, self.caizheng, self.cycle, state=ReportState.SUBMITTED)
            make_report(self.other_task, self.caizheng, self.cycle, state=ReportState.SUBMITTED)
            self.assertNotContains(self.client.get(reverse("progress:my-reports")), "已逾期")

    def test_a_part_the_lead_unit_has_consolidated_says_so_and_is_not_late(self):
        self.client.force_login(self.charlie)
        with self.settings(DUBAN_TODAY=date(2022, 4, 6)):
            self.assertNotContains(
                self.client.get(reverse("progress:my-reports")), "牵头单位已汇总"
            )
            make_report(self.task, self.fagai, self.cycle, state=ReportState.SUBMITTED)
            rows = self.client.get(reverse("progress:my-reports")).context["rows"]
        row = next(r for r in rows if r["task"] == self.task)
        self.assertEqual((row["consolidated"], row["overdue"]), (True, False))
        self.assertContains(
            self.client.get(reverse("progress:my-reports")), "未填报，牵头单位已汇总"
        )

    def test_starting_a_report_opens_its_form(self):
        self.client.force_login(self.charlie)
        url = reverse("progress:report-start", args=[self.cycle.pk, self.task.pk])
        response = self.client.post(url)
        report = Report.objects.get()
        self.assertRedirects(response, reverse("progress:report-edit", args=[report.pk]))
        response = self.client.get(reverse("progress:my-reports"))
        self.assertContains(response, "草稿")

    def test_it_shows_nothing_without_an_open_cycle(self):
        self.cycle.lock(self.alice)
        self.client.force_login(self.bob)
        response = self.client.get(reverse("progress:my-reports"))
        self.assertContains(response, "目前没有开放的报送周期")

    def test_the_office_is_sent_to_the_review_queue(self):
        self.client.force_login(self.alice)
        response = self.client.get(reverse("progress:my-reports"))
        self.assertRedirects(response, reverse("progress:review-queue"))
