from duban.ledger.choices import AssignmentRole, PlanKind
from duban.testing import BaseTestCase, make_plan, make_section, make_task


class OfficialDetailTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.five_year = make_plan(cls.notice, PlanKind.FIVE_YEAR, "1", title="今后五年重点工作")
        section = make_section(cls.five_year, [cls.lin_official])
        cls.five_year_task = make_task(
            section, "1", "地区生产总值年均增长 7%。", [(cls.fagai, AssignmentRole.LEAD)]
        )
        cls.wang_task = make_task(
            make_section(cls.five_year, [cls.wang_official], position=1),
            "2",
            "一般公共预算收入年均增长 8%。",
            [(cls.caizheng, AssignmentRole.LEAD)],
        )

    def setUp(self):
        self.url = self.lin_official.get_absolute_url()

    def test_it_groups_the_portfolio_by_plan_with_counts(self):
        self.client.force_login(self.lin)
        response = self.client.get(self.url)
        assert response.status_code == 200
        plans = {group.plan: group.tasks for group in response.context["groups"]}
        assert plans == {
            self.plan: [self.task, self.other_task],
            self.five_year: [self.five_year_task],
        }
        assert response.context["total"] == 3
        self.assertNotContains(response, self.wang_task.text)

    def test_the_office_sees_any_leader(self):
        self.client.force_login(self.alice)
        assert self.client.get(self.wang_official.get_absolute_url()).status_code == 200

    def test_another_leader_gets_404(self):
        self.client.force_login(self.wang)
        assert self.client.get(self.url).status_code == 404

    def test_a_unit_liaison_gets_404(self):
        self.client.force_login(self.bob)
        assert self.client.get(self.url).status_code == 404

    def test_it_requires_login(self):
        assert self.client.get(self.url).status_code == 302
