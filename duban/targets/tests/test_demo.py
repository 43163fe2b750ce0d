from datetime import date
from types import SimpleNamespace

from duban.targets.demo import STATISTICS, add_targets
from duban.targets.models import Measurement, TargetLink
from duban.targets.tests.base import TargetsTestCase, task_with_targets


class DemoTestCase(TargetsTestCase):
    def test_it_links_targets_and_imports_the_released_quarters_twice_alike(self):
        task_with_targets(self.five_year, "地区生产总值年均增长 7%。")
        task_with_targets(self.annual, "地区生产总值增长 7%以上。")
        # On 10 September the statistics of the first two quarters are out, not the third's.
        demo = SimpleNamespace(notice=self.notice, lines=[], today=date(2022, 9, 10))
        add_targets(demo)
        add_targets(demo)
        self.assertEqual(TargetLink.objects.count(), 1)
        self.assertEqual(Measurement.objects.count(), 2 * len(STATISTICS))
        # Both runs report what the notice holds, not what the run itself added.
        for line in demo.lines:
            self.assertIn("量化指标：2 个；五年与年度目标关联 1 条（待确认 1 条）", line)
