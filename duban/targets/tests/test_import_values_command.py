import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from duban.targets.models import Measurement
from duban.targets.tests.base import TargetsTestCase


class ImportValuesCommandTestCase(TargetsTestCase):
    def write(self, text: str) -> Path:
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        path = Path(folder.name) / "release.csv"
        path.write_text(text, encoding="utf-8")
        return path

    def test_it_imports_a_release(self):
        path = self.write("指标,时间,数值\n地区生产总值,2022-06,5.2\n")
        out = StringIO()
        call_command("import-values", str(path), stdout=out)
        self.assertIn("已导入 1 条", out.getvalue())
        self.assertEqual(Measurement.objects.count(), 1)

    def test_dry_run_imports_nothing(self):
        path = self.write("指标,时间,数值\n地区生产总值,2022-06,5.2\n")
        out = StringIO()
        call_command("import-values", str(path), "--dry-run", stdout=out)
        self.assertIn("检查通过", out.getvalue())
        self.assertFalse(Measurement.objects.exists())

    def test_it_reports_unknown_metrics_and_fails(self):
        path = self.write("指标,时间,数值\n地区总产值,2022-06,5.2\n")
        err = StringIO()
        with pytest.raises(CommandError):
            call_command("import-values", str(path), stderr=err)
        self.assertIn("地区总产值", err.getvalue())
        self.assertFalse(Measurement.objects.exists())
