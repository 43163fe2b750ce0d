"""A 通报 on the demo's cycle: its counts are the database's, its links list as many, frozen."""

import io
import re
from datetime import date

import pdfplumber
import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from docx import Document

from duban.bulletins.models import Bulletin
from duban.exports.pdf import soffice
from duban.jobs.choices import JobKind, JobState
from duban.jobs.models import Job
from duban.ledger.choices import AssignmentRole
from duban.ledger.models import Official, Unit
from duban.progress.choices import ReportKind, ReportState
from duban.progress.models import Report, ReportingCycle
from duban.supervision.choices import Colour
from duban.supervision.demo import load_year_in_progress
from duban.supervision.models import TaskStatus
from duban.testing import BaseTestCase, job_download, make_section, make_task, run_jobs

TODAY = date(2022, 9, 10)


class DemoYearTestCase(BaseTestCase):
    """The demo's year in progress on 20 tasks (see supervision/tests/test_demo.py)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        leader = Official.objects.create(name="周强")
        section = make_section(cls.plan, [leader], position=1)
        units = [Unit.objects.create(name=f"演示单位{i}", kind="subdistrict") for i in range(3)]
        for i in range(18):
            make_task(
                section,
                str(i + 3),
                f"演示任务 {i + 3}，完成投资 {i} 亿元。",
                [(units[i % 3], AssignmentRole.LEAD), (units[(i + 1) % 3], AssignmentRole.SUPPORT)],
            )
        load_year_in_progress(cls.notice, TODAY)
        cls.cycle = ReportingCycle.objects.filter(plan=cls.plan, due_on__lt=TODAY).last()


class BulletinTests(DemoYearTestCase):
    def issue(self) -> Bulletin:
        self.client.force_login(self.alice)
        before = Bulletin.objects.count()
        response = self.client.post(
            reverse("bulletins:bulletin-issue"), {"cycle": self.cycle.pk, "on": TODAY.isoformat()}
        )
        job = Job.objects.get(kind=JobKind.BULLETIN, state=JobState.QUEUED)
        self.assertRedirects(response, job.get_absolute_url())
        self.assertEqual(Bulletin.objects.count(), before)
        run_jobs()
        bulletin = Bulletin.objects.latest("pk")
        job.refresh_from_db()
        self.assertEqual(job.result_url, bulletin.get_absolute_url())
        self.assertIn(bulletin.doc_number, self.client.get(job.get_absolute_url()).content.decode())
        return bulletin

    def test_its_counts_are_the_databases(self):
        bulletin = self.issue()
        for colour in Colour.values:
            with self.subTest(colour=colour):
                expected = TaskStatus.objects.filter(task__plan=self.plan, colour=colour).count()
                self.assertEqual(len(bulletin.figure(f"tasks-{colour}")["items"]), expected)
        consolidated = Report.objects.filter(cycle=self.cycle, kind=ReportKind.CONSOLIDATED)
        returned = consolidated.filter(state=ReportState.RETURNED).count()
        self.assertEqual(len(bulletin.figure("reports-returned")["items"]), returned)
        self.assertEqual(len(bulletin.figure("reports-owed")["items"]), self.plan.tasks.count())
        self.assertTrue(bulletin.snapshot["lagging"])

    def test_every_figure_links_to_a_list_of_that_length(self):
        bulletin = self.issue()
        page = self.client.get(bulletin.get_absolute_url()).content.decode()
        links = re.findall(r'<a class="figure" href="([^"]+)"><strong>(\d+)</strong>', page)
        self.assertEqual(len(links), len(bulletin.snapshot["figures"]))
        for url, number in links:
            with self.subTest(url=url):
                listed = self.client.get(url).content.decode()
                self.assertEqual(listed.count("<li><a href="), int(number))

    def test_reissuing_after_a_change_keeps_the_first_bulletins_figures(self):
        first = self.issue()
        red = first.figure("tasks-red")["items"]
        TaskStatus.objects.filter(task__plan=self.plan).update(colour=Colour.RED)
        second = self.issue()
        first.refresh_from_db()
        self.assertEqual(first.figure("tasks-red")["items"], red)
        self.assertEqual(len(second.figure("tasks-red")["items"]), self.plan.tasks.count())
        self.assertEqual((first.number, second.number), (1, 2))

    def test_the_word_bulletin_states_the_counts_and_attaches_the_table(self):
        bulletin = self.issue()
        response = self.client.get(reverse("bulletins:bulletin-download", args=[bulletin.pk]))
        document = Document(io.BytesIO(response.content))
        text = "\n".join(p.text for p in document.paragraphs)
        self.assertIn("督查通报〔2022〕1号", text)
        self.assertIn(bulletin.title, text)
        red = len(bulletin.figure("tasks-red")["items"])
        self.assertIn(f"严重滞后/逾期{red}项", text)
        attached = document.tables[-1]
        self.assertEqual(len(attached.rows) - 1, len(bulletin.snapshot["lagging"]))
        self.assertEqual(attached.rows[1].cells[1].text, bulletin.snapshot["lagging"][0][1])

    def test_units_are_ranked_within_comparable_kinds(self):
        bulletin = self.issue()
        groups = {g["group"]: g["rows"] for g in bulletin.snapshot["ranking"]}
        self.assertEqual({row[1] for row in groups["街道、镇"]}, {f"演示单位{i}" for i in range(3)})
        self.assertEqual(
            {row[1] for row in groups["区级部门"]}, {"区发改局", "区商务局", "区财政局"}
        )

    def test_only_the_office_issues_and_reads_bulletins(self):
        bulletin = self.issue()
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(bulletin.get_absolute_url()).status_code, 403)
        response = self.client.post(reverse("bulletins:bulletin-issue"), {"on": "2022-09-10"})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(Bulletin.objects.count(), 1)
        with self.assertRaises(PermissionDenied):
            Bulletin.issue(on=TODAY, user=self.bob)
        self.assertEqual(Bulletin.objects.count(), 1)

    @pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
    def test_the_pdf_sets_the_gongwen_fonts_in_their_noto_substitutes(self):
        bulletin = self.issue()
        url = reverse("bulletins:bulletin-download", args=[bulletin.pk])
        response = self.client.get(url + "?format=pdf")
        with pdfplumber.open(io.BytesIO(job_download(self.client, response))) as pdf:
            chars = pdf.pages[0].chars
        text = "".join(char["text"] for char in chars)

        def font_of(words: str) -> str:
            return chars[text.index(words)]["fontname"]

        # 方正小标宋 (title) and 仿宋_GB2312 (text) are serif, 黑体 (headings) sans; the text
        # holds the title, so no glyph is missing.
        self.assertIn("NotoSerifCJK", font_of(bulletin.title))
        self.assertIn("NotoSerifCJK", font_of("截至"))
        self.assertIn("NotoSansCJK", font_of("一、滞后任务"))
        han = {char["fontname"] for char in chars if "\u4e00" <= char["text"] <= "\u9fff"}
        self.assertTrue(all("CJK" in name for name in han), han)
