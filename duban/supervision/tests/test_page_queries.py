"""Query-count baseline of 督办总览: it costs the same with N tasks and with 3N."""

from datetime import date

from django.urls import reverse

from duban.ledger.choices import AssignmentRole
from duban.lib.counts import Tally
from duban.supervision.choices import Tier
from duban.supervision.models import SupervisionNotice
from duban.supervision.refresh import refresh_all
from duban.testing import BaseTestCase, make_problem, make_tasks

# The page's fixed cost: the units of the page's tasks (责任单位) add one query to the 9 it
# cost before, whatever the number of rows. The plan, unit and leader filters list no options
# (a type-ahead asks for them; the plans were listed until QUERIES was 13), so they cost
# nothing until one is chosen. By severity the page
# walks the colours one after the other until it is full: with fewer rows than a page, one
# query per colour (five, was one sorted query); the colours are counted in one read of at
# most COUNT_CAP rows.
QUERIES = 12


class OverviewQueriesTestCase(BaseTestCase):
    def add_tasks(self, count: int) -> None:
        """Tasks with a status and an open problem each."""
        for task in make_tasks(self.section, count, [(self.fagai, AssignmentRole.LEAD)]):
            make_problem(task, self.fagai, self.bob)
        refresh_all()

    def test_the_overview_costs_the_same_with_three_times_the_tasks(self):
        # The plans without a reporting cycle, for the office's prompt, cost what a leader's
        # own official does.
        for user in (self.alice, self.lin):
            url = reverse("supervision:overview")
            response = self.assert_flat(user, url, self.add_tasks, QUERIES)
            listed = sum(n for _, _, n in response.context["counts"])
            assert listed == Tally(self.plan.tasks.count())


class ListQueriesTestCase(BaseTestCase):
    """督办单, problems and notifications: each list costs the same with N rows and with 3N."""

    def add_rows(self, count: int) -> None:
        """Tasks each with a 督办单 to 区发改局 and a problem it raised, which notify bob."""
        for task in make_tasks(self.section, count, [(self.fagai, AssignmentRole.LEAD)]):
            SupervisionNotice.issue(
                task=task,
                unit=self.fagai,
                tier=Tier.REMIND,
                reason="进度滞后",
                respond_by=date(2022, 4, 20),
                user=self.alice,
            )
            make_problem(task, self.fagai, self.bob)

    def assert_list_flat(self, user, name: str, queries: int) -> None:
        response = self.assert_flat(user, reverse(name), self.add_rows, queries)
        assert len(response.context["page"]) > 0

    # The session, the user, the profile, the page, its capped total and the header's unread
    # notifications; bob's page also reads his unit for the header.
    def test_the_supervision_notice_list(self):
        self.assert_list_flat(self.alice, "supervision:notices", 6)

    def test_the_problem_list(self):
        self.assert_list_flat(self.alice, "supervision:problems", 6)

    def test_the_notification_list(self):
        self.assert_list_flat(self.bob, "supervision:notifications", 7)
