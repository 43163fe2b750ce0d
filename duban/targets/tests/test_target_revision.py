from datetime import date
from decimal import Decimal

from django.urls import reverse

from duban.targets.choices import Pace, ValueSource
from duban.targets.pacing import status_of
from duban.targets.tests.base import TargetsTestCase, accepted_report, task_with_targets
from duban.targets.values import record_value


class TargetRevisionTestCase(TargetsTestCase):
    """任务调整: a change is in the history, and each value is judged by the target of its date."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        task = task_with_targets(
            cls.annual,
            "改造老旧小区 120 个。",
            [
                {
                    "metric": "老旧小区改造",
                    "measure": "count",
                    "value": 120,
                    "unit": "个",
                    "text": "改造老旧小区 120 个",
                }
            ],
            unit=cls.caizheng,
        )
        cls.target = task.targets.get()
        june = accepted_report(task, cls.caizheng, cls.charlie, date(2022, 6, 30))
        record_value(
            cls.target,
            50,
            date(2022, 6, 30),
            user=cls.alice,
            source=ValueSource.REPORT,
            report=june,
        )
        cls.target.revise(
            Decimal(90),
            reason="部分小区纳入城市更新项目",
            document="某政办〔2022〕15号",
            effective_on=date(2022, 7, 15),
            user=cls.alice,
        )

    def test_a_report_before_the_change_is_judged_against_the_old_value(self):
        status = status_of(self.target, date(2022, 7, 20))
        # 50 of the 60 due (120 × 6/12) under the old target: behind, though 45 is due under 90.
        self.assertEqual(
            (status.goal, status.due, status.pace), (Decimal(120), Decimal(60), Pace.BEHIND)
        )
        self.assertFalse(status.revised)

    def test_a_report_after_the_change_is_judged_against_the_new_value(self):
        september = accepted_report(
            self.target.task, self.caizheng, self.charlie, date(2022, 9, 30)
        )
        record_value(
            self.target,
            70,
            date(2022, 9, 30),
            user=self.alice,
            source=ValueSource.REPORT,
            report=september,
        )
        status = status_of(self.target, date(2022, 10, 5))
        # 70 against 90 × 9/12 = 67.5 under the new target (90 due under the old one).
        self.assertEqual(
            (status.goal, status.due, status.pace), (Decimal(90), Decimal("67.5"), Pace.ON_PACE)
        )
        self.assertTrue(status.revised)
        self.assertIn("任务调整后", status.explanation)

    def test_the_change_is_visible_in_the_targets_history(self):
        self.client.force_login(self.charlie)
        r = self.client.get(reverse("targets:target", args=[self.target.pk]))
        self.assertContains(r, "部分小区纳入城市更新项目")
        self.assertContains(r, "某政办〔2022〕15号")
        self.assertContains(r, "2022-07-15")
