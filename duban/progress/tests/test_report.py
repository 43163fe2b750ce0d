from datetime import date

import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from duban.audit.models import LogEntry
from duban.ledger.choices import AssignmentRole, TaskState
from duban.lib.transitions import StaleRecord, TransitionError
from duban.progress.choices import CycleState, ReportKind, ReportState, ReviewDecision
from duban.progress.models import Report, ReportingCycle
from duban.progress.tests.base import ProgressTestCase
from duban.testing import make_report, make_task


class StartReportTestCase(ProgressTestCase):
    def test_the_lead_unit_starts_the_consolidated_report(self):
        report = Report.start(self.task, self.fagai, self.cycle, self.bob)
        self.assertEqual((report.kind, report.state, report.version), ("consolidated", "draft", 1))
        self.assertTrue(LogEntry.objects.filter(action="progress.report.created").exists())

    def test_a_cooperating_unit_starts_its_part(self):
        report = Report.start(self.task, self.caizheng, self.cycle, self.charlie)
        self.assertEqual(report.kind, ReportKind.PART)

    def test_it_returns_the_existing_report_when_started_again(self):
        first = Report.start(self.task, self.caizheng, self.cycle, self.charlie)
        self.assertEqual(Report.start(self.task, self.caizheng, self.cycle, self.charlie), first)
        self.assertEqual(Report.objects.count(), 1)

    def test_a_task_printed_twice_is_reported_on_the_copy_it_repeats(self):
        copy = make_task(
            self.task.section, "9", self.task.text, [(self.fagai, AssignmentRole.LEAD)]
        )
        copy.twin_of = self.task
        copy.save()
        with self.assertRaisesMessage(TransitionError, "为同一任务，请在该任务下报送"):
            Report.start(copy, self.fagai, self.cycle, self.bob)
        self.client.force_login(self.bob)
        rows = self.client.get(reverse("progress:my-reports")).context["rows"]
        self.assertEqual({row["task"] for row in rows}, {self.task})

    def test_it_refuses_a_unit_without_a_role_in_the_task(self):
        with self.assertRaises(PermissionDenied):
            Report.start(self.task, self.jiaoyu, self.cycle, self.dave)

    def test_it_refuses_a_user_acting_for_another_unit(self):
        with self.assertRaises(PermissionDenied):
            Report.start(self.task, self.fagai, self.cycle, self.charlie)
        with self.assertRaises(PermissionDenied):
            Report.start(self.task, self.fagai, self.cycle, self.alice)

    def test_it_refuses_to_start_in_a_locked_cycle(self):
        self.cycle.lock(self.alice)
        with self.assertRaisesMessage(TransitionError, "已锁定"):
            Report.start(self.task, self.fagai, self.cycle, self.bob)


class EditReportTestCase(ProgressTestCase):
    def test_the_unit_saves_its_draft_and_the_version_moves_on(self):
        report = make_report(self.task, self.caizheng, self.cycle)
        report.save_content(self.charlie, version=1, progress="新进度", percent_complete=30)
        report.refresh_from_db()
        self.assertEqual(
            (report.progress, report.percent_complete, report.version), ("新进度", 30, 2)
        )
        entry = LogEntry.objects.get(action="progress.report.edited")
        self.assertEqual(entry.data, {"fields": ["percent_complete", "progress"]})

    def test_it_refuses_a_save_from_a_stale_version_and_keeps_the_newer_text(self):
        report = make_report(self.task, self.caizheng, self.cycle)
        stale = Report.objects.get(pk=report.pk)
        report.save_content(self.charlie, progress="甲的修改")
        with self.assertRaisesMessage(StaleRecord, "该报告已被他人修改，请刷新后重试"):
            stale.save_content(self.charlie, progress="乙的修改")
        report.refresh_from_db()
        self.assertEqual((report.progress, report.version), ("甲的修改", 2))

    def test_it_refuses_a_save_with_the_version_a_form_was_loaded_with(self):
        report = make_report(self.task, self.caizheng, self.cycle)
        report.save_content(self.charlie, version=1, progress="第一次")
        with self.assertRaises(StaleRecord):
            report.save_content(self.charlie, version=1, progress="第二次")

    def test_another_unit_cannot_edit_the_report(self):
        report = make_report(self.task, self.caizheng, self.cycle)
        for user in (self.bob, self.dave, self.alice, self.lin):
            with self.assertRaises(PermissionDenied):
                report.save_content(user, progress="改")

    def test_a_submitted_report_cannot_be_edited(self):
        report = make_report(self.task, self.caizheng, self.cycle, state=ReportState.SUBMITTED)
        with self.assertRaisesMessage(TransitionError, "已报送"):
            report.save_content(self.charlie, progress="改")

    def test_a_locked_cycle_refuses_changes(self):
        report = make_report(self.task, self.caizheng, self.cycle)
        self.cycle.lock(self.alice)
        with self.assertRaisesMessage(TransitionError, "不能再修改"):
            report.save_content(self.charlie, progress="改")
        with self.assertRaises(TransitionError):
            report.submit(self.charlie)
        report.refresh_from_db()
        self.assertEqual((report.state, report.version), (ReportState.DRAFT, 1))

    def test_it_rejects_unknown_fields(self):
        report = make_report(self.task, self.caizheng, self.cycle)
        with self.assertRaises(ValueError):
            report.save_content(self.charlie, state="accepted")


