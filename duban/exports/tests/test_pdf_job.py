"""A PDF is converted in a background job: the user follows it to the download, and a failed
conversion shows its reason and converts the same Word file when retried."""

import shutil
import tempfile
from datetime import date
from unittest import mock

from django.test import override_settings
from django.urls import reverse

from duban.exports.pdf import PdfUnavailable
from duban.jobs.choices import JobKind, JobState
from duban.jobs.models import Job
from duban.supervision.choices import Tier
from duban.supervision.models import SupervisionNotice
from duban.testing import BaseTestCase, job_download, run_jobs

MEDIA_ROOT = tempfile.mkdtemp(prefix="duban-test-pdf-job-")


def fake_pdf(data: bytes, suffix: str) -> bytes:
    """LibreOffice's part, which CI's own PDF tests run for real: the Word file's size."""
    return b"%PDF-1.7 " + str(len(data)).encode() + suffix.encode()


@override_settings(MEDIA_ROOT=MEDIA_ROOT)
class PdfJobTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.sn = SupervisionNotice.issue(
            task=cls.task,
            unit=cls.fagai,
            tier=Tier.REMIND,
            reason="请加快推进。",
            respond_by=date(2022, 7, 15),
            user=cls.alice,
        )

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)

    def setUp(self):
        self.client.force_login(self.bob)
        self.url = reverse("exports:supervision-notice", args=[self.sn.pk]) + "?format=pdf"

    def test_the_pdf_is_made_in_the_background_and_downloaded_from_the_job_page(self):
        response = self.client.get(self.url)
        job = Job.objects.get(kind=JobKind.EXPORT)
        assert response.url == job.get_absolute_url() and job.started_by == self.bob
        assert job.state == JobState.QUEUED and job.source.name.endswith(".docx")
        with mock.patch("duban.exports.jobs.to_pdf", fake_pdf):
            pdf = job_download(self.client, response)
        assert pdf.startswith(b"%PDF") and pdf.endswith(b".docx")
        job.refresh_from_db()
        assert job.result_name == f"{self.sn.number}.pdf"
        assert f"下载 {self.sn.number}.pdf" in self.client.get(response.url).content.decode()

    def test_a_failed_conversion_shows_why_and_converts_the_same_file_when_retried(self):
        response = self.client.get(self.url)
        job = Job.objects.get(kind=JobKind.EXPORT)
        missing = PdfUnavailable("未安装 LibreOffice，无法生成 PDF。")
        with mock.patch("duban.exports.jobs.to_pdf", side_effect=missing):
            run_jobs()
        page = self.client.get(response.url).content.decode()
        assert "失败" in page and "未安装 LibreOffice" in page and "重试" in page

        self.client.force_login(self.charlie)
        assert self.client.post(reverse("jobs:job-retry", args=[job.pk])).status_code == 404
        self.client.force_login(self.bob)
        self.client.post(reverse("jobs:job-retry", args=[job.pk]))
        with mock.patch("duban.exports.jobs.to_pdf", fake_pdf):
            run_jobs()
        job.refresh_from_db()
        assert job.state == JobState.DONE and job.attempts == 2
        assert "下载" in self.client.get(response.url).content.decode()
