from django.test import TestCase

from duban.audit.models import LogEntry
from duban.ledger.choices import UnitKind
from duban.ledger.importing import apply_import, prepare_parsed
from duban.ledger.models import Notice, Unit
from duban.ledger.tests.reference import ReferenceLedgerChecks, reference_notice
from duban.parsing import from_json, to_json


class ImportReferenceTestCase(ReferenceLedgerChecks, TestCase):
    """The reference notice, given as the parser's dict built from the gold rows."""

    @classmethod
    def setUpTestData(cls):
        cls.preview = prepare_parsed(from_json(reference_notice()))
        cls.notice = apply_import(cls.preview)

    def test_it_creates_one_notice(self):
        self.assertEqual(list(Notice.objects.all()), [self.notice])
        self.assertEqual(self.notice.doc_number, "温鹿政办〔2022〕4号")
        self.assertEqual(str(self.notice.issued_on), "2022-03-07")

    def test_it_keeps_a_bracketed_name_whose_base_is_unknown(self):
        # The gold rows print 区委组织部 only with its bracket (the remarks are not parsed here).
        self.assertTrue(Unit.objects.filter(name="区委组织部（区人才办）").exists())

    def test_it_infers_unit_kinds(self):
        kinds = dict(Unit.objects.values_list("name", "kind"))
        self.assertEqual(kinds["五马街道"], UnitKind.SUBDISTRICT)
        self.assertEqual(kinds["藤桥镇"], UnitKind.TOWN)
        self.assertEqual(kinds["市生态环境局鹿城分局"], UnitKind.MUNICIPAL_BRANCH)
        self.assertEqual(kinds["区委宣传部"], UnitKind.PARTY_BODY)
        self.assertEqual(kinds["区国资经营集团"], UnitKind.STATE_COMPANY)
        self.assertEqual(kinds["区残联"], UnitKind.MASS_ORGANISATION)
        self.assertEqual(kinds["相关街镇"], UnitKind.PLACEHOLDER)
        self.assertEqual(kinds["区发改局"], UnitKind.DISTRICT_DEPARTMENT)

    def test_it_reports_the_new_registry_entries(self):
        report = self.preview.report
        self.assertTrue(report.new_notice)
        self.assertEqual(len(report.added), 161)
        self.assertIn("区府办", report.new_units)
        self.assertIn(("区府办（区大数据发展管理局）", "区府办"), report.new_aliases)
        self.assertEqual(len(report.new_officials), 9)

    def test_it_writes_one_audit_entry_for_the_import(self):
        entry = LogEntry.objects.get(action__startswith="ledger.")
        self.assertEqual(entry.action, "ledger.notice.imported")
        self.assertEqual(entry.object_id, str(self.notice.pk))
        self.assertEqual(entry.data["added"], 161)
        self.assertEqual(entry.user, None)


def test_the_gold_reference_notice_comes_back_from_the_parsers_dataclasses():
    data = reference_notice() | {"layouts": []}
    assert to_json(from_json(data)) == data
