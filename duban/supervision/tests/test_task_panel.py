from datetime import date

from django.urls import reverse

from duban.supervision.choices import Colour, Tier
from duban.supervision.models import Problem, SupervisionNotice, TaskStatus
from duban.supervision.status import Verdict
from duban.testing import BaseTestCase


class TaskPanelTestCase(BaseTestCase):
    def setUp(self):
        TaskStatus(task=self.task).apply(Verdict(Colour.YELLOW, ("1 期进度未报送",)))
        self.problem = Problem.raise_on(
            task=self.task, unit=self.caizheng, title="资金缺口", description="缺 500 万元"
        )
        SupervisionNotice.issue(
            task=self.task,
            unit=self.fagai,
            tier=Tier.WARN,
            reason="未报",
            respond_by=date(2099, 1, 1),
        )

    def page(self, user):
        self.client.force_login(user)
        response = self.client.get(reverse("ledger:task", args=[self.task.pk]))
        assert response.status_code == 200
        return response.content.decode()

    def test_it_shows_the_status_with_its_reasons_notices_problems_and_timeline(self):
        page = self.page(self.alice)
        assert "滞后" in page and "1 期进度未报送" in page
        assert "警示督办单" in page
        assert "资金缺口" in page
        assert "状态变化" in page and "提出问题" in page and "下发督办单" in page
        assert page.count('id="supervision"') == 1

    def test_the_office_may_issue_and_a_unit_may_raise(self):
        assert reverse("supervision:notice-issue", args=[self.task.pk]) in self.page(self.alice)
        page = self.page(self.charlie)
        assert reverse("supervision:problem-raise", args=[self.task.pk]) in page
        assert reverse("supervision:notice-issue", args=[self.task.pk]) not in page

    def test_a_cooperating_unit_does_not_see_the_lead_units_notice(self):
        assert "警示督办单" not in self.page(self.charlie)
