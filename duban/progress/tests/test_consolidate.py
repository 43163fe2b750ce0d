from django.urls import reverse

from duban.progress.choices import ReportState
from duban.progress.tests.base import ProgressTestCase
from duban.testing import make_report


class ConsolidateViewTestCase(ProgressTestCase):
    def setUp(self):
        self.part = make_report(
            self.task, self.caizheng, self.cycle, progress="财政资金已拨付2亿元"
        )
        self.own = make_report(self.task, self.fagai, self.cycle, progress="项目开工3个")
        self.url = reverse("progress:report-consolidate", args=[self.own.pk])
        self.client.force_login(self.bob)

    def test_it_shows_a_draft_part_only_as_not_submitted(self):
        response = self.client.get(self.url)
        self.assertContains(response, "区财政局")
        self.assertContains(response, "未报送")
        self.assertNotContains(response, "财政资金已拨付2亿元")

    def test_it_shows_submitted_parts_beside_the_own_report(self):
        self.part.submit(self.charlie)
        response = self.client.get(self.url)
        self.assertContains(response, "财政资金已拨付2亿元")
        self.assertContains(response, "项目开工3个")

    def test_it_consolidates_and_submits_to_the_office(self):
        self.part.submit(self.charlie)
        response = self.client.post(self.url, {"version": self.own.version})
        self.assertRedirects(response, self.own.get_absolute_url())
        self.own.refresh_from_db()
        self.part.refresh_from_db()
        self.assertEqual(self.own.state, ReportState.SUBMITTED)
        self.assertEqual(self.part.state, ReportState.CONSOLIDATED)

    def test_it_refuses_a_stale_page(self):
        self.own.save_content(self.bob, progress="改过了")
        response = self.client.post(self.url, {"version": 1}, follow=True)
        self.assertContains(response, "该报告已被他人修改，请刷新后重试")
        self.own.refresh_from_db()
        self.assertEqual(self.own.state, ReportState.DRAFT)

    def test_a_part_has_no_consolidation_page(self):
        self.client.force_login(self.charlie)
        url = reverse("progress:report-consolidate", args=[self.part.pk])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_the_cooperating_unit_cannot_open_it(self):
        self.client.force_login(self.charlie)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(self.client.post(self.url, {"version": 1}).status_code, 404)
