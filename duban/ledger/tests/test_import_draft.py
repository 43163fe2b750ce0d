"""An import preview: its corrections, its state and its sweep."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from duban.audit.models import LogEntry
from duban.ledger.models import ImportDraft, Notice
from duban.testing import BaseTestCase, notice_text


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.MEDIA_ROOT = tmp_path / "files"


class ImportDraftTestCase(BaseTestCase):
    def start(self, text: str = "") -> ImportDraft:
        return ImportDraft.start((text or notice_text()).encode(), "notice.txt", self.alice)

    def test_corrections_made_by_two_office_users_at_once_are_both_kept(self):
        draft = self.start()
        mine, theirs = ImportDraft.objects.get(pk=draft.pk), ImportDraft.objects.get(pk=draft.pk)
        mine.set_columns(1, [None, "text", "lead_units", "support_units", "deadline"], self.alice)
        theirs.reject_alias("区住房和城乡建设局", self.alice)
        draft.refresh_from_db()
        assert draft.corrections["columns"]["1"][2] == "lead_units"
        assert draft.corrections["rejected_aliases"] == ["区住房和城乡建设局"]
        assert LogEntry.objects.filter(action="ledger.importdraft.corrected").count() == 2

    def test_a_confirmed_preview_refuses_corrections_and_a_second_confirmation(self):
        draft = self.start()
        stale = ImportDraft.objects.get(pk=draft.pk)
        draft.confirm(self.alice)
        with pytest.raises(ValueError, match="已导入"):
            stale.reject_alias("区住建局", self.alice)
        with pytest.raises(ValueError, match="已导入"):
            stale.confirm(self.alice)
        assert Notice.objects.filter(doc_number="测政办〔2026〕9号").count() == 1

    def test_the_staged_file_stays_while_another_preview_of_it_is_open(self):
        first, second = self.start(), self.start()
        first.confirm(self.alice)
        assert second.content() is not None

    def test_a_preview_left_unconfirmed_for_a_day_is_swept_with_its_file(self):
        old = self.start()
        with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
            fresh = self.start(notice_text(doc_number="测政办〔2026〕10号"))
        assert not ImportDraft.objects.filter(pk=old.pk).exists()
        assert old.content() is None
        assert fresh.content() is not None
