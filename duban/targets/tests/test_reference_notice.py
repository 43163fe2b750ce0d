"""Acceptance: the reference notice imported end to end, its targets extracted and linked."""

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.urls import reverse

from duban.ledger.importing import apply_import, prepare_import
from duban.targets.choices import LinkState
from duban.targets.importing import apply_values, read_values
from duban.targets.links import linked_path, propose_links
from duban.targets.models import Target, TargetLink
from duban.targets.pacing import status_of
from duban.targets.sync import sync_notice_targets
from duban.testing import BaseTestCase

SHARED = Path(os.getenv("DUBAN_SHARED_DIR", Path(__file__).resolve().parents[3].parent / "shared"))
REFERENCE = SHARED / "seed" / "000_de8080339d2f7ae4.txt"

MACRO_LINKS = {
    "地区生产总值": (7, 7),
    "一般公共预算收入": (8, 6),
    "固定资产投资": (8, 10),
    "城镇居民人均可支配收入": (7.5, 7.5),
    "农村居民人均可支配收入": (8.5, 8.5),
    "社会消费品零售总额": (8, 8),
}


class ReferenceNoticeTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.notice = apply_import(prepare_import(REFERENCE.read_bytes(), REFERENCE.name))
        cls.sync = sync_notice_targets(cls.notice)
        cls.created = propose_links(cls.notice)

    def test_every_macro_growth_target_is_linked_to_its_five_year_target(self):
        for metric, (five, annual) in MACRO_LINKS.items():
            links = TargetLink.objects.filter(annual__metric__name=metric, annual__measure="growth")
            self.assertEqual(len(links), 1, metric)
            link = links[0]
            self.assertEqual(link.state, LinkState.PROPOSED)
            self.assertEqual(link.five_year.task.plan.kind, "five_year")
            self.assertEqual(link.annual.task.plan.kind, "annual")
            self.assertEqual(
                (float(link.five_year.value), float(link.annual.value)), (five, annual), metric
            )

    def test_revenue_carries_the_pace_warning_and_the_others_do_not(self):
        for metric in MACRO_LINKS:
            five_year = Target.objects.get(
                task__plan__notice=self.notice, task__plan__kind="five_year", metric__name=metric
            )
            warning = linked_path(five_year).warning
            if metric == "一般公共预算收入":
                self.assertEqual(warning, "2022年目标6%，低于五年年均8%，其余年份须年均增长8.51%。")
            else:
                self.assertEqual(warning, "", metric)

    def test_one_imported_gdp_value_shows_on_every_task_bound_to_gdp(self):
        release = "指标,时间,数值\n地区生产总值,2022年1-6月,5.6\n".encode()
        apply_values(read_values("release.csv", release), user=None)
        targets = Target.objects.filter(task__plan__notice=self.notice, metric__name="地区生产总值")
        self.assertEqual({t.task.plan.kind for t in targets}, {"five_year", "annual"})
        self.client.force_login(self.alice)
        for target in targets:
            self.assertEqual(status_of(target, date(2022, 7, 20)).value, Decimal("5.6"))
            page = self.client.get(reverse("ledger:task", args=[target.task_id]))
            self.assertContains(page, "截至2022年6月")
            self.assertContains(page, "累计增长5.6%")

    def test_importing_and_syncing_again_changes_nothing(self):
        again = apply_import(prepare_import(REFERENCE.read_bytes(), REFERENCE.name))
        self.assertEqual(again, self.notice)
        self.assertFalse(sync_notice_targets(self.notice).changed)
        self.assertEqual(propose_links(self.notice), [])
