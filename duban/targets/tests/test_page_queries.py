"""Query-count baseline of the metric list: it costs the same with N metrics and with 3N."""

from datetime import date

from django.urls import reverse

from duban.ledger.choices import AssignmentRole
from duban.targets.choices import MetricKind, ValueSource
from duban.targets.models import Metric
from duban.targets.values import record_metric_value
from duban.testing import BaseTestCase, make_target, make_task


class MetricListQueriesTestCase(BaseTestCase):
    def add_metrics(self, count: int) -> None:
        """Macro indicators each with two values, bound to a target of a task 区发改局 leads."""
        start = Metric.objects.filter(name__startswith="指标").count()
        for i in range(start, start + count):
            task = make_task(
                self.section, f"x{i}", f"任务 {i}", [(self.fagai, AssignmentRole.LEAD)]
            )
            metric = make_target(task, f"指标{i}").metric
            Metric.objects.filter(pk=metric.pk).update(kind=MetricKind.MACRO)
            for month in (3, 6):
                record_metric_value(
                    metric,
                    f"{i}.{month}",
                    date(2022, month, 30),
                    unit="%",
                    user=None,
                    source=ValueSource.IMPORT,
                )

    def assert_metrics_flat(self, user, queries: int) -> None:
        response = self.assert_flat(user, reverse("targets:metrics"), self.add_metrics, queries)
        added = [m for m in response.context["metrics"] if m.name.startswith("指标")]
        assert len(added) == Metric.objects.filter(name__startswith="指标").count()
        assert all(m.bound == 1 and m.latest_on == date(2022, 6, 30) for m in added)
        assert f"{len(added) - 1}.6%" in response.content.decode()

    # The session, the user, the profile, the header's notifications and the metrics with
    # their bound targets counted and their latest values, in one query; a unit's page also
    # reads its unit for the header.
    def test_the_metric_list_costs_the_office_the_same_with_three_times_the_metrics(self):
        self.assert_metrics_flat(self.alice, 5)

    def test_the_metric_list_costs_a_unit_the_same_with_three_times_the_metrics(self):
        self.assert_metrics_flat(self.bob, 6)
