from datetime import date

from django.urls import reverse

from duban.lib.transitions import TransitionError
from duban.progress.choices import CycleState, ReportState
from duban.progress.models import ReportingCycle
from duban.progress.tests.base import ProgressTestCase
from duban.testing import make_report


class LatePartTestCase(ProgressTestCase):
    """区财政局's part is still a draft when 区发改局 consolidates the task's report."""

    def setUp(self):
        self.part = make_report(self.task, self.caizheng, self.cycle)
        self.consolidated = make_report(self.task, self.fagai, self.cycle)
        self.consolidated.consolidate(self.bob)

    def submit_part(self):
        self.client.force_login(self.charlie)
        data = {"progress": self.part.progress, "version": self.part.version, "submit": "1"}
        url = reverse("progress:report-edit", args=[self.part.pk])
        return self.client.post(url, data, follow=True)

    def test_a_part_after_acceptance_is_refused_naming_the_next_cycle(self):
        self.consolidated.accept(self.alice)
        ReportingCycle.objects.create(
            plan=self.plan,
            kind=self.cycle.kind,
            name="2022年4月",
            period_start=date(2022, 4, 1),
            period_end=date(2022, 4, 30),
            due_on=date(2022, 5, 5),
            state=CycleState.DRAFT,
        )
        response = self.submit_part()
        self.assertContains(
            response,
            "牵头单位的本周期（2022年3月）汇总报告已经督查室审核通过，本单位的报告无法再并入；"
            "请在下一报送周期（2022年4月）报送本单位情况。",
        )
        self.part.refresh_from_db()
        self.assertEqual(self.part.state, ReportState.DRAFT)

    def test_without_a_next_cycle_it_says_to_ask_the_office(self):
        self.consolidated.accept(self.alice)
        with self.assertRaisesMessage(TransitionError, "下一报送周期尚未设立，请联系督查室"):
            self.part.submit(self.charlie)

    def test_a_part_while_the_office_reviews_is_refused_naming_the_lead_unit(self):
        with self.assertRaisesMessage(TransitionError, "请联系牵头单位（区发改局）"):
            self.part.submit(self.charlie)

    def test_once_the_office_returns_the_report_the_part_goes_in_again(self):
        self.consolidated.return_for_changes(self.alice, "请补充配合单位情况")
        self.part.submit(self.charlie)
        self.consolidated.refresh_from_db()
        self.consolidated.consolidate(self.bob)
        self.part.refresh_from_db()
        self.assertEqual(self.part.state, ReportState.CONSOLIDATED)
