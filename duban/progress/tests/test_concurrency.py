"""Concurrent writers lose nothing: optimistic locking refuses stale writes, never overwrites.

Needs PostgreSQL: SQLite serialises writers on one file lock, so it proves nothing here.
Run with DATABASE_URL pointing at a PostgreSQL server and `-m postgres`.
"""

from duban.audit.models import LogEntry
from duban.ledger.choices import AssignmentRole
from duban.ledger.models import Assignment
from duban.lib.transitions import StaleRecord, TransitionError
from duban.progress.choices import ReportKind, ReportState
from duban.progress.models import STALE_REPORT_MESSAGE, Report
from duban.progress.tests.base import add_progress_data
from duban.testing import (
    ConcurrencyTestCase,
    build_cast,
    make_report,
    make_unit,
    make_user,
    run_threads,
)

THREADS = 20


class ConcurrentReportsTestCase(ConcurrencyTestCase):
    def setUp(self):
        super().setUp()
        build_cast(self)
        add_progress_data(self)

    def test_twenty_saves_from_the_same_version_keep_one_and_refuse_the_rest(self):
        report = make_report(self.task, self.fagai, self.cycle, progress="")
        refused, saved = [], []

        def save(i, barrier):
            mine = Report.objects.get(pk=report.pk)
            barrier.wait()
            try:
                mine.save_content(self.bob, version=1, progress=f"第{i}次修改")
            except StaleRecord as exc:
                refused.append(str(exc))
            else:
                saved.append(i)

        self.assertEqual(run_threads(save, THREADS), [])
        self.assertEqual(len(saved), 1)
        self.assertEqual(refused, [STALE_REPORT_MESSAGE] * (THREADS - 1))
        report.refresh_from_db()
        self.assertEqual((report.progress, report.version), (f"第{saved[0]}次修改", 2))

    def test_edits_and_submissions_at_once_lose_no_accepted_write(self):
        shared = make_report(self.task, self.fagai, self.cycle, progress="")
        parts = []
        for i in range(THREADS // 2):
            unit = make_unit(f"配合单位{i}")
            Assignment.objects.create(task=self.task, unit=unit, role=AssignmentRole.SUPPORT)
            user = make_user(f"unit{i}", "unit", unit=unit)
            part = Report.objects.create(
                task=self.task, unit=unit, cycle=self.cycle, kind=ReportKind.PART
            )
            parts.append((part, user))
        refusals = []

        def work(i, barrier):
            barrier.wait()
            if i < THREADS // 2:
                # Append a line to the shared report, retrying after each refusal.
                while True:
                    mine = Report.objects.get(pk=shared.pk)
                    try:
                        mine.save_content(self.bob, progress=mine.progress + f"[{i}]")
                        return
                    except StaleRecord as exc:
                        refusals.append(str(exc))
            part, user = parts[i - THREADS // 2]
            part.save_content(user, progress=f"配合单位{i}完成情况")
            part.submit(user)

        self.assertEqual(run_threads(work, THREADS), [])
        shared.refresh_from_db()
        for i in range(THREADS // 2):
            self.assertIn(f"[{i}]", shared.progress)
        self.assertEqual(shared.version, 1 + THREADS // 2)
        self.assertEqual(
            LogEntry.objects.filter(
                action="progress.report.edited", object_id=str(shared.pk)
            ).count(),
            THREADS // 2,
        )
        self.assertTrue(all(message == STALE_REPORT_MESSAGE for message in refusals))
        for i, (part, _) in enumerate(parts, start=THREADS // 2):
            part.refresh_from_db()
            self.assertEqual(
                (part.state, part.progress), (ReportState.SUBMITTED, f"配合单位{i}完成情况")
            )

    def test_parts_submitted_while_the_lead_unit_consolidates_are_folded_in_or_refused(self):
        consolidated = make_report(self.task, self.fagai, self.cycle)
        parts = []
        for i in range(THREADS - 1):
            unit = make_unit(f"配合单位{i}")
            Assignment.objects.create(task=self.task, unit=unit, role=AssignmentRole.SUPPORT)
            user = make_user(f"unit{i}", "unit", unit=unit)
            parts.append(
                (make_report(self.task, unit, self.cycle, progress=f"配合单位{i}完成情况"), user)
            )
        refused = []

        def work(i, barrier):
            barrier.wait()
            if i == THREADS - 1:
                Report.objects.get(pk=consolidated.pk).consolidate(self.bob)
                return
            part, user = parts[i]
            try:
                Report.objects.get(pk=part.pk).submit(user)
            except TransitionError:
                refused.append(i)

        self.assertEqual(run_threads(work, THREADS), [])
        states = [Report.objects.get(pk=part.pk).state for part, _ in parts]
        # None stranded: each part is in the consolidated report or, refused, still a draft.
        self.assertLessEqual(set(states), {ReportState.CONSOLIDATED, ReportState.DRAFT})
        drafts = [i for i, state in enumerate(states) if state == ReportState.DRAFT]
        self.assertEqual(sorted(refused), drafts)
