from django.urls import reverse

from duban.audit.models import LogEntry
from duban.progress.choices import CycleState
from duban.progress.models import ReportingCycle
from duban.progress.tests.base import ProgressTestCase


class CycleViewsTestCase(ProgressTestCase):
    def setUp(self):
        self.client.force_login(self.alice)

    def test_the_list_shows_cycles_and_the_generate_form(self):
        response = self.client.get(reverse("progress:cycle-list"))
        self.assertContains(response, "2022年3月")
        self.assertContains(response, "生成报送周期")

    def test_the_office_generates_a_years_quarterly_cycles(self):
        data = {"plan": self.plan.pk, "kind": "quarterly", "year": 2022, "due_day": 10}
        response = self.client.post(reverse("progress:cycle-generate"), data)
        self.assertRedirects(response, reverse("progress:cycle-list"))
        names = list(ReportingCycle.objects.filter(kind="quarterly").values_list("name", flat=True))
        self.assertEqual(len(names), 4)
        self.assertIn("2022年第一季度", names)

    def test_the_office_generates_a_custom_cycle(self):
        data = {
            "plan": self.plan.pk,
            "kind": "custom",
            "year": 2022,
            "due_day": 5,
            "name": "半年总结",
            "period_start": "2022-01-01",
            "period_end": "2022-06-30",
            "due_on": "2022-07-10",
        }
        self.client.post(reverse("progress:cycle-generate"), data)
        cycle = ReportingCycle.objects.get(kind="custom")
        self.assertEqual((cycle.name, str(cycle.due_on)), ("半年总结", "2022-07-10"))

    def test_a_custom_cycle_needs_its_dates(self):
        data = {"plan": self.plan.pk, "kind": "custom", "year": 2022, "due_day": 5}
        response = self.client.post(reverse("progress:cycle-generate"), data)
        self.assertContains(response, "自定义周期需要填写")
        self.assertFalse(ReportingCycle.objects.filter(kind="custom").exists())

    def test_the_office_locks_and_the_second_lock_explains(self):
        url = reverse("progress:cycle-lock", args=[self.cycle.pk])
        self.client.post(url)
        self.cycle.refresh_from_db()
        self.assertEqual(self.cycle.state, CycleState.LOCKED)
        response = self.client.post(url, follow=True)
        self.assertContains(response, "已锁定")
        self.assertEqual(LogEntry.objects.filter(action="progress.cycle.locked").count(), 1)
