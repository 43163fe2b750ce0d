from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from duban.ledger.importing import apply_import, prepare_import
from duban.parsing import ParseError


class Command(BaseCommand):
    help = "Import a notice file into the ledger and print what changed."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="print the changes without writing them"
        )

    def handle(self, *args, **options):
        path: Path = options["file"]
        try:
            data = path.read_bytes()
            preview = prepare_import(data, path.name)
        except (OSError, ParseError) as exc:
            raise CommandError(f"{path}: {_reason(exc)}", returncode=2) from exc
        if not options["dry_run"]:
            apply_import(preview)
        for line in preview.report.lines():
            self.stdout.write(line)
        if options["dry_run"]:
            self.stdout.write("（试运行，未写入）")


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)
