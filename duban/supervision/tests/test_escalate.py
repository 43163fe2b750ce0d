from datetime import date
from io import StringIO

from django.core.management import call_command

from duban.supervision.choices import NoticeState, Tier
from duban.supervision.models import SupervisionNotice
from duban.testing import BaseTestCase


class EscalateCommandTestCase(BaseTestCase):
    def setUp(self):
        self.notice = SupervisionNotice.issue(
            task=self.task,
            unit=self.fagai,
            tier=Tier.WARN,
            reason="未报",
            respond_by=date(2022, 4, 1),
        )

    def test_dry_run_lists_and_changes_nothing(self):
        out = StringIO()
        call_command("escalate", "--dry-run", "--date", "2022-04-08", stdout=out)
        assert "将升级 1 份督办单" in out.getvalue()
        self.notice.refresh_from_db()
        assert self.notice.state == NoticeState.ISSUED

    def test_it_raises_a_warning_to_a_bulletin(self):
        call_command("escalate", "--date", "2022-04-08", stdout=StringIO())
        self.notice.refresh_from_db()
        assert self.notice.state == NoticeState.ESCALATED
        assert self.notice.escalated_to.tier == Tier.BULLETIN
