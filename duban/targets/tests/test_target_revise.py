from decimal import Decimal

from django.urls import reverse

from duban.targets.models import TargetRevision
from duban.targets.tests.views_base import TargetViewsTestCase

CHANGE = {
    "new_value": "5",
    "reason": "受减税降费影响",
    "document": "某政办〔2022〕20号",
    "effective_on": "2022-08-01",
}


class TargetReviseTestCase(TargetViewsTestCase):
    def url(self):
        return reverse("targets:target-revise", args=[self.revenue.pk])

    def test_the_office_records_a_change(self):
        self.client.force_login(self.alice)
        self.assertContains(self.client.get(self.url()), "登记任务调整")
        r = self.client.post(self.url(), CHANGE)
        self.assertRedirects(r, self.revenue.get_absolute_url())
        revision = TargetRevision.objects.get()
        self.assertEqual(
            (revision.old_value, revision.new_value, revision.user),
            (Decimal(6), Decimal(5), self.alice),
        )
        self.revenue.refresh_from_db()
        self.assertEqual(self.revenue.value, Decimal(6))

    def test_a_change_to_the_same_value_is_refused(self):
        self.client.force_login(self.alice)
        r = self.client.post(self.url(), {**CHANGE, "new_value": "6"})
        self.assertContains(r, "新目标值与生效日的目标值相同")
        self.assertFalse(TargetRevision.objects.exists())

    def test_units_may_not_change_targets(self):
        self.client.force_login(self.charlie)
        self.assertEqual(self.client.post(self.url(), CHANGE).status_code, 403)
        self.assertFalse(TargetRevision.objects.exists())

    def test_anonymous_users_go_to_log_in(self):
        self.assertEqual(self.client.post(self.url(), CHANGE).status_code, 302)
        self.assertFalse(TargetRevision.objects.exists())
