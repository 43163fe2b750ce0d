from io import StringIO

from django.core.management import call_command

from duban.supervision.models import TaskStatus
from duban.testing import BaseTestCase


class RefreshStatusCommandTestCase(BaseTestCase):
    def test_it_prints_the_counts_and_stores_the_statuses(self):
        out = StringIO()
        call_command("refresh-status", "--date", "2022-03-01", stdout=out)
        assert out.getvalue().strip() == "已完成 0，正常 2，滞后 0，严重滞后/逾期 0"
        assert TaskStatus.objects.count() == 2

    def test_dry_run_stores_nothing(self):
        out = StringIO()
        call_command("refresh-status", "--dry-run", "--date", "2023-01-10", stdout=out)
        assert out.getvalue().startswith("（试算）")
        assert "严重滞后/逾期 2" in out.getvalue()  # the year is over
        assert TaskStatus.objects.count() == 0
