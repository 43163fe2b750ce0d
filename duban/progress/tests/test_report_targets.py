from datetime import date
from decimal import Decimal

from django.urls import reverse

from duban.lib.transitions import TransitionError
from duban.progress.choices import ReportState
from duban.progress.tests.base import ProgressTestCase
from duban.targets.choices import Measure, MetricKind, Pace, ValueSource
from duban.targets.models import Measurement, Metric, Target
from duban.targets.pacing import status_of, values_in_effect
from duban.targets.values import record_value
from duban.testing import make_report


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
        report = make_report(self.task, self.fagai, self.cycle)
        self.client.force_login(self.bob)
        response = self.client.get(reverse("progress:report-edit", args=[report.pk]))
        self.assertContains(response, f'name="target_{self.target.pk}"')
        self.assertContains(response, "完成投资（亿元）")

    def test_a_cooperating_units_part_does_not(self):
        part = make_report(self.task, self.caizheng, self.cycle)
        self.client.force_login(self.charlie)
        response = self.client.get(reverse("progress:report-edit", args=[part.pk]))
        self.assertNotContains(response, f'name="target_{self.target.pk}"')

    def test_a_refused_stale_save_compares_the_target_values_too(self):
        report = make_report(self.task, self.fagai, self.cycle)
        self.client.force_login(self.bob)
        url = reverse("progress:report-edit", args=[report.pk])
        data = {"progress": report.progress, "version": 1, "save": "1"}
        self.client.post(url, {**data, f"target_{self.target.pk}": "30"})
        response = self.client.post(url, {**data, f"target_{self.target.pk}": "32.5"})
        page = response.content.decode()
        stale = page[page.index('id="stale"') : page.index('name="version"')]
        self.assertIn("完成投资（亿元）", stale)
        self.assertIn("30", stale)
        self.assertIn("32.5", stale)
        self.assertNotIn("完成情况", stale)

    def submit(self, value, **extra):
        """bob submits the consolidated report with `value` for 完成投资."""
        report = make_report(self.task, self.fagai, self.cycle)
        self.client.force_login(self.bob)
        data = {"progress": "一季度完成投资32亿元", "version": 1, "submit": "1", **extra}
        data[f"target_{self.target.pk}"] = value
        response = self.client.post(reverse("progress:report-edit", args=[report.pk]), data)
        report.refresh_from_db()
        return report, response

    def test_consolidating_records_no_value_before_the_office_accepts_the_report(self):
        report, _ = self.submit("32.5")
        self.assertEqual(report.state, ReportState.SUBMITTED)
        self.assertEqual(report.target_values, {str(self.target.pk): "32.5"})
        self.assertFalse(Measurement.objects.exists())

    def test_accepting_records_the_values_as_of_the_cycles_last_day_with_the_report(self):
        report, _ = self.submit("32.5")
        report.accept(self.alice)
        measurement = Measurement.objects.get(target=self.target)
        self.assertEqual(measurement.on_date, date(2022, 3, 31))
        self.assertEqual(measurement.value, Decimal("32.5"))
        self.assertEqual(measurement.source, ValueSource.REPORT)
        self.assertEqual((measurement.report, measurement.reported_by), (report, self.bob))

    def test_an_accepted_reports_values_count_from_its_acceptance_not_the_cycles_end(self):
        report, _ = self.submit("32.5")
        with self.settings(DUBAN_TODAY=date(2022, 4, 12)):
            report.accept(self.alice)
        measurement = Measurement.objects.get(target=self.target)
        self.assertEqual(measurement.counts_from, date(2022, 4, 12))
        # A status judged between the end of March and the acceptance did not know the value.
        self.assertEqual(status_of(self.target, date(2022, 4, 11)).pace, Pace.NO_DATA)
        values = values_in_effect([self.target])[self.target.pk]
        self.assertIsNone(status_of(self.target, date(2022, 4, 11), values).value)
        for measurements in (None, values):
            status = status_of(self.target, date(2022, 4, 12), measurements)
            self.assertEqual(
                (status.value, status.measured_on), (Decimal("32.5"), date(2022, 3, 31))
            )

    def test_a_value_the_office_enters_counts_from_its_own_date(self):
        record_value(self.target, 30, date(2022, 3, 31), user=self.alice, source=ValueSource.OFFICE)
        self.assertEqual(status_of(self.target, date(2022, 3, 31)).value, Decimal(30))

    def test_a_returned_report_records_nothing(self):
        report, _ = self.submit("32.5")
        report.return_for_changes(self.alice, "请核实投资额")
        self.assertFalse(Measurement.objects.exists())

    def test_a_negative_value_is_refused_on_the_form(self):
        report, response = self.submit("-5")
        self.assertContains(response, "数值不能为负数")
        self.assertEqual((report.state, report.target_values), (ReportState.DRAFT, {}))

    def test_a_value_far_off_the_path_is_submitted_only_once_confirmed(self):
        report, response = self.submit("1000000000")
        self.assertContains(response, "是全年（全期）目标 120亿元 的")
        self.assertContains(response, 'type="checkbox" name="confirm"')
        self.assertEqual(report.state, ReportState.DRAFT)
        report.delete()
        report, _ = self.submit("1000000000", confirm="on")
        self.assertEqual(report.state, ReportState.SUBMITTED)

    def test_the_office_sees_a_far_off_value_flagged_when_reviewing(self):
        report, _ = self.submit("1000000000", confirm="on")
        self.client.force_login(self.alice)
        response = self.client.get(report.get_absolute_url())
        self.assertContains(response, "偏离")
        self.assertContains(response, "督查室审核通过后记录")

    def test_an_impossible_value_stored_in_a_draft_is_refused_at_consolidation(self):
        report = make_report(
            self.task, self.fagai, self.cycle, target_values={str(self.target.pk): "-5"}
        )
        with self.assertRaisesMessage(TransitionError, "数值不能为负数"):
            report.consolidate(self.bob)
        report.refresh_from_db()
        self.assertEqual(report.state, ReportState.DRAFT)

    def test_a_value_the_office_already_entered_refuses_the_submission_with_the_reason(self):
        record_value(self.target, 33, date(2022, 3, 31), user=self.alice, source=ValueSource.OFFICE)
        report = make_report(
            self.task, self.fagai, self.cycle, target_values={str(self.target.pk): "32.5"}
        )
        with self.assertRaisesMessage(TransitionError, "无需重复填报"):
            report.consolidate(self.bob)
        report.refresh_from_db()
        self.assertEqual(report.state, ReportState.DRAFT)

    def test_macro_indicators_are_not_asked_of_units(self):
        self.target.metric.kind = MetricKind.MACRO
        self.target.metric.save()
        report = make_report(self.task, self.fagai, self.cycle)
        self.client.force_login(self.bob)
        response = self.client.get(reverse("progress:report-edit", args=[report.pk]))
        self.assertNotContains(response, f'name="target_{self.target.pk}"')

    def test_the_office_cannot_accept_a_report_sent_with_an_impossible_value(self):
        # Sent before the checks existed: the value sits in the submitted report.
        report = make_report(
            self.task,
            self.fagai,
            self.cycle,
            target_values={str(self.target.pk): "-5"},
            state=ReportState.SUBMITTED,
        )
        self.client.force_login(self.alice)
        url = reverse("progress:report-review", args=[report.pk])
        response = self.client.post(url, {"decision": "accept"}, follow=True)
        self.assertContains(response, "数值不能为负数，请退回修改。")
        report.refresh_from_db()
        self.assertEqual(report.state, ReportState.SUBMITTED)
        self.assertFalse(Measurement.objects.exists())