class SubmitPartTestCase(ProgressTestCase):
    @time_machine.travel("2022-04-03 10:00 +0800", tick=False)
    def test_the_cooperating_unit_submits_its_part(self):
        part = make_report(self.task, self.caizheng, self.cycle)
        part.submit(self.charlie)
        part.refresh_from_db()
        self.assertEqual(part.state, ReportState.SUBMITTED)
        self.assertEqual(part.submitted_by, self.charlie)
        self.assertEqual(part.submitted_at.isoformat(), "2022-04-03T02:00:00+00:00")
        self.assertEqual(part.version, 2)
        entry = LogEntry.objects.get(action="progress.report.submitted")
        self.assertEqual(entry.data["from"], "draft")
        self.assertEqual(entry.data["to"], "submitted")

    def test_it_refuses_to_submit_without_progress_text(self):
        part = make_report(self.task, self.caizheng, self.cycle, progress="  ")
        with self.assertRaisesMessage(TransitionError, "完成情况"):
            part.submit(self.charlie)

    def test_it_refuses_to_submit_twice(self):
        part = make_report(self.task, self.caizheng, self.cycle)
        part.submit(self.charlie)
        with self.assertRaises(TransitionError):
            part.submit(self.charlie)

    def test_the_lead_unit_cannot_submit_a_cooperating_units_part(self):
        part = make_report(self.task, self.caizheng, self.cycle)
        with self.assertRaises(PermissionDenied):
            part.submit(self.bob)

    def test_a_cooperating_unit_cannot_submit_the_consolidated_report(self):
        consolidated = make_report(self.task, self.fagai, self.cycle)
        with self.assertRaisesMessage(PermissionDenied, "汇总报告只能由牵头单位"):
            consolidated.submit(self.charlie)
        with self.assertRaises(PermissionDenied):
            consolidated.consolidate(self.charlie)
        consolidated.refresh_from_db()
        self.assertEqual(consolidated.state, ReportState.DRAFT)


