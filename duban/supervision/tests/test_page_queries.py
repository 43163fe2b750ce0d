"""Query-count baseline of 督办总览: it costs the same however many tasks it lists."""

from django.urls import reverse

from duban.ledger.choices import Role
from duban.supervision.facts import refresh_all
from duban.testing import BaseTestCase, make_task


class OverviewQueriesTestCase(BaseTestCase):
    def test_the_overview_costs_a_fixed_number_of_queries(self):
        for i in range(8):
            make_task(self.section, f"x{i}", f"任务 {i}", [(self.fagai, Role.LEAD)])
        refresh_all()
        self.client.force_login(self.alice)
        with self.assertNumQueries(9):
            response = self.client.get(reverse("supervision:overview"))
        assert response.context["page"].paginator.count == 10
