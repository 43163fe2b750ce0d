"""A notice with linked revenue targets for the view tests; charlie's unit leads both revenue tasks."""

from duban.targets.links import propose_links
from duban.targets.tests.base import TargetsTestCase, task_with_targets
from duban.testing import growth


class TargetViewsTestCase(TargetsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.revenue_five = task_with_targets(
            cls.five_year,
            "一般公共预算收入年均增长 8%。",
            [growth("一般公共预算收入", 8, "=", "annual_average")],
            unit=cls.caizheng,
        ).targets.get()
        cls.revenue = task_with_targets(
            cls.annual,
            "一般公共预算收入增长 6%。",
            [growth("一般公共预算收入", 6)],
            unit=cls.caizheng,
        ).targets.get()
        cls.link = propose_links(cls.notice)[0]
