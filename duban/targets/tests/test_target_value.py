from decimal import Decimal

from django.urls import reverse

from duban.targets.choices import ValueSource
from duban.targets.models import Measurement
from duban.targets.tests.base import make_task
from duban.targets.tests.views_base import TargetViewsTestCase


class TargetValueTestCase(TargetViewsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.firms = make_task(
            cls.annual,
            "新增高新技术企业 50 家。",
            [{"metric": "高新技术企业", "measure": "increase", "value": 50, "unit": "家"}],
            unit=cls.finance,
        ).targets.get()

    def url(self):
        return reverse("targets:target-value", args=[self.firms.pk])

    def post(self, value="20", on_date="2022-06-30"):
        return self.client.post(self.url(), {"value": value, "on_date": on_date})

    def test_a_unit_reports_a_value_for_its_task(self):
        self.client.force_login(self.bob)
        r = self.post()
        self.assertRedirects(r, self.firms.get_absolute_url())
        m = Measurement.objects.get()
        self.assertEqual(
            (m.target, m.value, m.source, m.reported_by),
            (self.firms, Decimal(20), ValueSource.REPORT, self.bob),
        )

    def test_the_office_enters_a_value(self):
        self.client.force_login(self.alice)
        self.post()
        self.assertEqual(Measurement.objects.get().source, ValueSource.OFFICE)

    def test_it_is_404_for_a_unit_without_the_task(self):
        self.client.force_login(self.charlie)
        self.assertEqual(self.post().status_code, 404)
        self.assertFalse(Measurement.objects.exists())

    def test_it_needs_a_post(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(self.url()).status_code, 405)

    def test_anonymous_users_go_to_log_in(self):
        self.assertEqual(self.post().status_code, 302)
        self.assertFalse(Measurement.objects.exists())

    def test_a_bad_value_is_refused_with_a_message(self):
        self.client.force_login(self.bob)
        r = self.client.post(self.url(), {"value": "很多", "on_date": "2022-06-30"}, follow=True)
        self.assertContains(r, "数值无效")
        self.assertFalse(Measurement.objects.exists())

    def test_a_unit_cannot_overwrite_the_offices_value_of_a_macro_indicator(self):
        self.client.force_login(self.alice)
        self.client.post(
            reverse("targets:target-value", args=[self.revenue.pk]),
            {"value": "5", "on_date": "2022-06-30"},
        )
        self.client.force_login(self.bob)
        r = self.client.post(
            reverse("targets:target-value", args=[self.revenue.pk]),
            {"value": "9", "on_date": "2022-06-30"},
            follow=True,
        )
        self.assertContains(r, "无需重复填报")
        self.assertEqual(Measurement.objects.get().value, Decimal(5))
