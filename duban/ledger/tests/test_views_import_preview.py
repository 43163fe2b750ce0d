"""The office corrects the reading of a notice in its preview before importing it."""

from io import StringIO
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from duban.accounts.choices import UserRole
from duban.audit.models import LogEntry
from duban.ledger import forms as forms_module
from duban.ledger.importing.review import same_place
from duban.ledger.models import ImportDraft, Notice, Task, UnitAlias
from duban.parsing import api, parse_notice
from duban.parsing.document import ParseWarning
from duban.testing import (
    NOTICE_ROWS,
    BaseTestCase,
    follow_job,
    make_unit,
    make_user,
    notice_text,
)

# The roles that read the test notice's table right: 类别 | 事项 | 甲方 | 乙方 | 时间.
ROLES = {"role_0": "", "role_1": "text", "role_2": "lead_units", "role_3": "support_units"}
ROLES["role_4"] = "deadline"


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.MEDIA_ROOT = tmp_path / "files"


class PreviewTestCase(BaseTestCase):
    def setUp(self):
        self.client.force_login(self.alice)

    def upload(self, text: str, name: str = "notice.txt") -> ImportDraft:
        file = SimpleUploadedFile(name, text.encode())
        response = follow_job(
            self.client, self.client.post(reverse("ledger:import"), {"file": file})
        )
        assert response.status_code == 302, response.content.decode()
        return ImportDraft.objects.order_by("-pk").first()

    def post(self, name: str, draft: ImportDraft, data: dict):
        return self.client.post(reverse(f"ledger:{name}", args=[draft.pk]), data)

    def review(self, draft: ImportDraft):
        response = self.client.get(draft.get_absolute_url())
        assert response.status_code == 200
        return response.context["review"]

    def rows(self, draft: ImportDraft) -> list:
        return [row for plan in self.review(draft).plans for s in plan.sections for row in s.rows]

    def row_data(self, row, op: str, **fields) -> dict:
        return {"ref": row.ref, "text": row.text_hash, "op": op, **fields}


class ReadingTestCase(PreviewTestCase):
    def test_it_shows_every_row_and_marks_the_column_it_could_not_place(self):
        draft = self.upload(notice_text())
        response = self.client.get(draft.get_absolute_url())
        for _, text, *_ in NOTICE_ROWS:
            self.assertContains(response, text)
        review = response.context["review"]
        assert review.row_count == 3
        (layout,) = review.layouts
        assert [c["header"] for c in layout["columns"] if c["unsure"]] == ["类别"]
        self.assertContains(response, "待确认")
        # The parser's warning about the header is shown with the table, not left over.
        assert any("类别" in message for message in layout["warnings"])
        assert not response.context["warnings"]
        self.assertContains(response, "类别：城建")

    def test_assigning_column_roles_reads_the_table_again(self):
        draft = self.upload(notice_text())
        assert self.rows(draft)[0].units["lead"] == []
        response = self.post("import-columns", draft, {"table": 1, **ROLES})
        self.assertRedirects(response, f"{draft.get_absolute_url()}#table-1", 302, 200)
        first = self.rows(draft)[0]
        assert first.units == {"lead": ["区住建局"], "joint": [], "support": ["区财政局", "各街道"]}
        draft.refresh_from_db()
        assert draft.corrections["columns"] == {"1": [None, *list(ROLES.values())[1:]]}
        entry = LogEntry.objects.get(action="ledger.importdraft.corrected")
        assert entry.user == self.alice and entry.data["columns"]["1"][2] == "lead_units"

        self.post("import-columns", draft, {"table": 1, "reset": "1"})
        assert self.rows(draft)[0].units["lead"] == []

    def test_column_roles_that_read_no_task_are_refused(self):
        draft = self.upload(notice_text())
        roles = {"role_0": "", "role_1": "text", "role_2": "", "role_3": "", "role_4": ""}
        response = self.post("import-columns", draft, {"table": 1, **roles})
        assert response.status_code == 302
        draft.refresh_from_db()
        assert "columns" not in draft.corrections
        self.assertContains(self.client.get(draft.get_absolute_url()), "按这样的列读取不出任务")


