from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from duban.ledger.models import Plan
from duban.progress.choices import CycleKind
from duban.progress.cycles import generate_cycles


class Command(BaseCommand):
    help = "Create a year's monthly or quarterly reporting cycles for a plan (as drafts)."

    def add_arguments(self, parser):
        parser.add_argument("plan", type=int, help="the plan's id")
        parser.add_argument("year", type=int)
        parser.add_argument(
            "--kind", choices=[CycleKind.MONTHLY, CycleKind.QUARTERLY], default=CycleKind.MONTHLY
        )
        parser.add_argument("--due-day", type=int, default=5, help="day of the next month")
        parser.add_argument("--dry-run", action="store_true", help="show, change nothing")

    def handle(self, *args, **options):
        plan = Plan.objects.filter(pk=options["plan"]).first()
        if plan is None:
            raise CommandError(f"no plan with id {options['plan']}")
        with transaction.atomic():
            try:
                created = generate_cycles(
                    plan, options["year"], options["kind"], due_day=options["due_day"]
                )
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
            for cycle in created:
                self.stdout.write(
                    f"{cycle.name}\t{cycle.period_start}..{cycle.period_end}\t{cycle.due_on}"
                )
            self.stdout.write(f"{len(created)} cycle(s) created for {plan}")
            if options["dry_run"]:
                transaction.set_rollback(True)
                self.stdout.write("dry run: nothing saved")
