from django.urls import reverse

from duban.dashboards.tests.base import DashboardTestCase


class TrajectoryTestCase(DashboardTestCase):
    def test_a_targets_chart_holds_its_path_and_the_values_reported(self):
        self.client.force_login(self.alice)
        figure = self.client.get(reverse("dashboards:target-chart", args=[self.target.pk])).json()
        assert figure["categories"][5] == "2022-06"
        planned, reported = figure["series"]
        assert planned["data"][11]["value"] == 7.0
        assert reported["data"][5]["value"] == 5.0
        assert reported["data"][4]["value"] is None

    def test_the_target_page_draws_it_over_its_svg_fallback(self):
        self.client.force_login(self.alice)
        html = self.client.get(reverse("targets:target", args=[self.target.pk])).content.decode()
        assert reverse("dashboards:target-chart", args=[self.target.pk]) in html
        assert "data-chart-fallback" in html

    def test_a_metrics_chart_holds_its_values_and_each_targets_path(self):
        self.client.force_login(self.alice)
        url = reverse("dashboards:metric-chart", args=[self.target.metric_id])
        figure = self.client.get(url).json()
        assert [s["name"] for s in figure["series"]][0] == "实际数值"
        assert len(figure["series"]) == 2

    def test_a_unit_without_the_task_cannot_read_its_targets_chart(self):
        self.client.force_login(self.wuma_user)
        url = reverse("dashboards:target-chart", args=[self.target.pk])
        assert self.client.get(url).status_code == 404
