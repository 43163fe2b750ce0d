import pytest
from django.core.exceptions import PermissionDenied

from duban.ledger.choices import PlanKind
from duban.lib.transitions import TransitionError
from duban.targets.choices import LinkOrigin, LinkState
from duban.targets.links import add_link, linked_path, propose_links
from duban.targets.models import Target, TargetLink
from duban.targets.tests.base import TargetsTestCase, plan_of_years, task_with_targets
from duban.testing import growth, make_notice

# The twelve rows of the reference notice that carry the macro growth targets:
# metric, five-year average (comparator), this year's target (comparator).
REFERENCE_ROWS = [
    ("地区生产总值", 7, "=", 7, ">="),
    ("一般公共预算收入", 8, "=", 6, "="),
    ("固定资产投资", 8, "=", 10, "="),
    ("城镇居民人均可支配收入", 7.5, ">=", 7.5, ">="),
    ("农村居民人均可支配收入", 8.5, ">=", 8.5, ">="),
    ("社会消费品零售总额", 8, "=", 8, ">="),
]


class ProposeLinksTestCase(TargetsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for metric, five, five_cmp, annual, annual_cmp in REFERENCE_ROWS:
            task_with_targets(
                cls.five_year,
                f"{metric}年均增长 {five}%。",
                [growth(metric, five, five_cmp, "annual_average")],
            )
            task_with_targets(
                cls.annual, f"{metric}增长 {annual}%。", [growth(metric, annual, annual_cmp)]
            )
        # A level target of the same metric is not a growth target's partner.
        task_with_targets(
            cls.annual,
            "地区生产总值达到 1500 亿元。",
            [
                {
                    "metric": "地区生产总值",
                    "measure": "level",
                    "comparator": "=",
                    "value": 1500,
                    "unit": "亿元",
                    "period": "annual",
                    "text": "地区生产总值达到 1500 亿元",
                }
            ],
        )

    def test_it_links_each_annual_growth_target_to_its_five_year_target(self):
        created = propose_links(self.notice)
        self.assertEqual(len(created), 6)
        for metric, five, _, annual, _ in REFERENCE_ROWS:
            link = TargetLink.objects.get(annual__metric__name=metric)
            self.assertEqual(link.five_year.task.plan, self.five_year)
            self.assertEqual(link.five_year.metric.name, metric)
            self.assertEqual(float(link.five_year.value), five)
            self.assertEqual(float(link.annual.value), annual)
            self.assertEqual(link.state, LinkState.PROPOSED)
            self.assertEqual(link.origin, LinkOrigin.AUTO)

    def test_it_is_idempotent_and_keeps_removed_links_removed(self):
        propose_links(self.notice)
        link = TargetLink.objects.get(annual__metric__name="固定资产投资")
        link.remove(self.alice)
        self.assertEqual(propose_links(self.notice), [])
        link.refresh_from_db()
        self.assertEqual(link.state, LinkState.REMOVED)
        self.assertEqual(TargetLink.objects.count(), 6)

    def test_it_warns_when_the_annual_target_is_below_the_five_year_pace(self):
        propose_links(self.notice)
        revenue = Target.objects.get(task__plan=self.five_year, metric__name="一般公共预算收入")
        path = linked_path(revenue)
        self.assertEqual([p.year for p in path.below], [2022])
        self.assertAlmostEqual(path.required, ((1.08**5 / 1.06) ** 0.25 - 1) * 100)
        self.assertEqual(path.warning, "2022年目标6%，低于五年年均8%，其余年份须年均增长8.51%。")
        self.assertAlmostEqual(path.path[-1].index, 1.08**5)

    def test_it_gives_no_warning_when_the_annual_target_keeps_pace(self):
        propose_links(self.notice)
        for metric in ("地区生产总值", "固定资产投资", "城镇居民人均可支配收入"):
            five_year = Target.objects.get(task__plan=self.five_year, metric__name=metric)
            self.assertEqual(linked_path(five_year).warning, "", metric)

    def test_removed_links_leave_the_path(self):
        propose_links(self.notice)
        link = TargetLink.objects.get(annual__metric__name="一般公共预算收入")
        link.remove(self.alice)
        path = linked_path(link.five_year)
        self.assertEqual(path.warning, "")
        self.assertFalse(any(p.planned for p in path.path))

    def test_it_finds_the_five_year_target_in_an_earlier_notice_of_the_same_issuer(self):
        later = make_notice("某政办〔2023〕2号", issuer=self.notice.issuer)
        plan = plan_of_years(later, PlanKind.ANNUAL, 2023, 2023)
        task_with_targets(plan, "地区生产总值增长 6.5%。", [growth("地区生产总值", 6.5)])
        created = propose_links(later)
        self.assertEqual(len(created), 1)
        self.assertEqual(created[0].five_year.task.plan, self.five_year)

    def test_it_ignores_five_year_targets_of_another_issuer(self):
        other = make_notice(issuer="另一区人民政府办公室", doc_number="另政办〔2023〕1号")
        plan = plan_of_years(other, PlanKind.ANNUAL, 2023, 2023)
        task_with_targets(plan, "地区生产总值增长 6.5%。", [growth("地区生产总值", 6.5)])
        self.assertEqual(propose_links(other), [])

    def test_confirming_twice_is_refused(self):
        propose_links(self.notice)
        link = TargetLink.objects.first()
        link.confirm(self.alice)
        self.assertEqual(link.state, LinkState.CONFIRMED)
        self.assertEqual(link.decided_by, self.alice)
        with pytest.raises(TransitionError, match="关联已确认"):
            link.confirm(self.alice)

    def test_add_link_confirms_a_manual_link(self):
        annual = Target.objects.get(
            task__plan=self.annual, metric__name="地区生产总值", measure="growth"
        )
        five_year = Target.objects.get(task__plan=self.five_year, metric__name="固定资产投资")
        link = add_link(annual, five_year, self.alice)
        self.assertEqual((link.state, link.origin), (LinkState.CONFIRMED, LinkOrigin.MANUAL))

    def test_a_link_removed_meanwhile_is_not_confirmed_from_an_older_copy(self):
        propose_links(self.notice)
        link = TargetLink.objects.first()
        held = TargetLink.objects.get(pk=link.pk)
        link.remove(self.alice)
        with pytest.raises(TransitionError, match="已被他人修改"):
            held.confirm(self.alice)
        link.refresh_from_db()
        self.assertEqual(link.state, LinkState.REMOVED)

    def test_only_the_office_decides_on_links(self):
        propose_links(self.notice)
        link = TargetLink.objects.first()
        with pytest.raises(PermissionDenied):
            link.confirm(self.charlie)
        link.refresh_from_db()
        self.assertEqual(link.state, LinkState.PROPOSED)
