import shutil
import tempfile
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from duban.progress.choices import CycleState, ReportState
from duban.progress.models import Attachment, Report
from duban.progress.tests.base import ProgressTestCase
from duban.testing import make_cycle, make_report

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


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

    def test_it_refuses_a_stale_save_keeps_the_typed_text_and_shows_the_saved_one(self):
        # Two tabs loaded version 1; the first saves, the second's save is refused.
        self.client.post(self.url, self.data(save="1"))
        response = self.client.post(self.url, self.data(progress="我的新内容", save="1"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "本次保存未生效")
        page = response.content.decode()
        stale = page[page.index('id="stale"') : page.index('name="version"')]
        self.assertIn("已保存的版本（第 2 版）", stale)
        self.assertIn("拨付专项资金2亿元", stale)
        self.assertIn("我的新内容", stale)
        # Only the field that differs is compared.
        self.assertNotIn("下一步打算", stale)
        self.assertContains(response, ">\n我的新内容</textarea>")
        self.assertContains(response, 'name="version" value="2"')
        self.part.refresh_from_db()
        self.assertEqual((self.part.progress, self.part.version), ("拨付专项资金2亿元", 2))

    def test_saving_again_after_a_refused_save_keeps_the_typed_text(self):
        self.client.post(self.url, self.data(save="1"))
        self.client.post(self.url, self.data(progress="我的新内容", save="1"))
        response = self.client.post(self.url, self.data(progress="我的新内容", version=2, save=1))
        self.assertRedirects(response, self.url)
        self.part.refresh_from_db()
        self.assertEqual((self.part.progress, self.part.version), ("我的新内容", 3))

    def test_a_draft_is_saved_before_its_text_is_written(self):
        response = self.client.post(self.url, self.data(progress="", problems="缺资金", save="1"))
        self.assertRedirects(response, self.url)
        self.part.refresh_from_db()
        self.assertEqual((self.part.progress, self.part.problems), ("", "缺资金"))

    def test_the_evidence_section_sits_above_the_submit_button(self):
        page = self.client.get(self.url).content.decode()
        self.assertLess(page.index('id="evidence"'), page.index('name="submit"'))
        self.assertIn('enctype="multipart/form-data"', page)

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


class EvidenceWithTheDraftTestCase(ProgressTestCase):
    """Every button of the form saves the typed text first, the upload and removal too."""

    def setUp(self):
        media = tempfile.mkdtemp(prefix="duban-evidence-")
        self.addCleanup(shutil.rmtree, media, ignore_errors=True)
        override = override_settings(MEDIA_ROOT=media)
        override.enable()
        self.addCleanup(override.disable)
        self.part = make_report(self.task, self.caizheng, self.cycle, progress="")
        self.url = reverse("progress:report-edit", args=[self.part.pk])
        self.client.force_login(self.charlie)

    def post(self, **data):
        values = {"progress": "已拨付专项资金2亿元", "version": self.part.version}
        return self.client.post(self.url, {**values, **data}, follow=True)

    def pdf(self, name="拨付凭证.pdf"):
        return SimpleUploadedFile(name, PDF, content_type="application/pdf")

    def test_uploading_saves_the_typed_text_and_attaches_the_file(self):
        response = self.post(upload="1", file=self.pdf())
        self.assertContains(response, "草稿已保存，佐证材料已上传。")
        self.assertContains(response, ">\n已拨付专项资金2亿元</textarea>")
        self.assertContains(response, "拨付凭证.pdf")
        self.part.refresh_from_db()
        self.assertEqual((self.part.progress, self.part.version), ("已拨付专项资金2亿元", 2))
        self.assertEqual(self.part.attachments.get().original_name, "拨付凭证.pdf")

    def test_uploading_without_a_file_saves_the_text_and_says_so(self):
        response = self.post(upload="1")
        self.assertContains(response, "草稿已保存，但没有选择要上传的文件。")
        self.part.refresh_from_db()
        self.assertEqual(self.part.progress, "已拨付专项资金2亿元")

    def test_a_file_chosen_before_submitting_is_attached_and_the_report_submitted(self):
        response = self.post(submit="1", file=self.pdf())
        self.assertContains(response, "佐证材料已上传，报告已报送。")
        self.part.refresh_from_db()
        self.assertEqual(self.part.state, ReportState.SUBMITTED)
        self.assertTrue(self.part.attachments.exists())

    def test_removing_a_file_saves_the_typed_text(self):
        attachment = Attachment.add(self.part, self.pdf(), self.charlie)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.post(progress="改过的内容", remove=attachment.pk)
        self.assertContains(response, "草稿已保存，已删除佐证材料。")
        self.part.refresh_from_db()
        self.assertEqual(self.part.progress, "改过的内容")
        self.assertFalse(self.part.attachments.exists())

    def test_a_form_error_keeps_the_text_and_says_the_file_was_not_attached(self):
        response = self.post(percent_complete="120", upload="1", file=self.pdf())
        self.assertEqual(response.redirect_chain, [])
        self.assertContains(response, "所选文件未上传")
        self.assertContains(response, ">\n已拨付专项资金2亿元</textarea>")
        self.assertFalse(Attachment.objects.exists())


class PreviousReportTestCase(ProgressTestCase):
    """The unit's report of the previous cycle is shown beside the form, to read or copy."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.cycle.lock(None)
        make_report(
            cls.task,
            cls.caizheng,
            cls.cycle,
            progress="三月拨付专项资金1亿元。\n第二批资金待审批。",
            next_steps="四月完成第二批拨付",
            state=ReportState.CONSOLIDATED,
        )
        cls.april = make_cycle(cls.plan, date(2022, 4, 1), state=CycleState.OPEN)

    def test_the_previous_cycles_report_is_shown_with_copy_buttons(self):
        report = make_report(self.task, self.caizheng, self.april, progress="")
        self.client.force_login(self.charlie)
        response = self.client.get(reverse("progress:report-edit", args=[report.pk]))
        self.assertContains(response, "上期报告 · 2022年3月")
        self.assertContains(
            response,
            '<div class="text" id="previous-progress">三月拨付专项资金1亿元。\n第二批资金待审批。</div>',
        )
        self.assertContains(response, 'data-copy-from="previous-next_steps"')
        # The buttons wait for the script: without it the text is there to read.
        self.assertContains(response, 'data-copy-to="id_progress" hidden')
        self.assertContains(response, "duban/report_form.js")
        # Empty parts of the previous report are left out.
        self.assertNotContains(response, 'id="previous-problems"')

    def test_the_first_cycles_form_has_no_previous_report(self):
        self.client.force_login(self.bob)
        report = make_report(self.task, self.fagai, self.april)
        response = self.client.get(reverse("progress:report-edit", args=[report.pk]))
        self.assertNotContains(response, "上期报告")
        self.assertNotContains(response, "report_form.js")
        self.assertEqual(Report.objects.filter(unit=self.fagai).count(), 1)
