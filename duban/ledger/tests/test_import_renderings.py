"""End to end: each rendering of the reference notice through the parser into the ledger."""

from functools import cache
from tempfile import TemporaryDirectory

from django.test import TestCase, override_settings

from duban.audit.models import LogEntry
from duban.ledger.importing import apply_import, prepare_import, prepare_parsed
from duban.ledger.models import Notice, Task, Unit
from duban.ledger.tests.reference import REFERENCE, ReferenceLedgerChecks, seed_dir
from duban.parsing import ParseError, from_json, parse_bytes


@cache
def content(fmt: str) -> bytes:
    return (seed_dir() / f"{REFERENCE}.{fmt}").read_bytes()


@cache
def parsed(fmt: str) -> dict:
    # Parsed once per process: the PDF takes a second or two.
    return parse_bytes(content(fmt), f"{REFERENCE}.{fmt}")


def import_rendering(fmt: str):
    preview = prepare_parsed(
        from_json(parsed(fmt)), content=content(fmt), filename=f"{REFERENCE}.{fmt}"
    )
    return preview, apply_import(preview)


class RenderingChecks(ReferenceLedgerChecks):
    fmt = ""

    @classmethod
    def setUpTestData(cls):
        media = cls.enterClassContext(TemporaryDirectory())
        cls.enterClassContext(override_settings(MEDIA_ROOT=media))
        with cls.captureOnCommitCallbacks(execute=True):
            cls.preview, cls.notice = import_rendering(cls.fmt)

    def test_it_resolves_the_bodies_a_remark_says_lead(self):
        tasks = Task.objects.filter(remark="根据区委工作安排，由区委政法委牵头。")
        self.assertEqual(len(tasks), 2)
        for task in tasks:
            self.assertEqual([u.name for u in task.lead_override_units.all()], ["区委政法委"])

    def test_a_bracket_whose_base_a_remark_prints_bare_is_an_alias(self):
        self.assertEqual(Unit.objects.by_name("区委组织部（区人才办）").get().name, "区委组织部")

    def test_it_keeps_the_source_file(self):
        self.assertEqual(self.notice.source_format, self.fmt)
        self.assertEqual(self.notice.file_size, len(content(self.fmt)))
        with self.notice.source_file.open("rb") as f:
            self.assertEqual(f.read(), content(self.fmt))

    def test_the_other_renderings_change_nothing(self):
        pks = list(Task.objects.order_by("pk").values_list("pk", "updated_at"))
        entries = LogEntry.objects.count()
        for other in ["txt", "docx"]:
            if other == self.fmt:
                continue
            with self.subTest(other=other):
                preview, notice = import_rendering(other)
                self.assertEqual(notice, self.notice)
                self.assertTrue(preview.report.is_empty, preview.report.lines())
        self.assertEqual(list(Task.objects.order_by("pk").values_list("pk", "updated_at")), pks)
        self.assertEqual(LogEntry.objects.count(), entries)
        self.assertEqual(Notice.objects.count(), 1)


class DocxTestCase(RenderingChecks, TestCase):
    fmt = "docx"


class TxtTestCase(RenderingChecks, TestCase):
    fmt = "txt"

    def test_importing_the_same_file_again_is_recognised(self):
        preview = prepare_import(content("txt"), f"{REFERENCE}.txt")
        self.assertTrue(preview.same_file)
        self.assertEqual(preview.report.summary(), "该文件已导入，无变化")


class PdfTestCase(RenderingChecks, TestCase):
    fmt = "pdf"


class BadFileTestCase(TestCase):
    def test_an_unreadable_file_raises_parse_error_and_writes_nothing(self):
        with self.assertRaises(ParseError):
            prepare_import(b"\x00\x01 not a notice", "notice.docx")
        self.assertFalse(Notice.objects.exists())
