"""The office uploads a notice, previews the changes and confirms the import."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from duban.accounts.choices import UserRole
from duban.audit.models import LogEntry
from duban.jobs.choices import JobState
from duban.jobs.models import Job
from duban.ledger.choices import DraftStatus
from duban.ledger.models import ImportDraft, Notice, Task
from duban.testing import BaseTestCase, follow_job, make_user, notice_text

REFERENCE_DOCX = "000_de8080339d2f7ae4.docx"


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.MEDIA_ROOT = tmp_path / "files"


class ImportTestCase(BaseTestCase):
    @pytest.fixture(autouse=True)
    def _seed(self, seed_dir, settings):
        self.seed_dir = seed_dir
        self.settings = settings

    def setUp(self):
        self.client.force_login(self.alice)
        self.notices_before = Notice.objects.count()

    def upload(self, name: str, content: bytes):
        """Upload and follow the background job that reads the file: the redirect to the
        preview, or the job's page saying why the file was refused."""
        response = self.client.post(
            reverse("ledger:import"), {"file": SimpleUploadedFile(name, content)}
        )
        return follow_job(self.client, response)

    def reference(self) -> bytes:
        path = self.seed_dir / REFERENCE_DOCX
        if not path.exists():
            pytest.skip(f"the reference notice is not at {path}")
        return path.read_bytes()


class UploadPageTestCase(ImportTestCase):
    def test_it_shows_the_form(self):
        response = self.client.get(reverse("ledger:import"))
        assert response.status_code == 200
        self.assertContains(response, "导入责任分解通知")
        self.assertContains(response, 'enctype="multipart/form-data"')

    def test_it_rejects_a_junk_file_and_writes_nothing(self):
        response = self.upload("notice.docx", bytes(range(256)) * 20)
        assert response.status_code == 200
        self.assertContains(
            response, "无法读取该文件：文件已损坏或不完整，请重新下载或另存后再上传。"
        )
        assert Notice.objects.count() == self.notices_before
        assert Job.objects.get().state == JobState.FAILED and not ImportDraft.objects.exists()

    def test_it_rejects_a_legacy_word_file(self):
        response = self.upload("notice.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
        self.assertContains(response, "无法读取该文件：这是旧版 Office 文件（.doc/.xls）")
        assert Notice.objects.count() == self.notices_before

    def test_it_says_in_chinese_why_the_parser_refused_a_file(self):
        cases = {
            "empty.txt": (b"  \n", "文件是空的。"),
            "notice.rtf": (b"{\\rtf1 notice}", "不支持这种文件格式"),
            "notice.pdf": (b"%PDF-1.4\n1 0 obj\n", "文件已损坏或不完整"),
        }
        for name, (content, message) in cases.items():
            with self.subTest(name):
                response = self.upload(name, content)
                self.assertContains(response, "无法读取该文件：" + message)
                self.assertNotContains(response, "damaged")
        assert Notice.objects.count() == self.notices_before

    def test_it_rejects_a_file_over_the_size_limit(self):
        self.settings.DUBAN_MAX_UPLOAD_BYTES = 100
        response = self.upload("notice.txt", "通知".encode() * 100)
        self.assertContains(response, "文件过大")
        assert Notice.objects.count() == self.notices_before

    def test_it_rejects_a_text_without_task_tables(self):
        response = self.upload(
            "notice.txt", "关于开展安全检查的通知\n\n各单位：\n请于月底前完成自查。\n".encode()
        )
        self.assertContains(response, "文件中没有找到任务行")
        self.assertContains(response, "重试")
        assert Notice.objects.count() == self.notices_before

    def test_it_requires_a_file(self):
        response = self.client.post(reverse("ledger:import"), {})
        assert response.status_code == 200
        assert "file" in response.context["form"].errors

    def test_it_refuses_a_post_without_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        response = client.post(
            reverse("ledger:import"), {"file": SimpleUploadedFile("a.txt", b"x")}
        )
        assert response.status_code == 403
        assert Notice.objects.count() == self.notices_before

    def test_it_forbids_other_roles(self):
        for user in (self.lin, self.bob):
            self.client.force_login(user)
            assert self.client.get(reverse("ledger:import")).status_code == 403


class PreviewTestCase(ImportTestCase):
    def test_it_previews_and_imports_the_reference_notice(self):
        response = self.upload(REFERENCE_DOCX, self.reference())
        assert response.status_code == 302
        preview_url = response["Location"]
        assert Notice.objects.count() == self.notices_before

        response = self.client.get(preview_url)
        assert response.status_code == 200
        report = response.context["report"]
        assert len(report.added) == 161
        assert not report.removed and not report.changed
        self.assertContains(response, "新增 161 行")
        self.assertContains(response, "确认导入")
        assert Notice.objects.count() == self.notices_before

        draft = ImportDraft.objects.get()
        response = self.client.post(reverse("ledger:import-confirm", args=[draft.pk]), follow=True)
        notice = Notice.objects.exclude(pk=self.notice.pk).get()
        self.assertRedirects(response, notice.get_absolute_url())
        self.assertContains(response, "导入完成")
        assert Task.objects.filter(plan__notice=notice).count() == 161
        assert notice.uploaded_by == self.alice
        assert LogEntry.objects.filter(action="ledger.notice.imported").exists()
        assert not any(self.settings.UPLOAD_DIR.iterdir())
        draft.refresh_from_db()
        assert draft.status == DraftStatus.CONFIRMED and draft.notice == notice

        # The same file again: nothing to import.
        response = self.client.get(self.upload(REFERENCE_DOCX, self.reference())["Location"])
        assert response.context["report"].is_empty or response.context["report"].same_file
        self.assertContains(response, "无需导入")
        self.assertNotContains(response, "确认导入")
        assert Task.objects.filter(plan__notice=notice).count() == 161

    def test_it_does_not_preview_an_unknown_upload(self):
        response = self.client.get(reverse("ledger:import-preview", args=[123]))
        assert response.status_code == 404

    def test_it_does_not_preview_a_file_swept_from_staging(self):
        preview_url = self.upload("notice.txt", notice_text().encode())["Location"]
        for staged in self.settings.UPLOAD_DIR.iterdir():
            staged.unlink()
        assert self.client.get(preview_url).status_code == 404

    def test_another_office_user_opens_and_confirms_the_preview(self):
        preview_url = self.upload("notice.txt", notice_text().encode())["Location"]
        colleague = make_user("alice2", UserRole.OFFICE)
        other = Client()
        other.force_login(colleague)
        self.assertContains(other.get(preview_url), "改造老旧小区12个")
        draft = ImportDraft.objects.get()
        other.post(reverse("ledger:import-confirm", args=[draft.pk]))
        assert Notice.objects.count() == self.notices_before + 1
        assert LogEntry.objects.get(action="ledger.importdraft.confirmed").user == colleague

    def test_other_roles_cannot_open_or_confirm_a_preview(self):
        preview_url = self.upload("notice.txt", notice_text().encode())["Location"]
        draft = ImportDraft.objects.get()
        for user in (self.lin, self.bob):
            self.client.force_login(user)
            assert self.client.get(preview_url).status_code == 404
            response = self.client.post(reverse("ledger:import-confirm", args=[draft.pk]))
            assert response.status_code == 404
        assert Notice.objects.count() == self.notices_before
