"""Acceptance: the reference notice's annexes, exported from the ledger, parse back to its gold."""

from tempfile import TemporaryDirectory

from django.test import TestCase, override_settings

from duban.exports.annexes import annexes_docx, annexes_xlsx
from duban.ledger.importing import apply_import, prepare_parsed
from duban.ledger.tests.reference import REFERENCE, gold, seed_dir
from duban.parsing import from_json, parse_bytes
from duban.parsing.tests.gold import differences, report, rows_from_parsed


class AnnexRoundTripTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        media = cls.enterClassContext(TemporaryDirectory())
        cls.enterClassContext(override_settings(MEDIA_ROOT=media))
        content = (seed_dir() / f"{REFERENCE}.docx").read_bytes()
        parsed = parse_bytes(content, f"{REFERENCE}.docx")
        with cls.captureOnCommitCallbacks(execute=True):
            preview = prepare_parsed(
                from_json(parsed), content=content, filename=f"{REFERENCE}.docx"
            )
            cls.notice = apply_import(preview)

    def assert_reads_back_to_the_gold(self, data: bytes, filename: str):
        parsed = parse_bytes(data, filename)
        found = differences(rows_from_parsed(parsed), gold()["tasks"])
        self.assertEqual(found, [], report(found))

    def test_the_word_annexes_parse_back_to_the_gold(self):
        self.assert_reads_back_to_the_gold(annexes_docx(self.notice), "annexes.docx")

    def test_the_excel_annexes_parse_back_to_the_gold(self):
        self.assert_reads_back_to_the_gold(annexes_xlsx(self.notice), "annexes.xlsx")
