from django.urls import reverse

from duban.targets.tests.views_base import TargetViewsTestCase


class MetricDetailTestCase(TargetViewsTestCase):
    def url(self):
        return reverse("targets:metric", args=[self.revenue.metric_id])

    def test_it_lists_the_targets_bound_to_the_metric_in_scope(self):
        self.client.force_login(self.bob)
        r = self.client.get(self.url())
        self.assertContains(r, "一般公共预算收入增长 6%")
        self.assertContains(r, "一般公共预算收入增长 8%")

    def test_it_shows_no_targets_outside_the_scope(self):
        self.client.force_login(self.charlie)
        r = self.client.get(self.url())
        self.assertNotContains(r, "一般公共预算收入增长 6%")

    def test_it_sends_anonymous_users_to_log_in(self):
        self.assertEqual(self.client.get(self.url()).status_code, 302)
