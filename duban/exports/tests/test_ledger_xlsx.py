"""The ledger's "导出 Excel": read back and compared with the database, cell by cell."""

import io
from datetime import date
from decimal import Decimal
from tempfile import NamedTemporaryFile
from unittest import mock

import openpyxl
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from duban.exports.ledger import write_ledger
from duban.exports.records import COLUMNS
from duban.jobs.models import Job
from duban.ledger.choices import AssignmentRole
from duban.ledger.models import Task
from duban.lib import clock
from duban.progress.choices import CycleKind, CycleState, ReportKind, ReportState
from duban.progress.models import Report, ReportingCycle
from duban.supervision.choices import Colour
from duban.supervision.models import SupervisionNotice, TaskStatus
from duban.targets.choices import Measure, ValueSource
from duban.targets.models import Measurement, Metric, Target
from duban.testing import BaseTestCase, job_download, make_task


def read_rows(content: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[1] == [heading for heading, _ in COLUMNS]
    return rows[2:]


class LedgerExportTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        TaskStatus.objects.create(
            task=cls.task, colour=Colour.YELLOW, reasons=["1 期进度未报送", "其他"]
        )
        cycle = ReportingCycle.objects.create(
            plan=cls.plan,
            kind=CycleKind.QUARTERLY,
            name="2022年第一季度",
            period_start="2022-01-01",
            period_end="2022-03-31",
            due_on="2022-04-10",
            state=CycleState.LOCKED,
        )
        Report.objects.create(
            task=cls.task,
            unit=cls.fagai,
            cycle=cycle,
            kind=ReportKind.CONSOLIDATED,
            progress="一季度增长 6.8%。",
            state=ReportState.ACCEPTED,
        )

    def download(self, user, url=None, query="format=xlsx"):
        self.client.force_login(user)
        response = self.client.get(f"{url or reverse('ledger:tasks')}?{query}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response["Content-Disposition"])
        return read_rows(b"".join(response.streaming_content))

    def test_every_cell_matches_the_database(self):
        rows = self.download(self.alice)
        self.assertEqual(
            rows[0],
            [
                1,
                "1",
                self.plan.title,
                "地区生产总值增长 7%。",
                "林杰",
                "区发改局",
                "区商务局",
                "区财政局",
                None,
                "滞后",
                "1 期进度未报送",
                "2022年第一季度：一季度增长 6.8%。",
                None,
            ],
        )
        self.assertEqual(
            rows[1][3:8], ["一般公共预算收入增长 8%。", "林杰", None, "区财政局", None]
        )
        self.assertEqual(len(rows), 2)

    def test_a_ledger_past_the_threshold_is_written_by_a_background_job(self):
        self.client.force_login(self.bob)
        url = f"{reverse('ledger:tasks')}?format=xlsx&q=生产总值"
        with mock.patch("duban.exports.ledger.BACKGROUND_ROWS", 0):
            response = self.client.get(url)
        self.assertEqual(response.status_code, 302)
        job = Job.objects.get()
        self.assertEqual((job.title, job.started_by), ("督办台账（Excel）", self.bob))
        rows = read_rows(job_download(self.client, response))
        # The page's filter and the liaison's own access, as the direct download has them.
        self.assertEqual(rows, self.download(self.bob, query="format=xlsx&q=生产总值"))
        self.assertEqual([row[3] for row in rows], ["地区生产总值增长 7%。"])
        self.assertEqual(Job.objects.get().result_name, f"督办台账-{clock.today():%Y%m%d}.xlsx")

    def test_targets_show_their_latest_value_and_pace_in_printed_order(self):
        metric = Metric.objects.create(name="新增就业")
        for position, (text, value) in enumerate([("新增就业", 100), ("新增城镇就业", 200)]):
            target = Target.objects.create(
                task=self.task,
                metric=metric,
                metric_text=text,
                measure=Measure.INCREASE,
                value=Decimal(value),
                unit="人",
                position=position,
            )
        Measurement.objects.create(
            target=target,
            on_date=date(2022, 6, 30),
            value=Decimal("150.0"),
            unit="人",
            source=ValueSource.OFFICE,
        )
        rows = self.download(self.alice)
        self.assertEqual(
            rows[0][12], "新增就业：暂无数据（暂无数据）\n新增城镇就业：150人（超进度）"
        )
        self.assertIsNone(rows[1][12])

    def test_the_export_costs_the_same_queries_for_twice_the_tasks(self):
        def queries() -> int:
            with CaptureQueriesContext(connection) as captured:
                write_ledger(Task.objects.all(), io.BytesIO(), "督办台账")
            return len(captured)

        metric = Metric.objects.create(name="新增就业")
        Target.objects.create(task=self.task, metric=metric, metric_text="新增就业", value=9)
        few = queries()
        for position in range(3, 7):
            task = make_task(
                self.section, str(position), f"任务{position}", [(self.fagai, AssignmentRole.LEAD)]
            )
            TaskStatus.objects.create(task=task, reasons=["原因"])
            Target.objects.create(task=task, metric=metric, metric_text="新增就业", value=9)
        self.assertEqual(queries(), few)

    def test_the_list_filters_apply_to_the_export(self):
        rows = self.download(self.alice, query="q=公共预算&format=xlsx")
        self.assertEqual([row[3] for row in rows], ["一般公共预算收入增长 8%。"])

    def test_a_liaison_exports_only_the_tasks_they_see(self):
        self.assertEqual([row[1] for row in self.download(self.bob)], ["1"])
        self.assertEqual(self.download(self.dave), [])

    def test_a_task_text_that_looks_like_a_formula_is_a_string_cell(self):
        make_task(
            self.section,
            "3",
            '=HYPERLINK("http://evil.example","点击")',
            [(self.jiaoyu, AssignmentRole.LEAD)],
        )
        self.client.force_login(self.alice)
        response = self.client.get(reverse("ledger:tasks") + "?format=xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        cell = sheet.cell(5, 4)
        self.assertEqual(cell.value, '=HYPERLINK("http://evil.example","点击")')
        self.assertEqual(cell.data_type, "s")

    def test_texts_starting_like_formulas_or_holding_control_characters_stay_text(self):
        for position, text in enumerate(["+1", "-1", "@SUM(A1)", " 甲\x0b乙 "], start=3):
            make_task(self.section, str(position), text, [(self.jiaoyu, AssignmentRole.LEAD)])
        self.client.force_login(self.alice)
        response = self.client.get(reverse("ledger:tasks") + "?format=xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        cells = [sheet.cell(row, 4) for row in range(5, 9)]
        self.assertEqual([cell.value for cell in cells], ["+1", "-1", "@SUM(A1)", " 甲乙 "])
        self.assertEqual({cell.data_type for cell in cells}, {"s"})

    def test_the_sheet_is_set_up_for_printing(self):
        self.client.force_login(self.alice)
        response = self.client.get(reverse("ledger:tasks") + "?format=xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        self.assertEqual(sheet.freeze_panes, "A3")
        self.assertEqual(sheet.print_title_rows, "$2:$2")
        self.assertEqual(sheet.page_setup.orientation, "landscape")
        self.assertEqual(sheet.page_setup.paperSize, 9)
        self.assertTrue(sheet.cell(3, 4).alignment.wrap_text)
        # The plan's title wraps in its 16-wide column: the row is two lines or more tall.
        self.assertGreaterEqual(sheet.row_dimensions[3].height, 30)

    def test_a_unit_page_a_leader_page_and_the_overview_export_their_tasks(self):
        unit = self.download(self.alice, self.caizheng.get_absolute_url())
        self.assertEqual([row[1] for row in unit], ["1", "2"])
        leader = self.download(self.lin, self.lin_official.get_absolute_url())
        self.assertEqual([row[1] for row in leader], ["1", "2"])
        overview = self.download(self.alice, reverse("supervision:overview"))
        self.assertEqual([row[1] for row in overview], ["1"])

    def test_the_progress_column_shows_only_reports_the_downloader_may_read(self):
        column = [heading for heading, _ in COLUMNS].index("最新进展")
        progress = "2022年第一季度：一季度增长 6.8%。"
        for user, expected in ((self.alice, progress), (self.bob, progress), (self.lin, progress)):
            with self.subTest(user=user.username):
                self.assertEqual(self.download(user)[0][column], expected)
        # The support unit may not read the lead unit's consolidated report on its pages.
        self.assertIn(self.download(self.charlie)[0][column], (None, ""))

    def test_the_export_command_writes_the_filtered_ledger(self):
        with NamedTemporaryFile(suffix=".xlsx") as output:
            call_command(
                "export", "ledger", "--unit", "区发改局", "-o", output.name, stdout=io.StringIO()
            )
            rows = read_rows(open(output.name, "rb").read())  # noqa: SIM115
        self.assertEqual([row[3] for row in rows], ["地区生产总值增长 7%。"])


class CycleReportsExportTests(BaseTestCase):
    def test_the_office_exports_a_cycles_reports(self):
        cycle = ReportingCycle.objects.create(
            plan=self.plan,
            kind=CycleKind.MONTHLY,
            name="2022年3月",
            period_start="2022-03-01",
            period_end="2022-03-31",
            due_on="2022-04-05",
        )
        Report.objects.create(
            task=self.task,
            unit=self.fagai,
            cycle=cycle,
            kind=ReportKind.CONSOLIDATED,
            progress="=1+1",
        )
        self.client.force_login(self.alice)
        response = self.client.get(reverse("exports:cycle-reports", args=[cycle.pk]))
        rows = read_rows_at(response.content, 3)
        self.assertEqual(
            rows[0][:5], ["1", "地区生产总值增长 7%。", "区发改局", "牵头单位汇总报告", "草稿"]
        )
        self.assertEqual(rows[0][6], "=1+1")
        self.client.force_login(self.bob)
        response = self.client.get(reverse("exports:cycle-reports", args=[cycle.pk]))
        self.assertEqual(response.status_code, 403)

    def test_an_unknown_supervision_notice_is_not_found(self):
        self.client.force_login(self.alice)
        missing = SupervisionNotice.objects.count() + 1
        response = self.client.get(reverse("exports:supervision-notice", args=[missing]))
        self.assertEqual(response.status_code, 404)


def read_rows_at(content: bytes, first: int) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=first)]
