from datetime import date

from django.urls import reverse

from duban.targets.choices import ValueSource
from duban.targets.tests.base import task_with_targets
from duban.targets.tests.views_base import TargetViewsTestCase
from duban.targets.values import record_metric_value
from duban.testing import growth


class TaskPanelTestCase(TargetViewsTestCase):
    def test_the_task_page_shows_the_targets_with_pace_and_warning(self):
        record_metric_value(
            self.revenue.metric,
            "6.3",
            date(2022, 6, 30),
            unit="%",
            user=None,
            source=ValueSource.IMPORT,
        )
        self.client.force_login(self.charlie)
        r = self.client.get(reverse("ledger:task", args=[self.revenue.task_id]))
        self.assertContains(r, "量化指标")
        self.assertContains(r, self.revenue.get_absolute_url())
        self.assertContains(r, "6.3%")
        self.assertContains(r, "达进度")
        self.assertContains(r, "其余年份须年均增长8.51%")

    def test_two_tasks_bound_to_gdp_both_show_the_imported_value(self):
        five = task_with_targets(
            self.five_year,
            "地区生产总值年均增长 7%。",
            [growth("地区生产总值", 7, "=", "annual_average")],
        )
        annual = task_with_targets(
            self.annual, "地区生产总值增长 7%以上。", [growth("地区生产总值", 7, ">=")]
        )
        record_metric_value(
            annual.targets.get().metric,
            "5.8",
            date(2022, 6, 30),
            unit="%",
            user=None,
            source=ValueSource.IMPORT,
        )
        self.client.force_login(self.alice)
        for task in (five, annual):
            r = self.client.get(reverse("ledger:task", args=[task.pk]))
            self.assertContains(r, "5.8%")
            self.assertContains(r, "截至2022年6月")

    def test_a_task_without_targets_has_no_panel(self):
        task = task_with_targets(self.annual, "推进数字化改革。")
        self.client.force_login(self.alice)
        self.assertNotContains(self.client.get(reverse("ledger:task", args=[task.pk])), "量化指标")
