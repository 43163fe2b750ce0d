import shutil
import tempfile
from datetime import date
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from duban.audit.models import LogEntry
from duban.supervision.choices import NoticeState, Tier
from duban.supervision.models import NoticeAttachment, SupervisionNotice
from duban.testing import BaseTestCase

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


class NoticeAttachmentTestCase(BaseTestCase):
    def setUp(self):
        self.media = tempfile.mkdtemp(prefix="duban-notice-evidence-")
        self.addCleanup(shutil.rmtree, self.media, ignore_errors=True)
        override = override_settings(MEDIA_ROOT=self.media, DUBAN_MAX_EVIDENCE_BYTES=1000)
        override.enable()
        self.addCleanup(override.disable)
        self.notice = SupervisionNotice.issue(
            task=self.task,
            unit=self.caizheng,
            tier=Tier.REMIND,
            reason="配合资金未拨付",
            respond_by=date(2099, 1, 1),
            user=self.alice,
        )

    def respond(self, *files, text="资金已拨付"):
        self.client.force_login(self.charlie)
        url = reverse("supervision:notice-respond", args=[self.notice.pk])
        return self.client.post(url, {"response": text, "files": list(files)})

    def stored_files(self) -> list[Path]:
        return [p for p in Path(self.media).rglob("*") if p.is_file()]

    def test_the_unit_answers_with_files_that_the_office_downloads(self):
        response = self.respond(
            SimpleUploadedFile("拨付凭证.pdf", PDF, content_type="text/html"),
            SimpleUploadedFile("现场照片.png", PNG),
        )
        self.assertRedirects(response, self.notice.get_absolute_url())
        self.notice.refresh_from_db()
        assert self.notice.state == NoticeState.RESPONDED
        first, second = NoticeAttachment.objects.filter(notice=self.notice)
        assert [
            (first.original_name, first.content_type),
            (second.original_name, second.content_type),
        ] == [
            ("拨付凭证.pdf", "application/pdf"),
            ("现场照片.png", "image/png"),
        ]
        assert len(self.stored_files()) == 2
        entry = LogEntry.objects.get(action="supervision.notice.responded")
        assert [a["name"] for a in entry.data["attachments"]] == ["拨付凭证.pdf", "现场照片.png"]
        self.client.force_login(self.alice)
        page = self.client.get(self.notice.get_absolute_url()).content.decode()
        assert first.get_absolute_url() in page and "现场照片.png" in page
        download = self.client.get(first.get_absolute_url())
        assert b"".join(download.streaming_content) == PDF
        assert download["Content-Type"] == "application/pdf"
        assert "attachment" in download["Content-Disposition"]

    def test_only_those_who_see_the_notice_download_its_files(self):
        self.respond(SimpleUploadedFile("拨付凭证.pdf", PDF))
        url = NoticeAttachment.objects.get().get_absolute_url()
        for user, status in [
            (self.charlie, 200),
            (self.lin, 200),
            (self.bob, 404),
            (self.dave, 404),
        ]:
            self.client.force_login(user)
            assert self.client.get(url).status_code == status, user

    def test_a_bad_file_is_refused_with_the_text_kept_and_nothing_stored(self):
        fake = SimpleUploadedFile("凭证.pdf", b"<html><script>alert(1)</script></html>")
        response = self.respond(SimpleUploadedFile("照片.png", PNG), fake, text="已拨付 300 万元")
        assert response.status_code == 200
        page = response.content.decode()
        assert "凭证.pdf：不支持的文件类型" in page
        assert "已拨付 300 万元" in page
        self.notice.refresh_from_db()
        assert (self.notice.state, self.notice.response) == (NoticeState.ISSUED, "")
        assert not NoticeAttachment.objects.exists()
        assert self.stored_files() == []

    def test_a_file_whose_name_belies_its_content_or_too_big_is_refused(self):
        self.respond(SimpleUploadedFile("照片.jpg", PNG))
        self.respond(SimpleUploadedFile("大文件.pdf", PDF + b"0" * 1000))
        self.notice.refresh_from_db()
        assert self.notice.state == NoticeState.ISSUED
        assert not NoticeAttachment.objects.exists()

    def test_the_same_file_chosen_twice_is_kept_once(self):
        self.respond(SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.pdf", PDF))
        assert NoticeAttachment.objects.count() == 1
