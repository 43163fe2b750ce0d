import re
from datetime import date
from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
        lines = out.getvalue().splitlines()
        assert len(lines) == 2 and "反馈期限 2022-04-01" in lines[0]
        assert re.fullmatch(r"将升级 1 份督办单。（用时 \d+\.\d 秒）", lines[1])
        self.notice.refresh_from_db()
        assert self.notice.state == NoticeState.ISSUED

    def test_it_raises_a_warning_to_a_bulletin(self):
        call_command("escalate", "--date", "2022-04-08", stdout=StringIO())
        self.notice.refresh_from_db()
        assert self.notice.state == NoticeState.ESCALATED
        assert self.notice.escalated_to.tier == Tier.BULLETIN


class EscalateQueriesTestCase(BaseTestCase):
    def issue(self, count: int) -> None:
        for _ in range(count):
            SupervisionNotice.issue(
                task=self.task,
                unit=self.fagai,
                tier=Tier.REMIND,
                reason="未报",
                respond_by=date(2022, 4, 1),
            )

    def escalation_queries(self) -> int:
        with CaptureQueriesContext(connection) as queries:
            call_command("escalate", "--date", "2022-04-08", stdout=StringIO())
        return len(queries)

    def test_each_late_notice_costs_a_constant_number_of_queries(self):
        self.issue(1)
        self.escalation_queries()  # the first escalation of the year numbers it once
        self.issue(1)
        one = self.escalation_queries()
        self.issue(2)
        two = self.escalation_queries()
        self.issue(4)
        # However many notices the database already holds, each late one costs the same.
        assert self.escalation_queries() - two == 2 * (two - one) > 0
