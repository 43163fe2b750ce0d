from django.urls import reverse

from duban.dashboards.tests.base import TODAY, DashboardTestCase
from duban.dashboards.tests.counting import direct_count, linked_numbers, list_count


class OverviewTestCase(DashboardTestCase):
    def assert_numbers_match(self, user, url):
        self.client.force_login(user)
        html = self.client.get(url).content.decode()
        numbers = linked_numbers(html)
        assert len(numbers) > 20
        for href, shown in numbers:
            assert shown == direct_count(href, TODAY), href
            listed = list_count(self.client.get(href).content.decode())
            assert shown == listed, href

    def test_every_number_on_the_office_overview_is_the_database_count_and_its_lists(self):
        self.assert_numbers_match(self.alice, reverse("dashboards:overview"))

    def test_every_number_on_a_leaders_overview_is_the_database_count_and_its_lists(self):
        self.assert_numbers_match(self.lin, reverse("dashboards:overview"))
        url = reverse("dashboards:leader", args=[self.wang_official.pk])
        self.assert_numbers_match(self.alice, url)

    def test_a_leader_sees_only_their_portfolio(self):
        self.client.force_login(self.wang)
        response = self.client.get(reverse("dashboards:overview"))
        assert response.status_code == 200
        figures = [figure for figure, _ in response.context["charts"]]
        assert "by-leader" not in [f["id"] for f in figures]
        units = next(f for f in figures if f["id"] == "by-unit")["categories"]
        assert set(units) == {"南汇街道", "区发改局"}

    def test_a_leader_cannot_open_another_leaders_overview(self):
        self.client.force_login(self.wang)
        url = reverse("dashboards:leader", args=[self.lin_official.pk])
        assert self.client.get(url).status_code == 404

    def test_a_unit_liaison_is_refused_the_overview(self):
        self.client.force_login(self.bob)
        assert self.client.get(reverse("dashboards:overview")).status_code == 403
        chart = reverse("dashboards:chart", args=["totals"])
        assert self.client.get(chart).status_code == 403

    def test_anonymous_users_are_sent_to_log_in(self):
        response = self.client.get(reverse("dashboards:overview"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))

    def test_each_chart_serves_the_numbers_the_page_prints(self):
        self.client.force_login(self.alice)
        page = self.client.get(reverse("dashboards:overview"))
        for figure, url in page.context["charts"]:
            assert self.client.get(url).json() == figure

    def test_an_unknown_chart_is_not_found(self):
        self.client.force_login(self.alice)
        assert self.client.get(reverse("dashboards:chart", args=["pie"])).status_code == 404
        self.client.force_login(self.lin)
        url = reverse("dashboards:leader-chart", args=[self.lin_official.pk, "by-leader"])
        assert self.client.get(url).status_code == 404
