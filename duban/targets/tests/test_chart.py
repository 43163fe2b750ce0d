from datetime import date

from duban.targets.chart import HEIGHT, trajectory
from duban.targets.choices import ValueSource
from duban.targets.tests.base import TargetsTestCase, task_with_targets
from duban.targets.values import record_value
from duban.testing import growth

FIRMS = {"metric": "高新技术企业", "measure": "increase", "value": 120, "unit": "家"}


class TrajectoryTestCase(TargetsTestCase):
    def test_an_annual_quantity_rises_month_by_month_to_the_target(self):
        target = task_with_targets(self.annual, "…", [FIRMS]).targets.get()
        record_value(target, 50, date(2022, 6, 30), user=self.alice, source=ValueSource.OFFICE)
        chart = trajectory(target, date(2022, 7, 1))
        points = [tuple(map(float, p.split(","))) for p in chart.planned.split()]
        self.assertEqual(len(points), 12)
        # SVG y grows downwards: each month's due amount sits higher than the last.
        self.assertTrue(all(a[1] > b[1] for a, b in zip(points, points[1:], strict=False)))
        self.assertEqual([t["label"] for t in chart.x_ticks][:2], ["1月", "2月"])
        self.assertEqual(chart.dots[0]["title"], "2022-06：50家")
        self.assertTrue(0 < chart.dots[0]["y"] < HEIGHT)

    def test_a_five_year_rate_spans_the_plan_years(self):
        target = task_with_targets(
            self.five_year, "…", [{**growth("地区生产总值", 7), "period": "annual_average"}]
        ).targets.get()
        chart = trajectory(target, date(2022, 7, 1))
        self.assertEqual(len(chart.planned.split()), 60)
        self.assertEqual([t["label"] for t in chart.x_ticks], [f"{y}年" for y in range(2022, 2027)])
        self.assertEqual(len({p.split(",")[1] for p in chart.planned.split()}), 1)
        self.assertEqual(chart.dots, [])

    def test_a_revision_raises_the_planned_line_from_its_date(self):
        target = task_with_targets(self.annual, "…", [FIRMS]).targets.get()
        self.assertEqual(trajectory(target, date(2022, 7, 1)).y_ticks[-1]["label"], "132")
        target.revise(240, reason="扩大", document="文", effective_on=date(2022, 7, 1), user=None)
        # December is due in full under the revised 240, with a tenth of headroom above it.
        self.assertEqual(trajectory(target, date(2022, 7, 1)).y_ticks[-1]["label"], "264")
