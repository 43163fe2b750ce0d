from django.urls import reverse

from duban.progress.choices import ReportState
from duban.progress.tests.base import ProgressTestCase
from duban.testing import make_report


class ReviewViewTestCase(ProgressTestCase):
    def setUp(self):
        self.report = make_report(self.task, self.fagai, self.cycle)
        self.report.consolidate(self.bob)
        self.url = reverse("progress:report-review", args=[self.report.pk])
        self.client.force_login(self.alice)

    def test_the_queue_lists_submitted_consolidated_reports(self):
        response = self.client.get(reverse("progress:review-queue"))
        self.assertContains(response, "区发改局")
        self.assertContains(response, "采纳")

    def test_the_office_accepts(self):
        response = self.client.post(self.url, {"decision": "accept"})
        self.assertRedirects(response, reverse("progress:review-queue"))
        self.report.refresh_from_db()
        self.assertEqual(self.report.state, ReportState.ACCEPTED)
        response = self.client.get(reverse("progress:review-queue"))
        self.assertContains(response, "没有待审核的报告")

    def test_the_office_returns_with_a_comment(self):
        self.client.post(self.url, {"decision": "return", "comment": "请补充投资数据"})
        self.report.refresh_from_db()
        self.assertEqual(self.report.state, ReportState.RETURNED)
        self.client.force_login(self.bob)
        response = self.client.get(reverse("progress:report-edit", args=[self.report.pk]))
        self.assertContains(response, "请补充投资数据")

    def test_a_return_without_a_comment_is_refused(self):
        response = self.client.post(self.url, {"decision": "return"}, follow=True)
        self.assertContains(response, "退回时请填写修改意见")
        self.report.refresh_from_db()
        self.assertEqual(self.report.state, ReportState.SUBMITTED)

    def test_reviewing_twice_shows_the_reason(self):
        self.client.post(self.url, {"decision": "accept"})
        response = self.client.post(self.url, {"decision": "accept"}, follow=True)
        self.assertContains(response, "已采纳")
        self.assertEqual(self.report.reviews.count(), 1)

    def test_the_report_page_offers_the_review_form_to_the_office_only(self):
        page = reverse("progress:report", args=[self.report.pk])
        self.assertContains(self.client.get(page), "提交审核意见")
        self.client.force_login(self.lin)
        self.assertNotContains(self.client.get(page), "提交审核意见")


class ReturnPartViewTestCase(ProgressTestCase):
    def test_the_lead_unit_returns_a_submitted_part_from_its_page(self):
        part = make_report(self.task, self.caizheng, self.cycle)
        part.submit(self.charlie)
        page = reverse("progress:report", args=[part.pk])
        self.client.force_login(self.bob)
        self.assertContains(self.client.get(page), "退回配合单位修改")
        data = {"decision": "return", "comment": "请补充资金到位率"}
        response = self.client.post(reverse("progress:report-review", args=[part.pk]), data)
        self.assertRedirects(response, page)
        part.refresh_from_db()
        self.assertEqual(part.state, ReportState.RETURNED)
        self.client.force_login(self.charlie)
        self.assertNotContains(self.client.get(page), "退回配合单位修改")
        response = self.client.get(reverse("progress:report-edit", args=[part.pk]))
        self.assertContains(response, "请补充资金到位率")
