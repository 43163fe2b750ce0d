from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from duban.audit.models import LogEntry
from duban.targets.models import Target
from duban.targets.tests.base import TargetsTestCase, task_with_targets
from duban.testing import growth


def target_dict(measure="increase", comparator="=", value=100, unit="家") -> dict:
    return {
        "metric": "某指标",
        "measure": measure,
        "comparator": comparator,
        "value": value,
        "unit": unit,
        "text": "某指标",
    }


class TargetTestCase(TargetsTestCase):
    def make(self, **kwargs):
        return task_with_targets(self.annual, "…", [target_dict(**kwargs)]).targets.get()

    def test_value_on_is_the_printed_value_before_any_revision(self):
        target = self.make(value=100)
        self.assertEqual(target.value_on(date(2022, 6, 30)), Decimal(100))

    def test_value_on_follows_revisions_by_effective_date(self):
        target = self.make(value=100)
        kwargs = {"reason": "上级调整", "document": "某政办〔2022〕12号", "user": self.alice}
        target.revise(Decimal(80), effective_on=date(2022, 7, 1), **kwargs)
        target.revise(Decimal(90), effective_on=date(2022, 10, 1), **kwargs)
        self.assertEqual(target.value_on(date(2022, 6, 30)), Decimal(100))
        self.assertEqual(target.value_on(date(2022, 7, 1)), Decimal(80))
        self.assertEqual(target.value_on(date(2022, 12, 31)), Decimal(90))
        self.assertEqual(target.value, Decimal(100))

    def test_revise_keeps_the_old_value_and_writes_an_audit_entry(self):
        target = self.make(value=100)
        revision = target.revise(
            Decimal(80),
            reason="疫情影响",
            document="某政办〔2022〕12号",
            effective_on=date(2022, 7, 1),
            user=self.alice,
        )
        self.assertEqual((revision.old_value, revision.new_value), (Decimal(100), Decimal(80)))
        entry = LogEntry.objects.get(action="targets.target.revised")
        self.assertEqual(entry.user, self.alice)
        self.assertEqual(entry.data["document"], "某政办〔2022〕12号")

    def test_only_the_office_revises_a_target(self):
        target = self.make(value=100)
        with self.assertRaises(PermissionDenied):
            target.revise(
                Decimal(80),
                reason="自行调低",
                document="无",
                effective_on=date(2022, 7, 1),
                user=self.charlie,
            )
        self.assertFalse(target.revisions.exists())

    def test_describe_reads_like_the_notice(self):
        self.assertEqual(self.make(comparator=">=", value=150).describe(), "新增150家以上")
        self.assertEqual(self.make(measure="count", value=363, unit="个").describe(), "363个")
        ceiling = self.make(measure="share", comparator="<=", value="1.2", unit="%")
        self.assertEqual(ceiling.describe(), "1.2%以下")
        self.assertEqual(ceiling.describe(Decimal("1.5")), "1.5%以下")
        rate = task_with_targets(
            self.five_year, "…", [{**growth("地区生产总值", 7), "period": "annual_average"}]
        ).targets.get()
        self.assertEqual(rate.describe(), "年均增长7%")

    def test_higher_is_better_for_at_least_and_plain_targets(self):
        for comparator in (">=", "="):
            target = self.make(comparator=comparator, value=50)
            self.assertTrue(target.meets(Decimal(50)))
            self.assertTrue(target.meets(Decimal(60)))
            self.assertFalse(target.meets(Decimal(49)))

    def test_strictly_more_for_greater_than(self):
        target = self.make(comparator=">", value=50)
        self.assertFalse(target.meets(Decimal(50)))
        self.assertTrue(target.meets(Decimal(51)))

    def test_lower_is_better_for_ceilings(self):
        target = self.make(measure="share", comparator="<=", value="1.2", unit="%")
        self.assertTrue(target.lower_is_better)
        self.assertTrue(target.meets(Decimal("1.1")))
        self.assertTrue(target.meets(Decimal("1.2")))
        self.assertFalse(target.meets(Decimal("1.3")))
        strict = self.make(measure="share", comparator="<", value="1.2", unit="%")
        self.assertFalse(strict.meets(Decimal("1.2")))

    def test_meets_compares_with_the_target_in_force_by_default(self):
        target = self.make(value=100)
        target.revise(
            Decimal(80), reason="调整", document="文", effective_on=date(2000, 1, 1), user=None
        )
        self.assertTrue(target.meets(Decimal(85)))


@pytest.mark.parametrize(
    "comparator, lower", [(">=", False), (">", False), ("=", False), ("<=", True), ("<", True)]
)
def test_lower_is_better_only_for_ceilings(comparator, lower):
    assert Target(comparator=comparator).lower_is_better is lower
