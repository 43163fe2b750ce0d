from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from duban.targets.importing import ReleaseFileError, apply_values, read_values


class Command(BaseCommand):
    help = "Import macro indicator values from a statistics release (CSV or xlsx)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="check the file, import nothing")

    def handle(self, *args, file: Path, dry_run: bool, **options):
        try:
            result = read_values(file.name, file.read_bytes())
        except (OSError, ReleaseFileError) as exc:
            raise CommandError(str(exc)) from exc
        for name, lines in result.unknown.items():
            self.stderr.write(f"无法识别的指标“{name}”：第 {'、'.join(map(str, lines))} 行")
        for line, message in result.errors:
            self.stderr.write(f"第 {line} 行：{message}")
        if not result.ok:
            raise CommandError("文件中有无法导入的行，未导入任何数据。")
        if dry_run:
            self.stdout.write(f"检查通过：{len(result.rows)} 行可以导入（未导入）。")
            return
        count = apply_values(result, user=None)
        self.stdout.write(self.style.SUCCESS(f"已导入 {count} 条统计数据。"))
