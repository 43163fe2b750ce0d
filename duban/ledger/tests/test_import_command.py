from io import StringIO
from pathlib import Path
from tempfile import TemporaryDirectory
from unittest import mock

from django.core.management import CommandError, call_command
from django.test import TestCase

from duban.ledger.importing.writer import Writer
from duban.ledger.models import Notice, Task
from duban.ledger.tests.reference import reference_notice
from duban.parsing import from_json


def run(*args) -> str:
    out = StringIO()
    call_command("import", *args, stdout=out)
    return out.getvalue()


# The command's own behaviour, with the parser replaced by the reference notice's dict;
# test_import_renderings.py runs the real parser on the real files.
@mock.patch(
    "duban.ledger.importing.parse_notice", lambda data, filename: from_json(reference_notice())
)
class ImportCommandTestCase(TestCase):
    def setUp(self):
        tmp = TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.path = Path(tmp.name) / "notice.txt"
        self.path.write_bytes(b"the notice")
        self.media_root = Path(tmp.name) / "media"
        media = self.settings(MEDIA_ROOT=self.media_root)
        media.enable()
        self.addCleanup(media.disable)

    def test_dry_run_prints_the_report_and_writes_nothing(self):
        out = run(str(self.path), "--dry-run")
        self.assertIn("新通知：新增 161 行，删除 0 行，修改 0 行，未变 0 行", out)
        self.assertIn("+ 单位 区府办", out)
        self.assertIn("+ 别名 区府办（区大数据发展管理局） → 区府办", out)
        self.assertIn("（试运行，未写入）", out)
        self.assertFalse(Notice.objects.exists())

    def stored_files(self) -> list[Path]:
        return [p for p in Path(self.media_root).rglob("*") if p.is_file()]

    def test_it_imports_the_file_and_keeps_it(self):
        with self.captureOnCommitCallbacks(execute=True):
            out = run(str(self.path))
        self.assertIn("新通知：新增 161 行", out)
        notice = Notice.objects.get()
        self.assertEqual(Task.objects.count(), 161)
        self.assertEqual(notice.file_size, len(b"the notice"))
        self.assertEqual(notice.source_filename, "notice.txt")
        with notice.source_file.open("rb") as f:
            self.assertEqual(f.read(), b"the notice")

    def test_a_second_import_of_the_same_file_says_so(self):
        run(str(self.path))
        out = run(str(self.path))
        self.assertIn("该文件已导入，无变化", out)
        self.assertEqual(Notice.objects.count(), 1)

    def test_a_revision_prints_row_lines(self):
        run(str(self.path))
        revised = reference_notice()
        revised["plans"][1]["sections"][0]["items"][0]["text"] = "地区生产总值增长 7.5%以上。"
        self.path.write_bytes(b"the revised notice")
        with mock.patch(
            "duban.ledger.importing.parse_notice", lambda data, filename: from_json(revised)
        ):
            out = run(str(self.path))
        self.assertIn("修改 1 行", out)
        self.assertIn("~ [附件2] 1. 地区生产总值增长 7.5%以上。", out)
        self.assertIn("    任务内容：地区生产总值增长 7%以上。 → 地区生产总值增长 7.5%以上。", out)

    def test_a_missing_file_exits_with_2_and_one_line(self):
        with self.assertRaises(CommandError) as caught:
            run(str(self.path.parent / "missing.docx"))
        self.assertEqual(caught.exception.returncode, 2)
        self.assertIn("missing.docx", str(caught.exception))
        self.assertNotIn("\n", str(caught.exception))

    def test_a_file_without_task_rows_exits_with_2(self):
        empty = reference_notice()
        empty["plans"] = []
        with mock.patch(
            "duban.ledger.importing.parse_notice", lambda data, filename: from_json(empty)
        ):
            with self.assertRaises(CommandError) as caught:
                run(str(self.path))
        self.assertEqual(caught.exception.returncode, 2)
        self.assertIn("未找到任务分解表", str(caught.exception))
        self.assertFalse(Notice.objects.exists())

    def test_an_import_killed_before_its_rows_commit_leaves_no_file_and_a_retry_stores_one(self):
        # A failure after the notice row is written stands for a kill: nothing is committed.
        killed = mock.patch.object(Writer, "save_registry", side_effect=RuntimeError("killed"))
        with self.captureOnCommitCallbacks(execute=True), killed, self.assertRaises(RuntimeError):
            run(str(self.path))
        self.assertEqual(self.stored_files(), [])
        self.assertFalse(Notice.objects.exists())
        with self.captureOnCommitCallbacks(execute=True):
            run(str(self.path))
        notice = Notice.objects.get()
        self.assertEqual(self.stored_files(), [Path(self.media_root) / notice.source_file.name])
