"""A 督办单 answered and escalated at the same moment takes one of the two, never both.

Needs PostgreSQL: SQLite serialises writers on one file lock, so it proves nothing here.
"""

from datetime import date

from duban.audit.models import LogEntry
from duban.lib.transitions import TransitionError
from duban.progress.tests.base import add_progress_data
from duban.supervision.choices import NoticeState, Tier
from duban.supervision.models import SupervisionNotice
from duban.testing import ConcurrencyTestCase, build_cast, run_threads

THREADS = 10


class ConcurrentNoticeTestCase(ConcurrencyTestCase):
    def setUp(self):
        super().setUp()
        build_cast(self)
        add_progress_data(self)

    def test_responses_and_escalations_at_once_leave_one_transition(self):
        notice = SupervisionNotice.issue(
            task=self.task,
            unit=self.fagai,
            tier=Tier.REMIND,
            reason="3月进度未报送",
            respond_by=date(2022, 5, 10),
            user=self.alice,
        )
        done, refused = [], []

        def act(i, barrier):
            mine = SupervisionNotice.objects.get(pk=notice.pk)
            barrier.wait()
            try:
                if i % 2:
                    mine.escalate(self.alice, today=date(2022, 5, 12))
                else:
                    mine.respond(f"第{i}次反馈", self.bob)
            except TransitionError:
                refused.append(i)
            else:
                done.append(i)

        self.assertEqual(run_threads(act, THREADS), [])
        self.assertEqual((len(done), len(refused)), (1, THREADS - 1))
        notice.refresh_from_db()
        escalated = done[0] % 2 == 1
        if escalated:
            expected = (NoticeState.ESCALATED, "")
        else:
            expected = (NoticeState.RESPONDED, f"第{done[0]}次反馈")
        self.assertEqual((notice.state, notice.response), expected)
        actions = LogEntry.objects.filter(
            action__in=["supervision.notice.responded", "supervision.notice.escalated"]
        )
        self.assertEqual(actions.count(), 1)
        self.assertEqual(SupervisionNotice.objects.count(), 2 if escalated else 1)


class ConcurrentNumberingTestCase(ConcurrencyTestCase):
    def setUp(self):
        super().setUp()
        build_cast(self)

    def test_notices_issued_at_once_get_distinct_consecutive_numbers(self):
        numbers = []

        def issue(i, barrier):
            barrier.wait()
            notice = SupervisionNotice.issue(
                task=self.task,
                unit=self.fagai,
                tier=Tier.REMIND,
                reason=f"第{i}份",
                respond_by=date(2099, 5, 10),
                user=self.alice,
            )
            numbers.append(notice.seq)

        self.assertEqual(run_threads(issue, THREADS), [])
        self.assertEqual(sorted(numbers), list(range(1, THREADS + 1)))
        self.assertEqual(SupervisionNotice.objects.values("number").distinct().count(), THREADS)
