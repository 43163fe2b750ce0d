from django.urls import reverse

from duban.progress.tests.base import ProgressTestCase
from duban.testing import make_report

FLAG = "内容空泛"


class ReviewQualityFlagsTestCase(ProgressTestCase):
    def setUp(self):
        self.report = make_report(self.task, self.fagai, self.cycle, progress="工作有序推进。")
        self.report.consolidate(self.bob)
        self.client.force_login(self.alice)

    def test_the_queue_flags_a_boilerplate_report(self):
        response = self.client.get(reverse("progress:review-queue"))
        self.assertContains(response, FLAG)

    def test_the_report_page_flags_a_boilerplate_report_to_the_office(self):
        response = self.client.get(reverse("progress:report", args=[self.report.pk]))
        self.assertContains(response, "提交审核意见")
        self.assertContains(response, FLAG)

    def test_a_concrete_report_has_no_flag(self):
        self.report.progress = "一季度完成投资32亿元，3个项目开工。"
        self.report.save(update_fields=["progress"])
        response = self.client.get(reverse("progress:review-queue"))
        self.assertNotContains(response, FLAG)

    def test_the_reporting_unit_does_not_see_the_flag(self):
        self.client.force_login(self.bob)
        response = self.client.get(reverse("progress:report", args=[self.report.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, FLAG)
