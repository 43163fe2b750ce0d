from datetime import date
from unittest import mock

from django.urls import reverse

from duban.lib.counts import Tally, group_counts
from duban.supervision.choices import Colour, ProblemState
from duban.supervision.models import Problem, TaskStatus
from duban.supervision.status import Verdict
from duban.testing import BaseTestCase, make_cycle, make_notice, make_plan, make_wang_task


class WangTaskTestCase(BaseTestCase):
    """The cast plus a task of wang's, which dave's unit leads."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.wang_task = make_wang_task(cls)


class OverviewTestCase(WangTaskTestCase):
    def setUp(self):
        TaskStatus(task=self.task).apply(Verdict(Colour.RED, ("2 期进度未报送",)))
        TaskStatus(task=self.other_task).apply(Verdict(Colour.GREEN, ("按计划推进",)))
        TaskStatus(task=self.wang_task).apply(Verdict(Colour.GREEN, ("按计划推进",)))
        self.client.force_login(self.alice)

    def test_it_counts_the_tasks_of_each_colour(self):
        response = self.client.get(reverse("supervision:overview"))
        counts = {value: n for value, _, n in response.context["counts"]}
        assert counts == {
            Colour.DONE: Tally(0),
            Colour.GREEN: Tally(2),
            Colour.YELLOW: Tally(0),
            Colour.RED: Tally(1),
            Colour.UNSCHEDULED: Tally(0),
        }

    def test_the_kept_tallies_count_exactly_past_the_cap_under_a_plan_leader_or_unit(self):
        def counts(**params):
            response = self.client.get(reverse("supervision:overview"), params)
            return {value: n for value, _, n in response.context["counts"]}

        with mock.patch.object(group_counts, "__defaults__", (1,)):
            assert counts()[Colour.GREEN] == Tally(2)
            assert counts(plan=self.plan.pk)[Colour.GREEN] == Tally(2)
            assert counts(leader=self.lin_official.pk)[Colour.GREEN] == Tally(1)
            assert counts(unit=self.jiaoyu.pk)[Colour.GREEN] == Tally(1)
            # A keyword matching the three tasks is counted up to the cap of one.
            assert not counts(q="。")[Colour.GREEN].exact

    def test_a_leader_counts_their_portfolio_from_their_kept_row(self):
        self.client.force_login(self.wang)
        counts = {
            v: n for v, _, n in self.client.get(reverse("supervision:overview")).context["counts"]
        }
        assert counts[Colour.GREEN] == Tally(1)
        assert counts[Colour.RED] == Tally(0)

    def test_it_prompts_the_office_to_schedule_the_plans_without_a_cycle(self):
        response = self.client.get(reverse("supervision:overview"))
        assert response.context["unscheduled_plans"] == [self.plan]
        schedule = f"{reverse('progress:cycle-list')}?plan={self.plan.pk}"
        self.assertContains(response, schedule)
        self.assertContains(response, "尚未安排进度报送周期")

    def test_a_plan_with_a_cycle_is_not_in_the_prompt(self):
        make_cycle(self.plan, date(2022, 3, 1))
        response = self.client.get(reverse("supervision:overview"))
        assert response.context["unscheduled_plans"] == []
        self.assertNotContains(response, "尚未安排进度报送周期")

    def test_a_leader_is_not_prompted_to_schedule_cycles(self):
        self.client.force_login(self.lin)
        response = self.client.get(reverse("supervision:overview"))
        assert response.context["unscheduled_plans"] == []

    def test_it_filters_by_colour(self):
        response = self.client.get(reverse("supervision:overview"), {"colour": Colour.RED})
        assert list(response.context["page"]) == [self.task]
        assert "2 期进度未报送" in response.content.decode()

    def test_it_filters_by_words_and_ignores_a_bad_colour(self):
        response = self.client.get(reverse("supervision:overview"), {"q": "学校", "colour": "pink"})
        assert list(response.context["page"]) == [self.wang_task]

    def test_the_counts_follow_the_leader_filter(self):
        response = self.client.get(
            reverse("supervision:overview"), {"leader": self.wang_official.pk}
        )
        counts = {value: n for value, _, n in response.context["counts"]}
        assert counts[Colour.GREEN] == Tally(1) and counts[Colour.RED] == Tally(0)

    def test_a_leader_sees_the_overview_of_their_own_portfolio(self):
        self.client.force_login(self.wang)
        response = self.client.get(reverse("supervision:overview"))
        assert list(response.context["page"]) == [self.wang_task]
        counts = {value: n for value, _, n in response.context["counts"]}
        assert counts[Colour.GREEN] == Tally(1) and counts[Colour.RED] == Tally(0)
        assert "leader" not in response.context["form"].fields

    def test_it_lists_the_most_urgent_tasks_first(self):
        self.other_task.supervision_status.apply(Verdict(Colour.YELLOW, ("1 期进度未报送",)))
        response = self.client.get(reverse("supervision:overview"))
        assert list(response.context["page"]) == [self.task, self.other_task, self.wang_task]

    def test_it_lists_in_printed_order_on_request(self):
        self.wang_task.supervision_status.apply(Verdict(Colour.RED, ("逾期",)))
        response = self.client.get(reverse("supervision:overview"), {"sort": "order"})
        assert list(response.context["page"]) == [self.task, self.other_task, self.wang_task]
        response = self.client.get(reverse("supervision:overview"))
        assert list(response.context["page"])[2] == self.other_task

    def test_it_filters_by_responsible_unit(self):
        response = self.client.get(reverse("supervision:overview"), {"unit": self.caizheng.pk})
        assert list(response.context["page"]) == [self.task, self.other_task]
        response = self.client.get(reverse("supervision:overview"), {"unit": self.jiaoyu.pk})
        assert list(response.context["page"]) == [self.wang_task]

    def test_a_leader_filters_by_the_units_of_their_portfolio_only(self):
        self.client.force_login(self.wang)
        response = self.client.get(reverse("supervision:overview"))
        assert list(response.context["form"].fields["unit"].queryset) == [self.jiaoyu]

    def test_a_leader_filters_by_the_plans_of_their_portfolio_only(self):
        elsewhere = make_plan(make_notice("测政办〔2023〕5号"))
        self.client.force_login(self.wang)
        response = self.client.get(reverse("supervision:overview"), {"plan": elsewhere.pk})
        assert list(response.context["form"].fields["plan"].queryset) == [self.plan]
        assert "plan" not in response.context["form"].filters()
        assert elsewhere.long_title not in response.content.decode()

    def test_each_row_names_its_units_and_the_plans_short_name(self):
        html = self.client.get(reverse("supervision:overview")).content.decode()
        start = html.index(f'data-task="{self.task.pk}"')
        row = html[start : html.index("</tr>", start)]
        assert all(unit.name in row for unit in (self.fagai, self.shangwu, self.caizheng))
        assert ">年度重点工作</td>" in row and self.plan.title not in row.split("title=")[0]


class PortfolioPanelTestCase(WangTaskTestCase):
    def setUp(self):
        TaskStatus(task=self.task).apply(Verdict(Colour.RED, ("2 期进度未报送",)))
        TaskStatus(task=self.other_task).apply(Verdict(Colour.YELLOW, ("进度滞后 12 个百分点",)))
        TaskStatus(task=self.wang_task).apply(Verdict(Colour.RED, ("已逾期",)))

    def test_a_leaders_page_shows_their_tasks_by_status_the_lagging_ones_and_problems_to_decide(
        self,
    ):
        Problem.objects.create(
            task=self.task,
            unit=self.fagai,
            title="征地指标不足",
            description="需区里统筹。",
            state=ProblemState.ESCALATED,
        )
        self.client.force_login(self.lin)
        response = self.client.get(self.lin_official.get_absolute_url())
        panel = response.context["lagging"]
        # Red first, then yellow; wang's task is not in lin's portfolio.
        assert [s.task for s in panel] == [self.task, self.other_task]
        counts = {value: n for value, _, n in response.context["counts"]}
        assert (counts[Colour.RED], counts[Colour.YELLOW]) == (1, 1)
        self.assertContains(response, "2 期进度未报送")
        self.assertContains(response, "征地指标不足")
        self.assertContains(response, f"{reverse('supervision:overview')}?colour=red")
