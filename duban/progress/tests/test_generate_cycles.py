from datetime import date
from io import StringIO

from django.core.management import CommandError, call_command

from duban.audit.models import LogEntry
from duban.progress.choices import CycleKind, CycleState
from duban.progress.cycles import custom_period, generate_cycles
from duban.progress.models import ReportingCycle
from duban.progress.tests.base import ProgressTestCase


class GenerateCyclesTestCase(ProgressTestCase):
    def test_it_creates_a_years_monthly_cycles_as_drafts(self):
        created = generate_cycles(self.plan, 2022, CycleKind.MONTHLY, due_day=5, user=self.alice)
        # March exists already (the world's open cycle).
        self.assertEqual(len(created), 11)
        january = created[0]
        self.assertEqual((january.name, january.due_on), ("2022年1月", date(2022, 2, 5)))
        self.assertTrue(all(c.state == CycleState.DRAFT for c in created))
        self.assertEqual(LogEntry.objects.filter(action="progress.cycle.created").count(), 11)

    def test_it_is_idempotent(self):
        generate_cycles(self.plan, 2022, CycleKind.QUARTERLY)
        self.assertEqual(generate_cycles(self.plan, 2022, CycleKind.QUARTERLY), [])
        self.assertEqual(ReportingCycle.objects.filter(kind=CycleKind.QUARTERLY).count(), 4)

    def test_it_creates_custom_cycles(self):
        period = custom_period(date(2022, 1, 1), date(2022, 6, 30), date(2022, 7, 10), "上半年")
        (cycle,) = generate_cycles(self.plan, 2022, CycleKind.CUSTOM, periods=[period])
        self.assertEqual((cycle.name, cycle.due_on), ("上半年", date(2022, 7, 10)))

    def test_it_refuses_custom_dates_out_of_order(self):
        with self.assertRaises(ValueError):
            custom_period(date(2022, 6, 30), date(2022, 1, 1), date(2022, 7, 10))
        with self.assertRaises(ValueError):
            generate_cycles(self.plan, 2022, CycleKind.CUSTOM)

    def test_the_command_creates_and_the_dry_run_does_not(self):
        out = StringIO()
        call_command(
            "generate-cycles", self.plan.pk, 2022, kind="quarterly", dry_run=True, stdout=out
        )
        self.assertIn("4 cycle(s) created", out.getvalue())
        self.assertFalse(ReportingCycle.objects.filter(kind=CycleKind.QUARTERLY).exists())
        call_command("generate-cycles", self.plan.pk, 2022, kind="quarterly", stdout=StringIO())
        self.assertEqual(ReportingCycle.objects.filter(kind=CycleKind.QUARTERLY).count(), 4)

    def test_the_command_names_an_unknown_plan(self):
        with self.assertRaisesMessage(CommandError, "no plan with id 999"):
            call_command("generate-cycles", 999, 2022, stdout=StringIO())
