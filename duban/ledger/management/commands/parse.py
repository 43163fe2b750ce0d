import io
import shutil

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console

from duban.parsing import ParseError, parse_file
from duban.parsing.render import render_explain, render_json, render_table


class Command(BaseCommand):
    # Reads files only: no database, so no system checks to wait for.
    requires_system_checks = []
    help = "Parse a notice (.txt, .docx, .pdf or .xlsx) and print its structure."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the notice file")
        parser.add_argument("--format", choices=["json", "table"], default="json")
        parser.add_argument(
            "--explain",
            action="store_true",
            help="print how each table and list was read: column roles, evidence, confidence",
        )

    def handle(self, *args, **options):
        try:
            result = parse_file(options["file"])
        except ParseError as exc:
            # One line, no traceback: the message is for the person who chose the file.
            message = " ".join(str(exc).split())
            raise CommandError(f"{options['file']}: {message}", returncode=2) from exc
        if options["format"] == "json" and not options["explain"]:
            self.stdout.write(render_json(result))
            return
        # Rich renders into a buffer: Django's OutputWrapper adds a newline to every write.
        # Piped output gets a fixed width, so files and tests don't depend on the caller's terminal.
        tty = self.stdout.isatty()
        width = shutil.get_terminal_size((120, 24)).columns if tty else 160
        console = Console(file=io.StringIO(), width=width, force_terminal=tty)
        if options["explain"]:
            render_explain(result, console)
        else:
            render_table(result, console)
        self.stdout.write(console.file.getvalue(), ending="")
