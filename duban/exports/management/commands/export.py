from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import Progress

from duban.exports.annexes import annexes_docx, annexes_xlsx
from duban.exports.ledger import write_ledger
from duban.ledger.forms import LedgerFilterForm
from duban.ledger.models import Notice, Official, Plan, Task, Unit


class Command(BaseCommand):
    help = "Export the ledger (with the list's filters) as .xlsx, or a notice's annexes."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["ledger", "annexes"], help="what to export")
        parser.add_argument("-o", "--output", type=Path, required=True, help="file to write")
        parser.add_argument("--notice", help="annexes: the notice's 文号")
        parser.add_argument("--format", choices=["docx", "xlsx"], default="docx")
        parser.add_argument("--plan", type=int, help="ledger: a plan's id")
        parser.add_argument("--leader", help="ledger: a leader's name")
        parser.add_argument("--unit", help="ledger: a unit's name or alias")
        parser.add_argument("--kind", help="ledger: a unit kind (subdistrict, …)")
        parser.add_argument("--role", help="ledger: the unit's role (lead, joint, support)")
        parser.add_argument("--status", help="ledger: all, withdrawn (default: active tasks)")
        parser.add_argument("-q", help="ledger: keywords")

    def handle(self, *args, what, output, **options):
        if what == "annexes":
            self.annexes(output, options["notice"], options["format"])
        else:
            self.ledger(output, options)

    def annexes(self, output: Path, doc_number: str | None, fmt: str) -> None:
        notice = Notice.objects.filter(doc_number=doc_number).order_by("-created_at").first()
        if notice is None:
            raise CommandError(f"no notice numbered {doc_number!r}", returncode=2)
        output.write_bytes(annexes_docx(notice) if fmt == "docx" else annexes_xlsx(notice))
        self.stdout.write(f"{output}: {notice.plans.count()} 个附件")

    def ledger(self, output: Path, options: dict) -> None:
        data = {name: options[name] for name in ("plan", "kind", "role", "status", "q")}
        if options["leader"]:
            data["leader"] = self._pk(Official.objects.filter(name=options["leader"]), "leader")
        if options["unit"]:
            data["unit"] = self._pk(Unit.objects.by_name(options["unit"]), "unit")
        data = {name: value for name, value in data.items() if value}
        form = LedgerFilterForm(
            data, plans=Plan.objects.all(), leaders=Official.objects.all(), units=Unit.objects.all()
        )
        if not form.is_valid():
            raise CommandError(f"bad filter: {form.errors.as_text()}", returncode=2)
        tasks = Task.objects.matching(**form.filters())
        console = Console(stderr=True)
        with Progress(console=console, transient=True) as progress:
            bar = progress.add_task("导出台账", total=tasks.count())
            count = write_ledger(tasks, output, "督办台账", lambda: progress.advance(bar))
        self.stdout.write(f"{output}: {count} 行")

    def _pk(self, found, what: str) -> int:
        first = found.first()
        if first is None:
            raise CommandError(f"no {what} named so", returncode=2)
        return first.pk
