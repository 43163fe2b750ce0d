from datetime import date
from decimal import Decimal

import pytest

from duban.audit.models import LogEntry
from duban.ledger.choices import PlanKind
from duban.targets.choices import Pace, ValueSource
from duban.targets.models import Measurement
from duban.targets.pacing import status_of
from duban.targets.tests.base import (
    TargetsTestCase,
    accepted_report,
    plan_of_years,
    task_with_targets,
)
from duban.targets.values import AlreadyRecorded, record_metric_value, record_value
from duban.testing import growth, make_notice


class RecordValueTestCase(TargetsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.gdp_five = task_with_targets(
            cls.five_year,
            "地区生产总值年均增长 7%。",
            [growth("地区生产总值", 7, "=", "annual_average")],
        ).targets.get()
        cls.gdp_annual = task_with_targets(
            cls.annual, "地区生产总值增长 7%以上。", [growth("地区生产总值", 7, ">=")]
        ).targets.get()
        cls.firms = task_with_targets(
            cls.annual,
            "新增高新技术企业 50 家。",
            [
                {
                    "metric": "高新技术企业",
                    "measure": "increase",
                    "value": 50,
                    "unit": "家",
                    "text": "新增高新技术企业 50 家",
                }
            ],
            unit=cls.caizheng,
        ).targets.get()

    def test_one_gdp_value_fills_every_task_bound_to_gdp(self):
        # 最多报一次: two tasks in two plans bound to 地区生产总值 both show the imported value.
        other_notice = make_notice(doc_number="另政办〔2022〕9号")
        other_plan = plan_of_years(other_notice, PlanKind.ANNUAL, 2022, 2022)
        third = task_with_targets(other_plan, "GDP 增长 7%。", [growth("GDP", 7)]).targets.get()
        record_metric_value(
            self.gdp_annual.metric,
            "5.2",
            date(2022, 6, 30),
            unit="%",
            user=None,
            source=ValueSource.IMPORT,
        )
        for target in (self.gdp_five, self.gdp_annual, third):
            status = status_of(target, date(2022, 7, 15))
            self.assertEqual(status.value, Decimal("5.2"), target)
            self.assertEqual(status.measured_on, date(2022, 6, 30))
        self.assertEqual(Measurement.objects.count(), 1)

    def test_a_value_for_a_macro_target_is_stored_on_its_metric(self):
        m = record_value(
            self.gdp_annual, 6, date(2022, 3, 31), user=self.alice, source=ValueSource.OFFICE
        )
        self.assertIsNone(m.target)
        self.assertEqual(m.metric, self.gdp_annual.metric)
        self.assertEqual(status_of(self.gdp_five, date(2022, 4, 1)).value, Decimal(6))

    def report_value(self, value, report=None):
        """Record `value` of 新增高新技术企业 as charlie's accepted June report gives it."""
        june = report or accepted_report(
            self.firms.task, self.caizheng, self.charlie, date(2022, 6, 30)
        )
        return record_value(
            self.firms,
            value,
            date(2022, 6, 30),
            user=self.alice,
            source=ValueSource.REPORT,
            report=june,
        )

    def test_a_unit_report_does_not_overwrite_an_office_value(self):
        record_value(self.firms, 18, date(2022, 6, 30), user=self.alice, source=ValueSource.OFFICE)
        with pytest.raises(AlreadyRecorded):
            self.report_value(20)
        self.assertEqual(Measurement.objects.get().value, Decimal(18))

    def test_a_later_office_value_corrects_a_reported_one_and_logs_the_old_one(self):
        self.report_value(20)
        record_value(self.firms, 18, date(2022, 6, 30), user=self.alice, source=ValueSource.OFFICE)
        m = Measurement.objects.get()
        self.assertEqual((m.value, m.source, m.report), (Decimal(18), ValueSource.OFFICE, None))
        entry = LogEntry.objects.filter(action="targets.value.changed").get()
        self.assertEqual(entry.data["old_value"], "20.0000")

    def test_a_value_of_an_ordinary_target_stays_on_the_target_with_its_report(self):
        m = self.report_value(20)
        self.assertEqual(m.target, self.firms)
        self.assertEqual(m.reported_by, self.charlie)
        self.assertEqual(m.report.unit, self.caizheng)
        self.assertEqual(m.unit, "家")
        entry = LogEntry.objects.get(action="targets.value.recorded")
        self.assertEqual(
            (entry.data["report"], entry.data["reported_by"]), (m.report.pk, "charlie")
        )

    def test_a_second_accepted_report_corrects_the_value(self):
        june = accepted_report(self.firms.task, self.caizheng, self.charlie, date(2022, 6, 30))
        self.report_value(20, june)
        self.report_value(22, june)
        self.assertEqual(self.firms.measurements.get().value, Decimal(22))

    def test_status_uses_the_value_in_the_targets_unit_only(self):
        record_metric_value(
            self.gdp_annual.metric,
            1500,
            date(2022, 6, 30),
            unit="亿元",
            user=None,
            source=ValueSource.IMPORT,
        )
        self.assertEqual(status_of(self.gdp_annual, date(2022, 7, 1)).pace, Pace.NO_DATA)
