"""A unit a remark names as the lead (由区委政法委牵头) sees and acts on the task in every app."""

from datetime import date

from django.urls import reverse

from duban.accounts.choices import UserRole
from duban.ledger.access import visible_tasks
from duban.ledger.choices import AssignmentRole, UnitKind
from duban.ledger.models import Task
from duban.progress.choices import CycleKind, CycleState, ReportKind
from duban.progress.models import Report, ReportingCycle
from duban.supervision.access import is_lead_unit, is_responsible_unit
from duban.testing import BaseTestCase, make_unit, make_user


class LeadOverrideAccessTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Not assigned to the task at all: only the remark makes it lead.
        cls.zhengfa = make_unit("区委政法委", UnitKind.PARTY_BODY)
        cls.task.lead_override_units.add(cls.zhengfa)
        cls.erin = make_user("erin", UserRole.UNIT, unit=cls.zhengfa)
        cls.cycle = ReportingCycle.objects.create(
            plan=cls.plan,
            kind=CycleKind.MONTHLY,
            name="2022年3月",
            period_start=date(2022, 3, 1),
            period_end=date(2022, 3, 31),
            due_on=date(2022, 4, 5),
            state=CycleState.OPEN,
        )

    def setUp(self):
        self.client.force_login(self.erin)

    def test_the_ledger_queryset_counts_it_as_lead(self):
        self.assertEqual(list(Task.objects.for_unit(self.zhengfa)), [self.task])
        self.assertEqual(
            list(Task.objects.for_unit(self.zhengfa, AssignmentRole.LEAD)), [self.task]
        )
        self.assertFalse(Task.objects.for_unit(self.zhengfa, AssignmentRole.SUPPORT).exists())
        self.assertTrue(self.task.is_responsible(self.zhengfa))
        self.assertFalse(self.other_task.is_responsible(self.zhengfa))
        self.assertEqual(list(visible_tasks(self.erin)), [self.task])

    def test_it_sees_the_task_and_its_unit_page(self):
        self.assertEqual(self.client.get(self.task.get_absolute_url()).status_code, 200)
        response = self.client.get(reverse("ledger:unit", args=[self.zhengfa.pk]))
        self.assertContains(response, "改由本单位牵头")
        self.assertContains(response, self.task.text)

    def test_it_reports_on_the_task_as_the_consolidating_unit(self):
        response = self.client.get(reverse("progress:my-reports"))
        self.assertContains(response, self.task.text)
        self.assertContains(response, "开始填报")
        response = self.client.post(
            reverse("progress:report-start", args=[self.cycle.pk, self.task.pk])
        )
        report = Report.objects.get(task=self.task, unit=self.zhengfa)
        self.assertRedirects(response, reverse("progress:report-edit", args=[report.pk]))
        self.assertEqual(report.kind, ReportKind.CONSOLIDATED)

    def test_it_acts_in_supervision(self):
        self.assertTrue(is_responsible_unit(self.erin, self.task))
        self.assertTrue(is_lead_unit(self.erin, self.task))
        response = self.client.get(reverse("supervision:problem-raise", args=[self.task.pk]))
        self.assertEqual(response.status_code, 200)
