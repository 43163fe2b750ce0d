from django.contrib.auth.models import AnonymousUser

from duban.audit.actions import UNKNOWN_LABEL, UndeclaredAction
from duban.audit.log import entry, record
from duban.audit.models import LogEntry
from duban.ledger.actions import TaskAction
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
        first = record(TaskAction.ADDED, self.task)
        second = record(TaskAction.CHANGED, self.task)
        self.assertEqual(list(LogEntry.objects.all()[:2]), [second, first])

    def test_it_refuses_an_undeclared_action(self):
        for write in (record, entry):
            with self.subTest(write=write.__name__), self.assertRaises(UndeclaredAction):
                write("ledger.task.chnaged", self.task, user=self.alice)
        self.assertFalse(LogEntry.objects.exists())

    def test_an_entry_reads_its_action_in_chinese(self):
        self.assertEqual(record(TaskAction.CHANGED, self.task).action_label, "任务变更")

    def test_old_entries_keep_a_label_and_unknown_actions_a_neutral_one(self):
        # Written before admin edits had their own actions, or by a version since renamed.
        self.assertEqual(LogEntry(action="ledger.unit.changed").action_label, "后台修改")
        self.assertEqual(LogEntry(action="ledger.task.created").action_label, "后台新建")
        self.assertEqual(LogEntry(action="progress.report.vanished").action_label, UNKNOWN_LABEL)
