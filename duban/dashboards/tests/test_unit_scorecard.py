from django.urls import reverse

from duban.dashboards.tests.base import TODAY, DashboardTestCase
from duban.dashboards.tests.counting import direct_count, linked_numbers, list_count


class UnitScorecardTestCase(DashboardTestCase):
    def test_a_unit_reads_its_own_scorecard(self):
        self.client.force_login(self.wuma_user)
        response = self.client.get(reverse("dashboards:unit", args=[self.wuma.pk]))
        assert response.status_code == 200
        html = response.content.decode()
        assert "被退回的报告</dt><dd>1 次" in html
        assert "街道共 2 个：红黄任务数排第 1" in html

    def test_its_task_counts_are_the_databases_and_its_lists(self):
        self.client.force_login(self.alice)
        html = self.client.get(reverse("dashboards:unit", args=[self.fagai.pk])).content.decode()
        numbers = linked_numbers(html)
        # Red, yellow, unscheduled, green, done.
        assert [n for _, n in numbers] == [1, 0, 0, 1, 1]
        for href, shown in numbers:
            assert shown == direct_count(href, TODAY)
            assert shown == list_count(self.client.get(href).content.decode())

    def test_late_answers_to_notices_are_counted(self):
        self.client.force_login(self.alice)
        html = self.client.get(reverse("dashboards:unit", args=[self.nanhui.pk])).content.decode()
        assert "收到督办单</dt><dd>1 份，其中逾期反馈 1 份，逾期未反馈 0 份" in html

    def test_a_notice_past_its_deadline_without_an_answer_is_counted(self):
        self.client.force_login(self.alice)
        html = self.client.get(reverse("dashboards:unit", args=[self.fagai.pk])).content.decode()
        assert "收到督办单</dt><dd>1 份，其中逾期反馈 0 份，逾期未反馈 1 份" in html

    def test_the_on_time_chart_serves_each_cycle(self):
        self.client.force_login(self.alice)
        url = reverse("dashboards:unit-chart", args=[self.fagai.pk, "on-time"])
        counts = self.client.get(url).json()["counts"]
        # 区发改局 consolidates task 1, task 3 (by remark), the unrated task and project 2.
        assert [(c["expected"], c["delivered"], c["on_time"]) for c in counts] == [
            (4, 1, 1),
            (4, 1, 0),
        ]

    def test_another_units_scorecard_is_not_found(self):
        self.client.force_login(self.wuma_user)
        assert self.client.get(reverse("dashboards:unit", args=[self.nanhui.pk])).status_code == 404
        url = reverse("dashboards:unit-chart", args=[self.nanhui.pk, "status"])
        assert self.client.get(url).status_code == 404

    def test_a_leader_opens_the_scorecards_of_units_in_their_portfolio_only(self):
        self.client.force_login(self.wang)
        assert self.client.get(reverse("dashboards:unit", args=[self.nanhui.pk])).status_code == 200
        assert self.client.get(reverse("dashboards:unit", args=[self.wuma.pk])).status_code == 404