class ParseOnceTestCase(PreviewTestCase):
    """The upload's parse is kept with the preview; only new column roles read the file again."""

    def import_counting_parses(self, roles: dict | None = None) -> int:
        with mock.patch.object(api, "assemble", wraps=api.assemble) as parse:
            draft = self.upload(notice_text())
            self.review(draft)
            if roles:
                self.post("import-columns", draft, {"table": 1, **roles})
                self.review(draft)
            self.post("import-row", draft, self.row_data(self.rows(draft)[2], "drop"))
            response = self.post("import-confirm", draft, {})
        assert response.status_code == 302
        assert Task.objects.filter(text=NOTICE_ROWS[0][1]).exists()
        return parse.call_count

    def test_upload_preview_corrections_and_confirmation_parse_the_file_once(self):
        assert self.import_counting_parses() == 1

    def test_reassigned_column_roles_parse_it_once_more(self):
        assert self.import_counting_parses(ROLES) == 2
        task = Task.objects.get(text=NOTICE_ROWS[0][1])
        assert task.assignments.get(unit__name="区住建局").role == "lead"


class RowCorrectionTestCase(PreviewTestCase):
    def test_an_edited_row_shows_its_new_units_leader_and_deadline(self):
        draft = self.upload(notice_text())
        first = self.rows(draft)[0]
        data = self.row_data(
            first,
            "edit",
            lead="区住建局",
            support="区财政局、各街道",
            leaders="张 伟",
            deadline="年底前",
        )
        response = self.post("import-row", draft, data)
        self.assertRedirects(response, f"{draft.get_absolute_url()}#row-0-0-0", 302, 200)
        first = self.rows(draft)[0]
        assert first.units == {"lead": ["区住建局"], "joint": [], "support": ["区财政局", "各街道"]}
        assert [leader.name for leader in first.item.leaders] == ["张伟"]
        assert first.item.deadline == "年底前"
        assert first.corrected == ["edit"]
        assert LogEntry.objects.filter(action="ledger.importdraft.corrected").count() == 1

    def test_rows_are_dropped_and_joined_and_the_corrections_undone(self):
        draft = self.upload(notice_text())
        rows = self.rows(draft)
        self.post("import-row", draft, self.row_data(rows[2], "drop"))
        self.post("import-row", draft, self.row_data(rows[1], "join"))
        rows = self.rows(draft)
        assert len(rows) == 1
        assert rows[0].item.text == NOTICE_ROWS[0][1] + NOTICE_ROWS[1][1]
        assert {"区教育局", "区发改局"} <= set(rows[0].units["joint"])

        self.post("import-undo", draft, {"index": 1})
        assert len(self.rows(draft)) == 2
        self.post("import-undo", draft, {"index": 0})
        assert len(self.rows(draft)) == 3

    def test_the_first_row_cannot_be_joined_to_anything(self):
        draft = self.upload(notice_text())
        self.post("import-row", draft, self.row_data(self.rows(draft)[0], "join"))
        draft.refresh_from_db()
        assert not draft.corrections.get("rows")

    def test_a_form_from_a_page_read_before_a_change_changes_nothing(self):
        draft = self.upload(notice_text())
        data = {**self.row_data(self.rows(draft)[0], "drop"), "text": "0" * 16}
        self.post("import-row", draft, data)
        draft.refresh_from_db()
        assert not draft.corrections.get("rows")
        assert len(self.rows(draft)) == 3


