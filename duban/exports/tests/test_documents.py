"""督办单 and leader packs as Word (read back with python-docx) and PDF (LibreOffice)."""

import io
from datetime import date

import pdfplumber
import pytest
from django.urls import reverse
from docx import Document

from duban.exports.pdf import soffice, to_pdf
from duban.supervision.choices import Colour, ProblemState, Tier
from duban.supervision.models import NoticeAttachment, Problem, SupervisionNotice, TaskStatus
from duban.testing import BaseTestCase, job_download

needs_soffice = pytest.mark.skipif(
    soffice() is None, reason="LibreOffice (soffice) is not installed"
)


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "".join("".join((page.extract_text() or "").split()) for page in pdf.pages)


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


class SupervisionNoticeDocumentTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.notice.issuer = "测试区人民政府办公室"
        cls.sn = SupervisionNotice.issue(
            task=cls.task,
            unit=cls.fagai,
            tier=Tier.WARN,
            reason="连续两期未报送进度。",
            respond_by=date(2022, 7, 15),
            user=cls.alice,
            signer="张主任",
            copied_to=[cls.lin_official, cls.wang_official],
        )
        cls.sn.respond("已召开专题会，补报两期进度。", cls.bob)
        # Only the row: the export names the files, it does not read them.
        NoticeAttachment.objects.create(
            notice=cls.sn,
            file="evidence/notices/minutes.pdf",
            original_name="专题会纪要.pdf",
            content_type="application/pdf",
            file_size=10,
            file_hash="a" * 64,
        )
        cls.sn.close(cls.alice, "补报属实，予以办结。")

    def test_the_word_file_holds_the_notice_and_a_receipt(self):
        self.client.force_login(self.alice)
        response = self.client.get(reverse("exports:supervision-notice", args=[self.sn.pk]))
        text = docx_text(response.content)
        for expected in [
            f"督办〔{self.sn.year}〕1号　　等级：警示",
            "区发改局：",
            "事由：连续两期未报送进度。",
            "地区生产总值增长 7%。",
            "2022年7月15日前",
            "签发：张主任",
            "抄送：林杰、王明",
            "反馈回执",
            "已召开专题会，补报两期进度。",
            "专题会纪要.pdf",
            "办结意见",
            "补报属实，予以办结。",
        ]:
            self.assertIn(expected, text)

    def test_the_lead_unit_downloads_it_and_an_outsider_gets_a_404(self):
        url = reverse("exports:supervision-notice", args=[self.sn.pk])
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(url).status_code, 200)
        self.client.force_login(self.dave)
        self.assertEqual(self.client.get(url).status_code, 404)

    @needs_soffice
    def test_the_pdf_holds_the_notice(self):
        self.client.force_login(self.alice)
        url = reverse("exports:supervision-notice", args=[self.sn.pk])
        response = self.client.get(url + "?format=pdf")
        text = pdf_text(job_download(self.client, response))
        for expected in [
            "督办单",
            "连续两期未报送进度",
            f"督办〔{self.sn.year}〕1号",
            "签发：张主任",
            "抄送：林杰、王明",
            "补报属实，予以办结。",
        ]:
            self.assertIn(expected, text)


class LeaderPackTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        TaskStatus.objects.create(task=cls.task, colour=Colour.RED, reasons=["2 期进度未报送"])
        TaskStatus.objects.create(task=cls.other_task, colour=Colour.GREEN)
        Problem.objects.create(
            task=cls.task,
            unit=cls.fagai,
            title="用地指标不足",
            description="需区领导协调。",
            state=ProblemState.ESCALATED,
        )

    def test_the_pack_holds_the_portfolio_the_lagging_tasks_and_the_problems(self):
        self.client.force_login(self.lin)
        url = reverse("exports:leader-pack", args=[self.lin_official.pk])
        document = Document(io.BytesIO(self.client.get(url + "?on=2022-09-10").content))
        text = "\n".join(p.text for p in document.paragraphs)
        self.assertIn("林杰同志牵头重点工作盘点材料", text)
        self.assertIn("（截至2022年9月10日）", text)
        self.assertIn(
            "牵头重点工作共 2 项，其中已完成 0 项，正常 1 项，滞后 0 项，严重滞后/逾期 1 项，"
            "未安排报送 0 项。",
            text,
        )
        lagging, problems = document.tables[0], document.tables[1]
        self.assertEqual(
            [c.text for c in lagging.rows[1].cells][1:3],
            ["地区生产总值增长 7%。", "严重滞后/逾期：2 期进度未报送"],
        )
        self.assertEqual(lagging.rows[1].cells[4].text, "用地指标不足")
        self.assertEqual(problems.rows[1].cells[0].text, "用地指标不足")

    def test_a_unit_liaison_cannot_open_a_leaders_pack(self):
        self.client.force_login(self.bob)
        url = reverse("exports:leader-pack", args=[self.lin_official.pk])
        self.assertEqual(self.client.get(url).status_code, 404)


class AnnexDownloadTests(BaseTestCase):
    def test_the_office_downloads_the_annexes_and_others_may_not(self):
        for fmt in ("docx", "xlsx"):
            url = reverse("exports:notice-annexes", args=[self.notice.pk, fmt])
            self.client.force_login(self.alice)
            self.assertEqual(self.client.get(url).status_code, 200)
            self.client.force_login(self.lin)
            self.assertEqual(self.client.get(url).status_code, 403)
        self.client.force_login(self.alice)
        url = reverse("exports:notice-annexes", args=[self.notice.pk, "pdf"])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_lead_units_are_starred_in_the_word_annex(self):
        self.client.force_login(self.alice)
        url = reverse("exports:notice-annexes", args=[self.notice.pk, "docx"])
        table = Document(io.BytesIO(self.client.get(url).content)).tables[0]
        self.assertEqual(
            [c.text for c in table.rows[0].cells], ["序号", "重点工作", "责任单位", "备注"]
        )
        self.assertEqual(
            [c.text for c in table.rows[1].cells][:3],
            ["1", "地区生产总值增长 7%。", "区发改局*、区商务局、区财政局"],
        )


@needs_soffice
class PdfConversionTests(BaseTestCase):
    def test_a_word_and_an_excel_file_convert_with_their_title_and_first_row(self):
        self.client.force_login(self.alice)
        annex = self.client.get(reverse("exports:notice-annexes", args=[self.notice.pk, "docx"]))
        text = pdf_text(to_pdf(annex.content, ".docx"))
        self.assertIn("2022年重点工作责任分解表", text)
        self.assertIn("地区生产总值增长7%。", text)
        self.assertIn("区发改局*", text)
        ledger = self.client.get(reverse("ledger:tasks") + "?format=xlsx")
        text = pdf_text(to_pdf(b"".join(ledger.streaming_content), ".xlsx"))
        self.assertIn("督办台账", text)
        self.assertIn("地区生产总值增长7%。", text)
        self.assertIn("区发改局", text)
