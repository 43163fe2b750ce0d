import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook

from duban.targets.importing import ReleaseFileError, apply_values, read_values
from duban.targets.models import Measurement
from duban.targets.tests.base import TargetsTestCase, task_with_targets
from duban.testing import growth


def xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class ReadValuesTestCase(TargetsTestCase):
    def test_it_reads_a_csv_release(self):
        content = "指标,时间,数值\n地区生产总值,2022-06,5.2\n一般公共预算收入,2022年1-6月,-3.1%\n".encode()
        result = read_values("release.csv", content)
        self.assertTrue(result.ok)
        gdp, revenue = result.rows
        self.assertEqual(
            (gdp.metric.name, gdp.on_date, gdp.value, gdp.unit),
            ("地区生产总值", date(2022, 6, 30), Decimal("5.2"), "%"),
        )
        self.assertEqual((revenue.on_date, revenue.value), (date(2022, 6, 30), Decimal("-3.1")))

    def test_it_reads_a_gbk_csv_with_a_unit_column(self):
        content = '指标,月份,数值,单位\n社会消费品零售总额,2022年3月,"1,234.5",亿元\n'.encode("gbk")
        row = read_values("release.csv", content).rows[0]
        self.assertEqual(
            (row.metric.name, row.value, row.unit),
            ("社会消费品零售总额", Decimal("1234.5"), "亿元"),
        )

    def test_it_reads_an_xlsx_release_with_date_cells(self):
        content = xlsx(
            [
                ["指标", "时间", "增速(%)"],
                ["GDP", datetime(2022, 9, 1), 6.1],
                ["规模以上工业增加值", "2022年1-9月", 8],
            ]
        )
        result = read_values("release.xlsx", content)
        self.assertTrue(result.ok)
        self.assertEqual([r.metric.name for r in result.rows], ["地区生产总值", "规上工业增加值"])
        self.assertEqual(result.rows[0].on_date, date(2022, 9, 30))

    def test_it_reports_unknown_metrics_instead_of_guessing(self):
        content = "指标,时间,数值\n地区生产总值,2022-06,5.2\n地区总产值,2022-06,5\n地区总产值,2022-09,6\n".encode()
        result = read_values("release.csv", content)
        self.assertFalse(result.ok)
        self.assertEqual(result.unknown, {"地区总产值": [3, 4]})

    def test_it_reports_bad_rows_by_line(self):
        content = "指标,时间,数值\n地区生产总值,下半年,5.2\n地区生产总值,2022-06,五点二\n地区生产总值,2022-09,6\nGDP,2022-09,6.1\n".encode()
        result = read_values("release.csv", content)
        self.assertEqual(
            result.errors,
            [(2, "无法识别时间“下半年”"), (3, "无法识别数值“五点二”"), (5, "与第 4 行重复")],
        )

    def test_it_refuses_files_without_the_columns(self):
        with pytest.raises(ReleaseFileError, match="缺少列：时间"):
            read_values("release.csv", "指标,数值\n地区生产总值,5\n".encode())

    def test_it_refuses_other_formats_and_broken_workbooks(self):
        with pytest.raises(ReleaseFileError):
            read_values("release.txt", b"x")
        with pytest.raises(ReleaseFileError):
            read_values("release.xlsx", b"not a zip")

    def test_apply_records_each_row_once_for_its_metric(self):
        content = "指标,时间,数值\n地区生产总值,2022-06,5.2\n".encode()
        self.assertEqual(apply_values(read_values("r.csv", content), user=self.alice), 1)
        self.assertEqual(apply_values(read_values("r.csv", content), user=self.alice), 1)
        m = Measurement.objects.get()
        self.assertEqual((m.metric.name, m.source, m.note), ("地区生产总值", "import", "2022-06"))

    def test_apply_refuses_a_file_with_bad_rows(self):
        content = "指标,时间,数值\n地区生产总值,2022-06,5.2\n未知,2022-06,1\n".encode()
        with pytest.raises(ReleaseFileError):
            apply_values(read_values("r.csv", content), user=self.alice)
        self.assertFalse(Measurement.objects.exists())


class ImpossibleValuesTestCase(TargetsTestCase):
    def test_it_refuses_a_value_no_bound_target_can_take(self):
        task_with_targets(self.annual, "地区生产总值增长 7%。", [growth("地区生产总值", 7)])
        content = "指标,时间,数值\n地区生产总值,2022-06,-150%\n".encode()
        result = read_values("release.csv", content)
        self.assertFalse(result.ok)
        self.assertEqual(result.errors, [(2, "数值“-150%”不可能：地区生产总值增速不能低于 -100%")])
