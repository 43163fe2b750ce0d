from datetime import date
from decimal import Decimal

from duban.progress.choices import CycleKind, CycleState, ReportKind, ReportState
from duban.progress.models import Report, ReportingCycle
from duban.supervision.quality import flags_for_report, flags_for_reports
from duban.targets.choices import Comparator, Measure, TargetPeriod, ValueSource
from duban.targets.models import Measurement, Metric, Target
from duban.testing import BaseTestCase


class FlagsForReportTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.cycles = [
            ReportingCycle.objects.create(
                plan=cls.plan,
                kind=CycleKind.QUARTERLY,
                name=f"第{q}季度",
                period_start=date(2022, q * 3 - 2, 1),
                period_end=date(2022, q * 3, 28),
                due_on=date(2022, q * 3 + 1, 5),
                state=CycleState.OPEN,
            )
            for q in (1, 2)
        ]

    def report(
        self, quarter, text, percent=None, state=ReportState.SUBMITTED, task=None, unit=None
    ):
        return Report.objects.create(
            task=task or self.task,
            unit=unit or self.fagai,
            cycle=self.cycles[quarter - 1],
            kind=ReportKind.CONSOLIDATED,
            progress=text,
            percent_complete=percent,
            state=state,
        )

    def test_it_flags_a_copy_of_the_units_previous_report(self):
        self.report(1, "完成征地 120 亩，启动二期招标。")
        second = self.report(2, "完成征地120亩，启动二期招标")
        assert flags_for_report(second) == ["与本单位上期报告内容相同或几乎相同"]

    def test_a_page_compares_each_report_only_with_its_own_units_report_on_its_task(self):
        self.report(1, "完成征地 120 亩，启动二期招标。", unit=self.caizheng)
        self.report(1, "落实专项资金 3000 万元。", task=self.other_task)
        page = [
            self.report(2, "完成征地 120 亩，启动二期招标。"),
            self.report(2, "落实专项资金 3000 万元。", task=self.other_task, unit=self.caizheng),
        ]
        assert flags_for_reports(page) == {page[0].pk: [], page[1].pk: []}

    def test_it_ignores_a_previous_draft(self):
        self.report(1, "完成征地 120 亩，启动二期招标。", state=ReportState.DRAFT)
        assert flags_for_report(self.report(2, "完成征地 120 亩，启动二期招标。")) == []

    def test_it_flags_boilerplate(self):
        assert flags_for_report(self.report(1, "各项工作稳步推进。"))[0].startswith("内容空泛")

    def firms_target(self) -> Target:
        return Target.objects.create(
            task=self.task,
            metric=Metric.objects.get_or_create(name="高新技术企业")[0],
            metric_text="新增高新技术企业",
            measure=Measure.INCREASE,
            comparator=Comparator.GE,
            value=Decimal(50),
            unit="家",
            period=TargetPeriod.ANNUAL,
        )

    def test_it_flags_a_full_completion_that_the_reports_own_value_contradicts(self):
        target = self.firms_target()
        report = self.report(2, "已认定高新技术企业 38 家。", percent=100)
        report.target_values = {str(target.pk): "38"}
        assert flags_for_report(report) == [
            "报告完成 100%，但指标“新增高新技术企业”实际 38，未达目标 50"
        ]

    def test_it_flags_a_value_far_off_the_targets_path(self):
        target = self.firms_target()
        report = self.report(2, "已认定高新技术企业 999 家。")
        report.target_values = {str(target.pk): "999"}
        assert flags_for_report(report) == [
            "指标数值偏离序时进度：“新增高新技术企业”999家：是全年（全期）目标 50家 的 20.0 倍"
        ]

    def test_it_flags_a_full_completion_that_a_target_value_contradicts(self):
        metric = Metric.objects.create(name="高新技术企业")
        target = Target.objects.create(
            task=self.task,
            metric=metric,
            metric_text="新增高新技术企业",
            measure=Measure.INCREASE,
            comparator=Comparator.GE,
            value=Decimal(50),
            unit="家",
            period=TargetPeriod.ANNUAL,
        )
        Measurement.objects.create(
            target=target,
            on_date=date(2022, 6, 28),
            value=Decimal(38),
            unit="家",
            source=ValueSource.OFFICE,
        )
        flags = flags_for_report(self.report(2, "已认定高新技术企业 38 家。", percent=100))
        assert flags == ["报告完成 100%，但指标“新增高新技术企业”实际 38，未达目标 50"]
