from django.urls import reverse

from duban.supervision.choices import ProblemState
from duban.supervision.models import Problem
from duban.testing import BaseTestCase


class ProblemViewsTestCase(BaseTestCase):
    def raise_problem(self):
        return Problem.raise_on(
            task=self.task, unit=self.caizheng, title="资金缺口", description="缺 500 万元"
        )

    def act(self, problem, action, text="已处理"):
        url = reverse("supervision:problem-action", args=[problem.pk, action])
        return self.client.post(url, {"text": text})

    def test_a_cooperating_unit_raises_a_problem_in_its_own_name(self):
        self.client.force_login(self.charlie)
        url = reverse("supervision:problem-raise", args=[self.task.pk])
        response = self.client.post(url, {"title": "用地指标不足", "description": "缺 30 亩"})
        problem = Problem.objects.get()
        self.assertRedirects(response, problem.get_absolute_url())
        assert (problem.unit, problem.raised_by) == (self.caizheng, self.charlie)

    def test_the_raise_form_refuses_blank_text(self):
        self.client.force_login(self.charlie)
        url = reverse("supervision:problem-raise", args=[self.task.pk])
        response = self.client.post(url, {"title": "  ", "description": "缺 30 亩"})
        assert response.status_code == 200
        assert Problem.objects.count() == 0

    def test_the_lead_unit_sees_its_actions_and_the_cooperating_unit_none(self):
        problem = self.raise_problem()
        self.client.force_login(self.bob)
        page = self.client.get(problem.get_absolute_url()).content.decode()
        assert "记录协调情况" in page and "提请区领导" in page
        self.client.force_login(self.charlie)
        page = self.client.get(problem.get_absolute_url()).content.decode()
        assert "记录协调情况" not in page

    def test_the_ladder_through_the_pages(self):
        problem = self.raise_problem()
        self.client.force_login(self.bob)
        self.act(problem, "coordinate", "召开协调会")
        self.act(problem, "escalate", "需区领导统筹")
        self.client.force_login(self.lin)
        response = self.act(problem, "instruct", "请区财政局月底前落实")
        self.assertRedirects(response, problem.get_absolute_url())
        problem.refresh_from_db()
        assert problem.state == ProblemState.INSTRUCTED
        assert problem.instructions.get().official == self.lin_official
        self.client.force_login(self.bob)
        self.act(problem, "resolve", "资金已落实")
        self.client.force_login(self.alice)
        self.act(problem, "close", "")
        problem.refresh_from_db()
        assert problem.state == ProblemState.CLOSED

    def test_an_action_in_the_wrong_state_shows_a_message_and_changes_nothing(self):
        problem = self.raise_problem()
        self.client.force_login(self.alice)
        response = self.act(problem, "close", "")
        problem.refresh_from_db()
        assert problem.state == ProblemState.RAISED
        response = self.client.get(response["Location"])
        assert "不能关闭" in response.content.decode()

    def test_the_list_shows_only_problems_in_scope(self):
        self.raise_problem()
        self.client.force_login(self.dave)
        response = self.client.get(reverse("supervision:problems"))
        assert "资金缺口" not in response.content.decode()
        self.client.force_login(self.lin)
        response = self.client.get(reverse("supervision:problems"))
        assert "资金缺口" in response.content.decode()
