from django.urls import reverse

from duban.progress.choices import ReportState
from duban.progress.tests.base import ProgressTestCase
from duban.testing import make_report


class EditReportViewTestCase(ProgressTestCase):
    def setUp(self):
        self.part = make_report(self.task, self.caizheng, self.cycle, progress="")
        self.url = reverse("progress:report-edit", args=[self.part.pk])
        self.client.force_login(self.charlie)

    def data(self, **extra):
        values = {
            "progress": "拨付专项资金2亿元",
            "problems": "部分项目前期手续慢",
            "coordination": "",
            "next_steps": "加快资金拨付",
            "percent_complete": "25",
            "version": "1",
        }
        values.update(extra)
        return values

    def test_it_shows_the_form(self):
        response = self.client.get(self.url)
        self.assertContains(response, "完成情况")
        self.assertContains(response, "报送牵头单位")
        self.assertContains(response, 'name="version" value="1"')

    def test_it_saves_a_draft(self):
        response = self.client.post(self.url, self.data(save="1"))
        self.assertRedirects(response, self.url)
        self.part.refresh_from_db()
        self.assertEqual(self.part.progress, "拨付专项资金2亿元")
        self.assertEqual(self.part.percent_complete, 25)
        self.assertEqual((self.part.state, self.part.version), (ReportState.DRAFT, 2))

    def test_it_saves_and_submits(self):
        response = self.client.post(self.url, self.data(submit="1"))
        self.assertRedirects(response, self.part.get_absolute_url())
        self.part.refresh_from_db()
        self.assertEqual((self.part.state, self.part.version), (ReportState.SUBMITTED, 3))

    def test_it_refuses_a_stale_save_and_keeps_what_the_user_typed(self):
        self.client.post(self.url, self.data(save="1"))
        response = self.client.post(self.url, self.data(progress="我的新内容", save="1"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "该报告已被他人修改，请刷新后重试")
        self.assertContains(response, "我的新内容")
        self.part.refresh_from_db()
        self.assertEqual(self.part.progress, "拨付专项资金2亿元")

    def test_it_refuses_a_percent_over_100(self):
        response = self.client.post(self.url, self.data(percent_complete="120", save="1"))
        self.assertEqual(response.status_code, 200)
        self.part.refresh_from_db()
        self.assertEqual(self.part.version, 1)

    def test_it_needs_the_progress_text(self):
        response = self.client.post(self.url, self.data(progress="  ", submit="1"))
        self.assertEqual(response.status_code, 200)
        self.part.refresh_from_db()
        self.assertEqual(self.part.state, ReportState.DRAFT)

    def test_a_submitted_report_redirects_to_its_page(self):
        self.part.save_content(self.charlie, progress="已完成")
        self.part.submit(self.charlie)
        response = self.client.get(self.url)
        self.assertRedirects(response, self.part.get_absolute_url())

    def test_a_locked_cycle_redirects_to_the_report(self):
        self.cycle.lock(self.alice)
        response = self.client.post(self.url, self.data(save="1"))
        self.assertRedirects(response, self.part.get_absolute_url())
        self.part.refresh_from_db()
        self.assertEqual(self.part.version, 1)

    def test_a_draft_is_hidden_from_others_and_a_leader_may_read_but_not_edit(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.client.force_login(self.lin)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.part.save_content(self.charlie, progress="已完成")
        self.part.submit(self.charlie)
        self.assertEqual(self.client.get(self.url).status_code, 403)

    def test_anonymous_users_go_to_the_login_page(self):
        self.client.logout()
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/login", response["Location"])
