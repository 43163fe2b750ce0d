from django.contrib.auth.models import AnonymousUser

from duban.audit.log import record
from duban.audit.models import LogEntry
from duban.testing import BaseTestCase


class RecordTestCase(BaseTestCase):
    def test_it_records_the_object_user_and_data(self):
        entry = record(
            "ledger.task.changed", self.task, user=self.alice, data={"before": 1, "after": 2}
        )
        entry.refresh_from_db()
        self.assertEqual(entry.action, "ledger.task.changed")
        self.assertEqual((entry.object_type, entry.object_id), ("ledger.task", str(self.task.pk)))
        self.assertEqual(entry.object_repr, str(self.task))
        self.assertEqual(entry.data, {"before": 1, "after": 2})
        self.assertEqual((entry.user, entry.user_name), (self.alice, "alice"))
        self.assertIsNotNone(entry.timestamp)

    def test_the_system_and_anonymous_visitors_have_no_user(self):
        self.assertIsNone(record("ledger.notice.imported", self.notice).user)
        entry = record("ledger.notice.imported", self.notice, user=AnonymousUser())
        self.assertEqual((entry.user, entry.user_name), (None, ""))

    def test_the_entry_keeps_its_author_after_the_account_is_deleted(self):
        entry = record("ledger.unit.merged", self.fagai, user=self.alice)
        self.alice.delete()
        entry.refresh_from_db()
        self.assertEqual((entry.user, entry.user_name), (None, "alice"))

    def test_the_log_reads_newest_first(self):
        first = record("a.first")
        second = record("a.second")
        self.assertEqual(list(LogEntry.objects.all()[:2]), [second, first])