class ConsolidateTestCase(ProgressTestCase):
    def test_the_lead_unit_consolidates_the_submitted_parts(self):
        part = make_report(self.task, self.caizheng, self.cycle)
        part.submit(self.charlie)
        joint_part = make_report(self.task, self.shangwu, self.cycle)
        joint_part.submit(self.joan)
        consolidated = make_report(self.task, self.fagai, self.cycle)
        consolidated.consolidate(self.bob)
        part.refresh_from_db()
        consolidated.refresh_from_db()
        self.assertEqual(part.state, ReportState.CONSOLIDATED)
        self.assertEqual(consolidated.state, ReportState.SUBMITTED)
        entry = LogEntry.objects.get(action="progress.report.consolidated")
        self.assertEqual(
            (sorted(entry.data["parts"]), entry.data["missing"]),
            (sorted([part.pk, joint_part.pk]), []),
        )

    def test_it_leaves_draft_parts_out_and_names_them(self):
        part = make_report(self.task, self.caizheng, self.cycle)
        consolidated = make_report(self.task, self.fagai, self.cycle)
        consolidated.consolidate(self.bob)
        part.refresh_from_db()
        self.assertEqual(part.state, ReportState.DRAFT)
        entry = LogEntry.objects.get(action="progress.report.consolidated")
        self.assertEqual(entry.data["missing"], ["区商务局", "区财政局"])

    def test_submitting_the_consolidated_report_consolidates_it(self):
        consolidated = make_report(self.task, self.fagai, self.cycle)
        consolidated.submit(self.bob)
        self.assertTrue(LogEntry.objects.filter(action="progress.report.consolidated").exists())

    def test_only_the_consolidated_report_can_be_consolidated(self):
        part = make_report(self.task, self.caizheng, self.cycle)
        with self.assertRaises(TransitionError):
            part.consolidate(self.charlie)

    def test_it_refuses_to_consolidate_an_accepted_report(self):
        consolidated = make_report(self.task, self.fagai, self.cycle, state=ReportState.ACCEPTED)
        with self.assertRaises(TransitionError):
            consolidated.consolidate(self.bob)


class ReviewTestCase(ProgressTestCase):
    def submitted(self) -> Report:
        report = make_report(self.task, self.fagai, self.cycle)
        report.consolidate(self.bob)
        return report

    def test_the_office_accepts_a_submitted_report(self):
        report = self.submitted()
        review = report.accept(self.alice, "内容详实")
        report.refresh_from_db()
        self.assertEqual(report.state, ReportState.ACCEPTED)
        self.assertEqual((review.decision, review.reviewer), (ReviewDecision.ACCEPT, self.alice))
        self.assertTrue(LogEntry.objects.filter(action="progress.report.accepted").exists())

    def test_the_office_returns_a_report_with_a_comment(self):
        report = self.submitted()
        report.return_for_changes(self.alice, "请补充投资完成数据")
        report.refresh_from_db()
        self.assertEqual(report.state, ReportState.RETURNED)
        self.assertEqual(report.reviews.get().comment, "请补充投资完成数据")
        entry = LogEntry.objects.get(action="progress.report.returned")
        self.assertEqual(entry.data["comment"], "请补充投资完成数据")

    def test_a_return_needs_a_comment(self):
        report = self.submitted()
        with self.assertRaisesMessage(TransitionError, "修改意见"):
            report.return_for_changes(self.alice, "  ")

    def test_a_returned_report_is_edited_and_resubmitted_then_accepted(self):
        report = self.submitted()
        report.return_for_changes(self.alice, "请补充数据")
        report.save_content(self.bob, progress="一季度完成投资32.5亿元，占年度27%。")
        report.submit(self.bob)
        report.accept(self.alice)
        report.refresh_from_db()
        self.assertEqual(report.state, ReportState.ACCEPTED)
        self.assertEqual(report.version, 6)
        self.assertEqual(report.reviews.count(), 2)

    def test_it_refuses_to_review_a_draft_or_an_accepted_report(self):
        report = make_report(self.task, self.fagai, self.cycle)
        with self.assertRaises(TransitionError):
            report.accept(self.alice)
        report.consolidate(self.bob)
        report.accept(self.alice)
        with self.assertRaises(TransitionError):
            report.accept(self.alice)
        with self.assertRaises(TransitionError):
            report.return_for_changes(self.alice, "再改")

    def test_only_the_office_reviews_a_consolidated_report(self):
        report = self.submitted()
        for user in (self.bob, self.charlie, self.lin):
            with self.assertRaises(PermissionDenied):
                report.accept(user)
            with self.assertRaises(PermissionDenied):
                report.return_for_changes(user, "改")

    def test_the_office_does_not_accept_a_part(self):
        part = make_report(self.task, self.caizheng, self.cycle, state=ReportState.SUBMITTED)
        with self.assertRaises(TransitionError):
            part.accept(self.alice)

    def test_the_lead_unit_returns_a_part_for_changes(self):
        part = make_report(self.task, self.caizheng, self.cycle)
        part.submit(self.charlie)
        part.return_for_changes(self.bob, "请补充财政资金到位情况")
        part.refresh_from_db()
        self.assertEqual(part.state, ReportState.RETURNED)
        part.submit(self.charlie)
        part.refresh_from_db()
        self.assertEqual(part.state, ReportState.SUBMITTED)

    def test_only_the_lead_unit_returns_a_part(self):
        part = make_report(self.task, self.caizheng, self.cycle, state=ReportState.SUBMITTED)
        for user in (self.charlie, self.dave, self.alice):
            with self.assertRaises(PermissionDenied):
                part.return_for_changes(user, "改")

    def test_a_locked_cycle_refuses_reviews(self):
        report = self.submitted()
        self.cycle.lock(self.alice)
        with self.assertRaises(TransitionError):
            report.accept(self.alice)
        report.refresh_from_db()
        self.assertEqual(report.state, ReportState.SUBMITTED)
        self.assertEqual(self.cycle.state, CycleState.LOCKED)

    def test_a_review_from_a_stale_copy_is_refused(self):
        report = self.submitted()
        stale = Report.objects.get(pk=report.pk)
        report.return_for_changes(self.alice, "请补充")
        report.save_content(self.bob, progress="补充后")
        report.submit(self.bob)
        with self.assertRaises(StaleRecord):
            stale.accept(self.alice)
        self.assertEqual(report.reviews.count(), 1)


