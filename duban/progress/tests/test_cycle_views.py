from datetime import date

from django.urls import reverse

from duban.audit.models import LogEntry
from duban.lib.keyset import PAGE_SIZE
from duban.progress.choices import CycleState, ReportState
from duban.progress.models import ReportingCycle
from duban.progress.tests.base import ProgressTestCase
from duban.testing import make_cycle, make_report


class CycleViewsTestCase(ProgressTestCase):
    def setUp(self):
        self.client.force_login(self.alice)

    def test_the_list_shows_cycles_and_the_generate_form(self):
        response = self.client.get(reverse("progress:cycle-list"))
        self.assertContains(response, "2022年3月")
        self.assertContains(response, "生成报送周期")

    def test_each_cycle_counts_its_reports_and_those_awaiting_review(self):
        make_report(self.task, self.fagai, self.cycle, state=ReportState.SUBMITTED)
        make_report(self.task, self.caizheng, self.cycle, state=ReportState.SUBMITTED)
        april = make_cycle(self.plan, date(2022, 4, 1))
        make_report(self.task, self.fagai, april)
        rows = {c.name: (c.report_count, c.awaiting_count) for c in self.list_page()}
        self.assertEqual(rows, {"2022年3月": (2, 1), "2022年4月": (1, 0)})

    def test_the_list_pages_the_cycles_in_their_order(self):
        for month in range(PAGE_SIZE + 4):
            make_cycle(self.plan, date(2030 + month // 12, month % 12 + 1, 1))
        first = self.list_page()
        self.assertEqual((len(first), first.object_list[0].name), (PAGE_SIZE, "2022年3月"))
        second = self.list_page(after=first.next_cursor)
        self.assertEqual([c.name for c in second][-1], "2034年6月")
        self.assertEqual(len(first) + len(second), PAGE_SIZE + 5)
        self.assertFalse(second.has_next)

    def test_a_refused_generation_lists_the_cycles_with_their_counts(self):
        make_report(self.task, self.fagai, self.cycle)
        data = {"plan": self.plan.pk, "kind": "custom", "year": 2022, "due_day": 5}
        response = self.client.post(reverse("progress:cycle-generate"), data)
        self.assertContains(response, "自定义周期需要填写")
        self.assertEqual([c.report_count for c in response.context["page"]], [1])

    def list_page(self, **params):
        return self.client.get(reverse("progress:cycle-list"), params).context["page"]

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
