from datetime import date
from decimal import Decimal

from duban.targets.choices import Pace, ValueSource
from duban.targets.pacing import completion_ratio, status_of
from duban.targets.tests.base import TargetsTestCase, task_with_targets
from duban.targets.values import record_value
from duban.testing import growth


def quantity(value=120, comparator="=", measure="increase", unit="家", period="annual") -> dict:
    return {
        "metric": "高新技术企业",
        "measure": measure,
        "comparator": comparator,
        "value": value,
        "unit": unit,
        "period": period,
        "text": "新增高新技术企业",
    }


class StatusTestCase(TargetsTestCase):
    def make(self, data, plan=None):
        return task_with_targets(plan or self.annual, "…", [data]).targets.get()

    def record(self, target, value, on_date):
        record_value(target, value, on_date, user=self.alice, source=ValueSource.OFFICE)

    def test_a_quantity_is_due_month_by_month(self):
        target = self.make(quantity(120))
        self.assertEqual(target.pace_on(date(2022, 6, 30)), Decimal(60))
        self.assertEqual(target.pace_on(date(2022, 3, 31)), Decimal(30))

    def test_a_growth_target_is_due_at_its_rate_all_year(self):
        target = self.make(growth("地区生产总值", 7, ">="))
        self.assertEqual(target.pace_on(date(2022, 3, 31)), Decimal(7))

    def test_a_share_is_due_at_its_level(self):
        target = self.make(quantity("1.2", "<=", "share", "%"))
        self.assertEqual(target.pace_on(date(2022, 3, 31)), Decimal("1.2"))

    def test_a_five_year_total_is_due_over_the_whole_period(self):
        target = self.make(quantity(600, period="cumulative"), plan=self.five_year)
        # End of June 2023: 18 of 60 months.
        self.assertEqual(target.pace_on(date(2023, 6, 30)), Decimal(180))

    def test_without_values_there_is_no_data(self):
        status = status_of(self.make(quantity()), date(2022, 6, 30))
        self.assertEqual((status.pace, status.label), (Pace.NO_DATA, "暂无数据"))

    def test_a_quantity_below_its_monthly_share_is_behind(self):
        target = self.make(quantity(120))
        self.record(target, 50, date(2022, 6, 30))
        status = status_of(target, date(2022, 7, 10))
        self.assertEqual(status.pace, Pace.BEHIND)
        self.assertEqual(
            (status.due, status.value, status.goal), (Decimal(60), Decimal(50), Decimal(120))
        )
        self.assertEqual(
            status.explanation,
            "截至2022年6月，目标新增120家，序时应完成60家（50%），实际完成50家，欠进度。",
        )

    def test_a_quantity_at_its_monthly_share_is_on_pace(self):
        target = self.make(quantity(120))
        self.record(target, 62, date(2022, 6, 30))
        self.assertEqual(status_of(target, date(2022, 7, 1)).pace, Pace.ON_PACE)

    def test_a_quantity_well_above_its_monthly_share_is_ahead(self):
        target = self.make(quantity(120))
        self.record(target, 80, date(2022, 6, 30))
        self.assertEqual(status_of(target, date(2022, 7, 1)).pace, Pace.AHEAD)

    def test_a_quantity_that_reached_the_whole_target_is_done(self):
        target = self.make(quantity(120))
        self.record(target, 121, date(2022, 9, 30))
        self.assertEqual(status_of(target, date(2022, 10, 1)).pace, Pace.DONE)

    def test_growth_compares_the_cumulative_rate_with_the_target(self):
        target = self.make(growth("某增速指标", 7, ">="))
        self.record(target, "6.5", date(2022, 6, 30))
        status = status_of(target, date(2022, 7, 1))
        self.assertEqual(status.pace, Pace.BEHIND)
        self.assertEqual(
            status.explanation, "截至2022年6月，目标增长7%以上，累计增长6.5%，欠进度。"
        )
        self.record(target, "7.2", date(2022, 9, 30))
        self.assertEqual(status_of(target, date(2022, 10, 1)).pace, Pace.ON_PACE)
        self.record(target, "7.3", date(2022, 12, 31))
        self.assertEqual(status_of(target, date(2023, 1, 20)).pace, Pace.DONE)

    def test_a_ceiling_is_behind_when_above_it(self):
        target = self.make(quantity("1.2", "<=", "share", "%"))
        self.record(target, "1.3", date(2022, 6, 30))
        self.assertEqual(status_of(target, date(2022, 7, 1)).pace, Pace.BEHIND)
        self.record(target, "1.15", date(2022, 9, 30))
        self.assertEqual(status_of(target, date(2022, 10, 1)).pace, Pace.ON_PACE)
        self.record(target, "0.9", date(2022, 10, 31))
        self.assertEqual(status_of(target, date(2022, 11, 1)).pace, Pace.AHEAD)

    def test_values_after_the_date_asked_are_ignored(self):
        target = self.make(quantity(120))
        self.record(target, 10, date(2022, 3, 31))
        self.record(target, 100, date(2022, 6, 30))
        self.assertEqual(status_of(target, date(2022, 4, 30)).value, Decimal(10))

    def test_an_annual_target_ignores_values_of_another_year(self):
        target = self.make(quantity(120))
        self.record(target, 100, date(2021, 12, 31))
        self.assertEqual(status_of(target, date(2022, 1, 10)).pace, Pace.NO_DATA)

    def test_completion_ratio_is_direction_aware(self):
        firms = self.make(quantity(120))
        self.assertEqual(completion_ratio(firms, Decimal(60), Decimal(120)), Decimal(50))
        ceiling = self.make(quantity(100, "<=", "level", "吨"))
        self.assertEqual(completion_ratio(ceiling, Decimal(80), Decimal(100)), Decimal(125))
        rate = self.make(growth("某增速指标", 7))
        self.assertIsNone(completion_ratio(rate, Decimal(7), Decimal(7)))