class LeadUnitTestCase(ProgressTestCase):
    def test_the_first_joint_unit_leads_a_row_without_a_lead_unit(self):
        task = make_task(
            self.task.section,
            "3",
            "财政收入增长8%",
            [
                (self.caizheng, AssignmentRole.SUPPORT),
                (self.jiaoyu, AssignmentRole.JOINT),
                (self.fagai, AssignmentRole.JOINT),
            ],
        )
        self.assertEqual(task.lead_unit_id, self.jiaoyu.pk)
        self.assertEqual(
            Report.start(task, self.jiaoyu, self.cycle, self.dave).kind, "consolidated"
        )
        self.assertEqual(Report.start(task, self.fagai, self.cycle, self.bob).kind, "part")

    def test_a_unit_the_remark_names_leads_instead(self):
        self.task.lead_override_units.add(self.jiaoyu)
        self.assertEqual(self.task.lead_unit_id, self.jiaoyu.pk)
        self.assertEqual(Report.start(self.task, self.fagai, self.cycle, self.bob).kind, "part")

    def test_a_withdrawn_task_takes_no_reports(self):
        self.task.status = TaskState.WITHDRAWN
        self.task.save()
        with self.assertRaisesMessage(TransitionError, "已撤销"):
            Report.start(self.task, self.fagai, self.cycle, self.bob)


class ReportQueriesTestCase(ProgressTestCase):
    def test_delivered_reports_are_the_handed_in_ones(self):
        part = make_report(self.task, self.caizheng, self.cycle)
        consolidated = make_report(self.task, self.fagai, self.cycle)
        part.submit(self.charlie)
        self.assertEqual(list(Report.objects.delivered()), [part])
        consolidated.consolidate(self.bob)
        self.assertEqual(Report.objects.delivered().count(), 2)

    def test_folding_a_part_is_audited_on_the_part(self):
        part = make_report(self.task, self.caizheng, self.cycle)
        part.submit(self.charlie)
        make_report(self.task, self.fagai, self.cycle).consolidate(self.bob)
        entry = LogEntry.objects.get(action="progress.report.folded")
        self.assertEqual(entry.object_id, str(part.pk))

    def test_previous_is_the_units_report_in_the_last_earlier_cycle(self):
        march = make_report(self.task, self.caizheng, self.cycle)
        april = ReportingCycle.objects.create(
            plan=self.plan,
            kind=self.cycle.kind,
            name="2022年4月",
            period_start=date(2022, 4, 1),
            period_end=date(2022, 4, 30),
            due_on=date(2022, 5, 5),
            state=CycleState.OPEN,
        )
        report = Report.objects.create(task=self.task, unit=self.caizheng, cycle=april, kind="part")
        self.assertEqual(report.previous(), march)
        self.assertIsNone(march.previous())
