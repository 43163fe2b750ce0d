"""Two cron runs of `duban remind` at once still send each liaison one reminder a day.

Needs PostgreSQL: SQLite serialises writers on one file lock, so it proves nothing here.
"""

from datetime import date

from django.core import mail

from duban.progress.tests.base import add_progress_data
from duban.supervision.choices import Urgency
from duban.supervision.models import Notification, ReminderSent
from duban.supervision.reminders import DueItem, Reminder, send_reminder
from duban.testing import ConcurrencyTestCase, build_cast, run_threads

THREADS = 10


class ConcurrentRemindersTestCase(ConcurrencyTestCase):
    def setUp(self):
        super().setUp()
        build_cast(self)
        add_progress_data(self)

    def test_ten_runs_at_once_send_one_reminder(self):
        today = date(2022, 4, 3)
        item = DueItem(self.task, self.cycle, Urgency.DUE_SOON, 0)
        sent = []

        def remind(i, barrier):
            reminder = Reminder(self.bob, self.fagai, [item])
            barrier.wait()
            sent.append(send_reminder(reminder, today))

        self.assertEqual(run_threads(remind, THREADS), [])
        assert sorted(sent) == [False] * (THREADS - 1) + [True]
        assert ReminderSent.objects.count() == 1
        assert Notification.objects.filter(user=self.bob).count() == 1
        assert len(mail.outbox) == 1
