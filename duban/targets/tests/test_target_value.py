from decimal import Decimal

from django.urls import reverse

from duban.targets.choices import ValueSource
from duban.targets.models import Measurement
from duban.targets.tests.base import task_with_targets
from duban.targets.tests.views_base import TargetViewsTestCase


class TargetValueTestCase(TargetViewsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.firms = task_with_targets(
            cls.annual,
            "新增高新技术企业 50 家。",
            [{"metric": "高新技术企业", "measure": "increase", "value": 50, "unit": "家"}],
            unit=cls.caizheng,
        ).targets.get()

    def url(self):
        return reverse("targets:target-value", args=[self.firms.pk])

    def post(self, value="20", on_date="2022-06-30"):
        return self.client.post(self.url(), {"value": value, "on_date": on_date})

    def test_a_unit_may_not_enter_a_value_directly(self):
        # Its values come with its consolidated report, reviewed by the office.
        self.client.force_login(self.charlie)
        self.assertEqual(self.post().status_code, 403)
        self.assertFalse(Measurement.objects.exists())

    def test_the_office_enters_a_value(self):
        self.client.force_login(self.alice)
        self.assertRedirects(self.post(), self.firms.get_absolute_url())
        m = Measurement.objects.get()
        self.assertEqual(
            (m.target, m.value, m.source, m.reported_by),
            (self.firms, Decimal(20), ValueSource.OFFICE, self.alice),
        )

    def test_a_unit_without_the_task_may_not_either(self):
        self.client.force_login(self.dave)
        self.assertEqual(self.post().status_code, 403)
        self.assertFalse(Measurement.objects.exists())

    def test_it_needs_a_post(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(self.url()).status_code, 405)

    def test_anonymous_users_go_to_log_in(self):
        self.assertEqual(self.post().status_code, 302)
        self.assertFalse(Measurement.objects.exists())

    def test_a_bad_value_is_refused_with_a_message(self):
        self.client.force_login(self.alice)
        r = self.client.post(self.url(), {"value": "很多", "on_date": "2022-06-30"}, follow=True)
        self.assertContains(r, "未保存：")
        self.assertFalse(Measurement.objects.exists())

    def test_a_negative_count_is_refused(self):
        self.client.force_login(self.alice)
        r = self.post(value="-5")
        self.assertContains(r, "数值不能为负数")
        self.assertFalse(Measurement.objects.exists())

    def test_a_value_far_off_the_path_is_saved_only_once_confirmed(self):
        self.client.force_login(self.alice)
        r = self.post(value="1000000000")
        self.assertContains(r, "是全年（全期）目标 50家 的 20000000.0 倍")
        self.assertContains(r, 'type="checkbox" name="confirm"')
        self.assertFalse(Measurement.objects.exists())
        data = {"value": "1000000000", "on_date": "2022-06-30", "confirm": "on"}
        self.assertRedirects(self.client.post(self.url(), data), self.firms.get_absolute_url())
        self.assertEqual(Measurement.objects.get().value, Decimal(1000000000))

    def test_a_growth_rate_far_off_the_target_asks_for_confirmation(self):
        self.client.force_login(self.alice)
        url = reverse("targets:target-value", args=[self.revenue.pk])
        r = self.client.post(url, {"value": "-99.9", "on_date": "2022-06-30"})
        self.assertContains(r, "与目标增长6%相差 105.9 个百分点")
        self.assertFalse(Measurement.objects.exists())

    def test_a_unit_cannot_write_a_macro_indicator_that_fills_other_tasks(self):
        self.client.force_login(self.charlie)
        r = self.client.post(
            reverse("targets:target-value", args=[self.revenue.pk]),
            {"value": "-99.9", "on_date": "2022-06-30"},
        )
        self.assertEqual(r.status_code, 403)
        self.assertFalse(Measurement.objects.exists())
