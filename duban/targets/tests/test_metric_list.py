from datetime import date

from django.urls import reverse

from duban.targets.choices import ValueSource
from duban.targets.tests.views_base import TargetViewsTestCase
from duban.targets.values import record_metric_value


class MetricListTestCase(TargetViewsTestCase):
    def test_it_lists_macro_indicators_with_their_latest_value(self):
        metric = self.revenue.metric
        for month, value in ((3, "4.1"), (6, "4.9")):
            record_metric_value(
                metric, value, date(2022, month, 30), unit="%", user=None, source=ValueSource.IMPORT
            )
        self.client.force_login(self.charlie)
        r = self.client.get(reverse("targets:metrics"))
        self.assertContains(r, "地区生产总值")
        self.assertContains(r, "4.9%")
        self.assertNotContains(r, "4.1%")
        self.assertNotContains(r, reverse("targets:import-values"))

    def test_the_office_gets_the_import_link(self):
        self.client.force_login(self.alice)
        self.assertContains(
            self.client.get(reverse("targets:metrics")), reverse("targets:import-values")
        )

    def test_it_sends_anonymous_users_to_log_in(self):
        self.assertEqual(self.client.get(reverse("targets:metrics")).status_code, 302)

    def test_a_logged_in_user_without_a_role_sees_no_metric(self):
        record_metric_value(
            self.revenue.metric,
            "4.9",
            date(2022, 6, 30),
            unit="%",
            user=None,
            source=ValueSource.IMPORT,
        )
        self.client.force_login(self.nobody)
        r = self.client.get(reverse("targets:metrics"))
        self.assertNotContains(r, "地区生产总值")
        self.assertNotContains(r, "4.9%")
