from datetime import date

import time_machine
from django.core.exceptions import PermissionDenied

from duban.audit.models import LogEntry
from duban.lib.transitions import TransitionError
from duban.progress.choices import CycleKind, CycleState
from duban.progress.models import ReportingCycle
from duban.progress.tests.base import ProgressTestCase


class ReportingCycleTestCase(ProgressTestCase):
    def setUp(self):
        self.draft = ReportingCycle.objects.create(
            plan=self.plan,
            kind=CycleKind.MONTHLY,
            name="2022年4月",
            period_start=date(2022, 4, 1),
            period_end=date(2022, 4, 30),
            due_on=date(2022, 5, 5),
        )

    @time_machine.travel("2022-04-01 09:00 +0800", tick=False)
    def test_the_office_opens_a_draft_cycle(self):
        self.draft.open(self.alice)
        self.draft.refresh_from_db()
        self.assertEqual(self.draft.state, CycleState.OPEN)
        self.assertEqual(self.draft.opened_at.isoformat(), "2022-04-01T01:00:00+00:00")
        entry = LogEntry.objects.get(action="progress.cycle.opened")
        self.assertEqual(entry.user, self.alice)
        self.assertEqual(entry.data, {"from": "draft", "to": "open"})

    def test_it_refuses_to_open_an_open_or_locked_cycle(self):
        with self.assertRaisesMessage(TransitionError, "报送中"):
            self.cycle.open(self.alice)
        self.cycle.lock(self.alice)
        with self.assertRaises(TransitionError):
            self.cycle.open(self.alice)

    def test_the_office_locks_an_open_cycle(self):
        self.cycle.lock(self.alice)
        self.cycle.refresh_from_db()
        self.assertEqual(self.cycle.state, CycleState.LOCKED)
        self.assertIsNotNone(self.cycle.locked_at)
        self.assertTrue(LogEntry.objects.filter(action="progress.cycle.locked").exists())

    def test_it_refuses_to_lock_a_draft_cycle(self):
        with self.assertRaises(TransitionError):
            self.draft.lock(self.alice)
        self.draft.refresh_from_db()
        self.assertEqual(self.draft.state, CycleState.DRAFT)

    def test_it_refuses_to_lock_a_cycle_held_in_memory_as_open_after_it_was_locked(self):
        ReportingCycle.objects.filter(pk=self.cycle.pk).update(state=CycleState.LOCKED)
        with self.assertRaisesMessage(TransitionError, "已锁定"):
            self.cycle.lock(self.alice)

    def test_only_the_office_opens_and_locks(self):
        for user in (self.lin, self.bob, self.charlie):
            with self.assertRaises(PermissionDenied):
                self.draft.open(user)
            with self.assertRaises(PermissionDenied):
                self.cycle.lock(user)
        self.assertFalse(LogEntry.objects.exists())

    def test_the_system_may_open_a_cycle(self):
        self.draft.open(None)
        self.assertEqual(LogEntry.objects.get().user_name, "")

    def test_it_is_overdue_after_its_due_date_while_open(self):
        self.assertFalse(self.cycle.is_overdue(date(2022, 4, 5)))
        self.assertTrue(self.cycle.is_overdue(date(2022, 4, 6)))
        self.assertFalse(self.draft.is_overdue(date(2022, 6, 1)))

    def test_open_cycles_are_found_by_the_queryset(self):
        self.assertEqual(list(ReportingCycle.objects.open()), [self.cycle])
        self.assertEqual(
            list(ReportingCycle.objects.due_between(date(2022, 5, 1), date(2022, 5, 31))),
            [self.draft],
        )
