from datetime import date

from django.urls import reverse

from duban.targets.choices import ValueSource
from duban.targets.tests.views_base import TargetViewsTestCase
from duban.targets.values import record_value


class TargetDetailTestCase(TargetViewsTestCase):
    def url(self, target=None):
        return reverse("targets:target", args=[(target or self.revenue).pk])

    def test_it_sends_anonymous_users_to_log_in(self):
        self.assertEqual(self.client.get(self.url()).status_code, 302)

    def test_it_is_404_outside_the_users_scope(self):
        self.client.force_login(self.dave)
        self.assertEqual(self.client.get(self.url()).status_code, 404)

    def test_it_shows_values_chart_and_the_pace_of_the_five_year_target(self):
        record_value(
            self.revenue, "4.5", date(2022, 6, 30), user=self.alice, source=ValueSource.OFFICE
        )
        self.client.force_login(self.charlie)
        r = self.client.get(self.url())
        self.assertContains(r, "<svg")
        self.assertContains(r, "<circle")
        self.assertContains(r, "2022-06：4.5%")
        self.assertContains(r, "其余年份须年均增长8.51%")
        self.assertContains(r, "欠进度")
        # A macro indicator: only the office enters its values and records target changes.
        self.assertContains(r, "宏观指标由督查室录入或从统计数据导入")
        self.assertNotContains(r, reverse("targets:target-value", args=[self.revenue.pk]))
        self.assertNotContains(r, reverse("targets:target-revise", args=[self.revenue.pk]))

    def test_the_five_year_target_shows_its_compounded_path(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url(self.revenue_five))
        self.assertContains(r, "五年复合增长路径")
        self.assertContains(r, "1.4693")  # 1.08 ** 5
        self.assertContains(r, reverse("targets:target-revise", args=[self.revenue_five.pk]))