class ConfirmTestCase(PreviewTestCase):
    def correct(self, draft: ImportDraft) -> None:
        self.post("import-columns", draft, {"table": 1, **ROLES})
        self.post("import-row", draft, self.row_data(self.rows(draft)[2], "drop"))

    def test_the_corrected_reading_is_imported_and_kept_with_the_notice(self):
        draft = self.upload(notice_text())
        self.correct(draft)
        self.post("import-confirm", draft, {})
        notice = Notice.objects.get(doc_number="测政办〔2026〕9号")
        tasks = Task.objects.filter(plan__notice=notice).order_by("position")
        assert [t.text for t in tasks] == [NOTICE_ROWS[0][1], NOTICE_ROWS[1][1]]
        first = tasks[0].assignments.order_by("position")
        assert [(a.unit.name, a.role) for a in first] == [
            ("区住建局", "lead"),
            ("区财政局", "support"),
            ("各街道", "support"),
        ]
        draft.refresh_from_db()
        assert notice.import_corrections == draft.corrections
        # A confirmed preview is not corrected again, and its page leads to the notice.
        response = self.post("import-row", draft, {"ref": "0-0-0", "text": "0" * 16, "op": "drop"})
        assert response.status_code == 404
        self.assertRedirects(self.client.get(draft.get_absolute_url()), notice.get_absolute_url())

    def test_another_rendering_of_the_notice_starts_from_its_corrections(self):
        draft = self.upload(notice_text())
        self.correct(draft)
        self.post("import-confirm", draft, {})
        draft.refresh_from_db()
        tasks_before = Task.objects.count()

        again = self.upload(notice_text() + "\n（此件公开发布）\n", "notice-copy.txt")
        assert again.prefilled_from is not None
        assert again.corrections == draft.corrections
        response = self.client.get(again.get_absolute_url())
        self.assertContains(response, "已沿用")
        assert response.context["review"].row_count == 2
        assert not response.context["report"].added and not response.context["report"].changed
        self.post("import-confirm", again, {})
        assert Task.objects.count() == tasks_before

    def test_a_new_correction_of_an_imported_file_is_applied_when_it_is_imported_again(self):
        draft = self.upload(notice_text())
        self.post("import-confirm", draft, {})
        again = self.upload(notice_text())
        self.post("import-columns", again, {"table": 1, **ROLES})
        response = self.client.get(again.get_absolute_url())
        assert len(response.context["report"].changed) == 3
        self.post("import-confirm", again, {})
        task = Task.objects.get(text=NOTICE_ROWS[0][1])
        assert task.assignments.get(unit__name="区住建局").role == "lead"


class AliasTestCase(PreviewTestCase):
    def setUp(self):
        super().setUp()
        self.zhujian = make_unit("区住建局")
        self.liaison = make_user("zhujian", UserRole.UNIT, unit=self.zhujian)
        rows = [("城建", "改造老旧小区12个。", "区住房和城乡建设局", "区财政局", "年底前")]
        self.draft = self.upload(notice_text(rows))

    def test_an_accepted_alias_makes_the_task_visible_to_the_known_units_liaison(self):
        response = self.client.get(self.draft.get_absolute_url())
        self.assertContains(response, "可能与区住建局为同一单位")
        assert "区住房和城乡建设局" in response.context["report"].new_units

        self.post("import-alias", self.draft, {"name": "区住房和城乡建设局", "accept": "1"})
        alias = UnitAlias.objects.get(alias="区住房和城乡建设局")
        assert alias.unit == self.zhujian
        entry = LogEntry.objects.get(action="ledger.unit.alias_added")
        assert entry.user == self.alice and entry.data["alias"] == "区住房和城乡建设局"
        response = self.client.get(self.draft.get_absolute_url())
        self.assertNotContains(response, "可能与区住建局为同一单位")
        assert "区住房和城乡建设局" not in response.context["report"].new_units

        self.post("import-confirm", self.draft, {})
        liaison = Client()
        liaison.force_login(self.liaison)
        self.assertContains(liaison.get(reverse("ledger:tasks")), "改造老旧小区12个。")
        task = Task.objects.get(text="改造老旧小区12个。")
        assert liaison.get(task.get_absolute_url()).status_code == 200

    def test_a_rejected_proposal_is_not_made_again_and_the_name_stays_a_unit_of_its_own(self):
        self.post("import-alias", self.draft, {"name": "区住房和城乡建设局"})
        response = self.client.get(self.draft.get_absolute_url())
        self.assertNotContains(response, "可能与区住建局为同一单位")
        self.draft.refresh_from_db()
        assert self.draft.corrections["rejected_aliases"] == ["区住房和城乡建设局"]
        assert not UnitAlias.objects.exists()

    def test_only_a_proposed_name_is_accepted(self):
        self.post("import-alias", self.draft, {"name": "区财政局", "accept": "1"})
        assert not UnitAlias.objects.exists()


