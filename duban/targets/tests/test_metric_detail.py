from django.urls import reverse

from duban.targets.tests.base import task_with_targets
from duban.targets.tests.views_base import TargetViewsTestCase


class MetricDetailTestCase(TargetViewsTestCase):
    def url(self):
        return reverse("targets:metric", args=[self.revenue.metric_id])

    def test_it_lists_the_targets_bound_to_the_metric_in_scope(self):
        self.client.force_login(self.charlie)
        r = self.client.get(self.url())
        self.assertContains(r, "一般公共预算收入增长 6%")
        self.assertContains(r, "一般公共预算收入增长 8%")

    def test_it_shows_no_targets_outside_the_scope(self):
        self.client.force_login(self.dave)
        r = self.client.get(self.url())
        self.assertNotContains(r, "一般公共预算收入增长 6%")

    def test_it_sends_anonymous_users_to_log_in(self):
        self.assertEqual(self.client.get(self.url()).status_code, 302)

    def test_it_is_404_for_a_logged_in_user_without_a_role(self):
        self.client.force_login(self.nobody)
        self.assertEqual(self.client.get(self.url()).status_code, 404)

    def test_it_is_404_for_a_metric_only_other_units_tasks_are_bound_to(self):
        firms = task_with_targets(
            self.annual,
            "新增高新技术企业 50 家。",
            [{"metric": "高新技术企业", "measure": "increase", "value": 50, "unit": "家"}],
            unit=self.caizheng,
        ).targets.get()
        self.client.force_login(self.dave)
        r = self.client.get(reverse("targets:metric", args=[firms.metric_id]))
        self.assertEqual(r.status_code, 404)
