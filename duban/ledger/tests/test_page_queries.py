"""Query-count baselines of the ledger's pages: a page costs the same however many tasks it lists."""

from django.urls import reverse

from duban.ledger.choices import Role
from duban.supervision.facts import refresh_all
from duban.testing import BaseTestCase, make_task


class PageQueriesTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for i in range(8):
            units = [(cls.fagai, Role.LEAD), (cls.caizheng, Role.SUPPORT)]
            make_task(cls.section, f"x{i}", f"任务 {i}", units)
        refresh_all()

    def get(self, user, url, queries: int) -> None:
        self.client.force_login(user)
        with self.assertNumQueries(queries):
            assert self.client.get(url).status_code == 200

    def test_the_ledger_costs_a_fixed_number_of_queries(self):
        self.get(self.alice, reverse("ledger:tasks"), 12)

    def test_a_unit_page_costs_a_fixed_number_of_queries(self):
        self.get(self.alice, reverse("ledger:unit", args=[self.fagai.pk]), 13)

    def test_a_task_page_costs_a_fixed_number_of_queries(self):
        self.get(self.alice, reverse("ledger:task", args=[self.task.pk]), 28)
        self.get(self.bob, reverse("ledger:task", args=[self.task.pk]), 32)
