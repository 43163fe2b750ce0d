import shutil
import tempfile
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from duban.audit.models import LogEntry
from duban.lib.transitions import TransitionError
from duban.progress.choices import ReportState
from duban.progress.files import EvidenceError
from duban.progress.models import Attachment
from duban.progress.tests.base import ProgressTestCase
from duban.testing import make_report

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


class AttachmentTestCase(ProgressTestCase):
    def setUp(self):
        self.media = tempfile.mkdtemp(prefix="duban-evidence-")
        self.addCleanup(shutil.rmtree, self.media, ignore_errors=True)
        override = override_settings(MEDIA_ROOT=self.media, DUBAN_MAX_EVIDENCE_BYTES=1000)
        override.enable()
        self.addCleanup(override.disable)
        self.part = make_report(self.task, self.caizheng, self.cycle)

    def upload(self, data=PDF, name="资金拨付凭证.pdf"):
        return SimpleUploadedFile(name, data, content_type="text/html")

    def stored_files(self) -> list[Path]:
        return [p for p in Path(self.media).rglob("*") if p.is_file()]

    def test_the_unit_adds_a_pdf_stored_under_evidence_with_a_random_name(self):
        attachment = Attachment.add(self.part, self.upload(), self.charlie)
        self.assertEqual(attachment.original_name, "资金拨付凭证.pdf")
        # The type comes from the bytes, not from what the browser claimed.
        self.assertEqual(attachment.content_type, "application/pdf")
        self.assertEqual(attachment.file_size, len(PDF))
        self.assertEqual(len(attachment.file_hash), 64)
        (path,) = self.stored_files()
        self.assertEqual(path.relative_to(self.media).parts[0], "evidence")
        self.assertNotIn("资金", path.name)
        self.assertEqual(path.read_bytes(), PDF)
        self.assertTrue(LogEntry.objects.filter(action="progress.attachment.added").exists())

    def test_it_sanitises_the_original_name(self):
        upload = self.upload(name="..\\..\\windows\\evil\x07name.pdf")
        attachment = Attachment.add(self.part, upload, self.charlie)
        self.assertEqual(attachment.original_name, "evilname.pdf")

    def test_it_refuses_a_bad_type_and_stores_nothing(self):
        upload = self.upload(b"<html><script>alert(1)</script></html>", "page.html")
        with self.assertRaisesMessage(EvidenceError, "不支持的文件类型"):
            Attachment.add(self.part, upload, self.charlie)
        self.assertFalse(Attachment.objects.exists())
        self.assertEqual(self.stored_files(), [])

    def test_it_refuses_a_pdf_named_as_an_image(self):
        with self.assertRaisesMessage(EvidenceError, "扩展名不符"):
            Attachment.add(self.part, self.upload(name="photo.png"), self.charlie)

    def test_it_refuses_an_oversize_file(self):
        with self.assertRaisesMessage(EvidenceError, "文件过大"):
            Attachment.add(self.part, self.upload(PDF + b"0" * 1000), self.charlie)
        self.assertEqual(self.stored_files(), [])

    def test_it_refuses_the_same_file_twice_on_a_report(self):
        Attachment.add(self.part, self.upload(), self.charlie)
        with self.assertRaisesMessage(EvidenceError, "已上传过"):
            Attachment.add(self.part, self.upload(name="again.pdf"), self.charlie)

    def test_only_the_reports_unit_adds_files(self):
        with self.assertRaises(PermissionDenied):
            Attachment.add(self.part, self.upload(), self.bob)

    def test_a_submitted_report_takes_no_more_files(self):
        self.part.submit(self.charlie)
        with self.assertRaises(TransitionError):
            Attachment.add(self.part, self.upload(), self.charlie)

    def test_the_unit_removes_a_file_from_its_draft(self):
        attachment = Attachment.add(self.part, self.upload(), self.charlie)
        with self.captureOnCommitCallbacks(execute=True):
            attachment.remove(self.charlie)
        self.assertFalse(Attachment.objects.exists())
        self.assertEqual(self.stored_files(), [])
        self.assertTrue(LogEntry.objects.filter(action="progress.attachment.removed").exists())

    def test_the_form_shows_why_a_file_was_refused_after_saving_the_draft(self):
        self.client.force_login(self.charlie)
        url = reverse("progress:report-edit", args=[self.part.pk])
        data = {"progress": "已拨付资金", "version": 1, "upload": "1"}
        response = self.client.post(
            url, {**data, "file": self.upload(b"MZ\x90\x00", "tool.exe")}, follow=True
        )
        self.assertContains(response, "草稿已保存，但佐证材料未能处理")
        self.assertContains(response, "不支持的文件类型")
        self.assertContains(response, "已拨付资金")
        self.assertFalse(Attachment.objects.exists())

    def test_the_download_is_an_attachment_with_nosniff(self):
        attachment = Attachment.add(self.part, self.upload(), self.charlie)
        self.client.force_login(self.charlie)
        response = self.client.get(reverse("progress:attachment-download", args=[attachment.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Disposition"].startswith("attachment;"))
        self.assertIn("filename*=utf-8''%E8%B5%84", response["Content-Disposition"])
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(b"".join(response.streaming_content), PDF)

    def test_a_text_file_is_downloaded_as_plain_text_never_html(self):
        upload = self.upload("一季度完成投资32亿元".encode(), "说明.txt")
        attachment = Attachment.add(self.part, upload, self.charlie)
        self.client.force_login(self.alice)
        response = self.client.get(reverse("progress:attachment-download", args=[attachment.pk]))
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        self.assertTrue(response["Content-Disposition"].startswith("attachment;"))
        self.assertEqual(b"".join(response.streaming_content), "一季度完成投资32亿元".encode())

    def test_outsiders_get_a_404_for_the_download(self):
        attachment = Attachment.add(self.part, self.upload(), self.charlie)
        url = reverse("progress:attachment-download", args=[attachment.pk])
        for user in (self.dave, self.wang, self.bob):
            self.client.force_login(user)
            self.assertEqual(self.client.get(url).status_code, 404)
        # Once the part is submitted, the lead unit may read it and its files.
        self.part.submit(self.charlie)
        self.client.force_login(self.bob)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), PDF)

    def test_a_missing_file_is_a_404_not_a_crash(self):
        attachment = Attachment.add(self.part, self.upload(), self.charlie)
        Path(attachment.file.path).unlink()
        self.client.force_login(self.charlie)
        url = reverse("progress:attachment-download", args=[attachment.pk])
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.part.state, ReportState.DRAFT)
