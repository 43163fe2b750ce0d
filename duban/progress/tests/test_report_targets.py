from datetime import date
from decimal import Decimal

from django.urls import reverse

from duban.progress.choices import ReportState
from duban.progress.models import TransitionError
from duban.progress.tests.base import ProgressTestCase
from duban.targets.choices import Measure, MetricKind, ValueSource
from duban.targets.models import Measurement, Metric, Target
from duban.targets.values import record_value


class ReportTargetValuesTestCase(ProgressTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.target = Target.objects.create(
            task=cls.task,
            metric=Metric.objects.create(name="固定资产投资额"),
            metric_text="完成投资",
            measure=Measure.LEVEL,
            value=Decimal("120"),
            unit="亿元",
            text="全年完成投资120亿元",
        )

    def test_the_lead_units_form_asks_for_the_tasks_target_values(self):
        report = self.make_report(self.x)
        self.client.force_login(self.xavier)
        response = self.client.get(reverse("progress:report-edit", args=[report.pk]))
        self.assertContains(response, f'name="target_{self.target.pk}"')
        self.assertContains(response, "完成投资（亿元）")

    def test_a_cooperating_units_part_does_not(self):
        part = self.make_report(self.y)
        self.client.force_login(self.yvonne)
        response = self.client.get(reverse("progress:report-edit", args=[part.pk]))
        self.assertNotContains(response, f'name="target_{self.target.pk}"')

    def test_consolidating_records_the_values_as_of_the_cycles_last_day(self):
        report = self.make_report(self.x)
        self.client.force_login(self.xavier)
        data = {"progress": "一季度完成投资32亿元", "version": 1, "submit": "1"}
        data[f"target_{self.target.pk}"] = "32.5"
        self.client.post(reverse("progress:report-edit", args=[report.pk]), data)
        report.refresh_from_db()
        self.assertEqual(report.state, ReportState.SUBMITTED)
        self.assertEqual(report.target_values, {str(self.target.pk): "32.5"})
        measurement = Measurement.objects.get(target=self.target)
        self.assertEqual(measurement.on_date, date(2022, 3, 31))
        self.assertEqual(measurement.value, Decimal("32.5"))
        self.assertEqual(measurement.source, ValueSource.REPORT)

    def test_a_value_the_office_already_entered_refuses_the_submission_with_the_reason(self):
        record_value(
            self.target, 33, date(2022, 3, 31), user=self.office, source=ValueSource.OFFICE
        )
        report = self.make_report(self.x, target_values={str(self.target.pk): "32.5"})
        with self.assertRaisesMessage(TransitionError, "无需重复填报"):
            report.consolidate(self.xavier)
        report.refresh_from_db()
        self.assertEqual(report.state, ReportState.DRAFT)

    def test_macro_indicators_are_not_asked_of_units(self):
        self.target.metric.kind = MetricKind.MACRO
        self.target.metric.save()
        report = self.make_report(self.x)
        self.client.force_login(self.xavier)
        response = self.client.get(reverse("progress:report-edit", args=[report.pk]))
        self.assertNotContains(response, f'name="target_{self.target.pk}"')