class NoTasksTestCase(PreviewTestCase):
    def test_the_upload_says_no_task_rows_were_found_and_what_was_seen(self):
        text = (
            "关于重点工作推进情况的督查通报\n\n一、总体情况\n进展顺利。\n二、存在问题\n进度滞后。\n"
        )
        response = self.client.post(
            reverse("ledger:import"), {"file": SimpleUploadedFile("report.txt", text.encode())}
        )
        response = follow_job(self.client, response)
        self.assertContains(response, "文件中没有找到任务行")
        self.assertContains(response, "文件中读到的是：")
        self.assertContains(response, "标题有“一、总体情况”“二、存在问题”")
        assert not ImportDraft.objects.exists()


class UnsureRowsTestCase(PreviewTestCase):
    @pytest.fixture(autouse=True)
    def _reading(self, monkeypatch):
        # A reading with a doubtful row and a row cut short, as the parser marks them.
        def parse(data, filename, roles=None):
            parsed = parse_notice(data, filename, roles=roles)
            items = parsed.plans[0].sections[0].items
            items[2].partial = True
            where = items[1].location
            parsed.warnings.append(ParseWarning("units cell read in two ways", where))
            return parsed

        monkeypatch.setattr(forms_module, "parse_notice", parse)

    def test_rows_the_parser_was_unsure_of_are_marked_with_why(self):
        draft = self.upload(notice_text())
        response = self.client.get(draft.get_absolute_url())
        rows = [r for p in response.context["review"].plans for s in p.sections for r in s.rows]
        assert [r.unsure for r in rows] == [False, True, True]
        assert rows[1].warnings == ["units cell read in two ways"]
        assert rows[2].partial
        self.assertContains(response, '<tr id="row-0-0-1" data-row="0-0-1" class="unsure">')
        self.assertContains(response, "原文在此截断")


@pytest.mark.parametrize(
    ("where", "location", "same"),
    [
        ({"table": 1, "row": 3}, {"table": 1, "row": 3, "line": None}, True),
        ({"table": 1, "row": 3}, {"table": 1, "row": 4}, False),
        ({"line": 17, "page": 2}, {"line": 17, "page": 2}, True),
        ({"line": 17, "page": 2}, {"line": 17, "page": 3}, False),
        ({"table": 1}, {"table": 1, "row": 3}, False),
        ({"page": 2}, {"page": 2, "line": 5}, False),
        (None, {"table": 1, "row": 3}, False),
    ],
)
def test_a_warning_is_placed_on_the_row_printed_where_it_points(where, location, same):
    assert same_place(where, location) is same


class CommandReimportTestCase(PreviewTestCase):
    @pytest.fixture(autouse=True)
    def _tmp(self, tmp_path):
        self.tmp_path = tmp_path

    def test_duban_import_applies_the_corrections_made_in_the_preview_again(self):
        draft = self.upload(notice_text())
        self.post("import-columns", draft, {"table": 1, **ROLES})
        self.post("import-confirm", draft, {})
        copy = self.tmp_path / "copy.txt"
        copy.write_text(notice_text() + "\n（此件公开发布）\n")
        out = StringIO()
        call_command("import", copy, stdout=out)
        assert "新增 0 行" in out.getvalue() and "修改 0 行" in out.getvalue()
        task = Task.objects.get(text=NOTICE_ROWS[0][1])
        assert task.assignments.get(unit__name="区住建局").role == "lead"
