"""A consolidated report's page shows the parts it was built from, with their evidence."""

import shutil
import tempfile

from django.core.files.base import ContentFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from duban.ledger.choices import AssignmentRole
from duban.ledger.models import Assignment
from duban.progress.choices import ReportState
from duban.progress.models import Attachment, Report
from duban.progress.tests.base import ProgressTestCase
from duban.testing import make_report, make_unit

PDF = b"%PDF-1.7\n%%EOF\n"


class ConsolidatedReportPageTestCase(ProgressTestCase):
    def setUp(self):
        media = tempfile.mkdtemp(prefix="duban-evidence-")
        self.addCleanup(shutil.rmtree, media, ignore_errors=True)
        override = override_settings(MEDIA_ROOT=media)
        override.enable()
        self.addCleanup(override.disable)
        self.part = make_report(self.task, self.caizheng, self.cycle, progress="已拨付资金2亿元")
        self.joint = make_report(self.task, self.shangwu, self.cycle, progress="商务草稿未报")
        self.evidence = self.attach(self.part, "拨付凭证.pdf")
        self.part.submit(self.charlie)
        self.own = make_report(self.task, self.fagai, self.cycle, progress="项目开工3个")
        self.own.consolidate(self.bob)
        self.url = self.own.get_absolute_url()

    def attach(self, report: Report, name: str, n: int = 0) -> Attachment:
        return Attachment.objects.create(
            report=report,
            file=ContentFile(PDF, name="evidence.pdf"),
            original_name=name,
            content_type="application/pdf",
            file_size=len(PDF),
            file_hash=f"{n:064x}",
        )

    def test_the_office_sees_the_parts_with_their_evidence(self):
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        parts = response.content.decode().split('id="parts"')[1]
        self.assertIn("区财政局", parts)
        self.assertIn("已拨付资金2亿元", parts)
        self.assertIn('data-state="consolidated"', parts)
        self.assertIn(f'href="{self.evidence.get_absolute_url()}"', parts)
        self.assertIn("拨付凭证.pdf", parts)
        # A part still in draft is not what the report was built from.
        self.assertNotIn("商务草稿未报", parts)
        download = self.client.get(self.evidence.get_absolute_url())
        self.assertEqual(download.status_code, 200)
        self.assertEqual(b"".join(download.streaming_content), PDF)

    def test_the_lead_leader_and_lead_unit_see_the_parts_too(self):
        for user in (self.lin, self.bob):
            self.client.force_login(user)
            self.assertContains(self.client.get(self.url), "已拨付资金2亿元")

    def test_a_part_page_lists_no_parts(self):
        self.client.force_login(self.alice)
        response = self.client.get(self.part.get_absolute_url())
        self.assertNotContains(response, 'id="parts"')

    def add_parts(self, count: int) -> None:
        start = Report.objects.count()
        for i in range(start, start + count):
            unit = make_unit(f"配合单位{i}")
            Assignment.objects.create(task=self.task, unit=unit, role=AssignmentRole.SUPPORT)
            part = make_report(self.task, unit, self.cycle, state=ReportState.SUBMITTED)
            self.attach(part, f"凭证{i}.pdf", 2 * i + 1)
            self.attach(part, f"照片{i}.pdf", 2 * i + 2)

    def test_the_page_costs_the_same_with_three_times_the_parts(self):
        self.client.force_login(self.alice)
        self.add_parts(2)
        with CaptureQueriesContext(connection) as few:
            self.client.get(self.url)
        self.add_parts(4)
        with self.assertNumQueries(len(few)):
            response = self.client.get(self.url)
        self.assertEqual(response.content.decode().count('class="part"'), 7)
