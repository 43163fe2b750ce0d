from datetime import date

import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from duban.audit.models import LogEntry
from duban.ledger.choices import Role, TaskStatus
from duban.lib.transitions import StaleRecord, TransitionError
from duban.progress.choices import CycleState, ReportKind, ReportState, ReviewDecision
from duban.progress.models import Report, ReportingCycle
from duban.progress.tests.base import ProgressTestCase
from duban.testing import make_task


class StartReportTestCase(ProgressTestCase):
    def test_the_lead_unit_starts_the_consolidated_report(self):
        report = Report.start(self.task, self.x, self.cycle, self.xavier)
        self.assertEqual((report.kind, report.state, report.version), ("consolidated", "draft", 1))
        self.assertTrue(LogEntry.objects.filter(action="progress.report.created").exists())

    def test_a_cooperating_unit_starts_its_part(self):
        report = Report.start(self.task, self.y, self.cycle, self.yvonne)
        self.assertEqual(report.kind, ReportKind.PART)

    def test_it_returns_the_existing_report_when_started_again(self):
        first = Report.start(self.task, self.y, self.cycle, self.yvonne)
        self.assertEqual(Report.start(self.task, self.y, self.cycle, self.yvonne), first)
        self.assertEqual(Report.objects.count(), 1)

    def test_a_task_printed_twice_is_reported_on_the_copy_it_repeats(self):
        copy = make_task(self.task.section, "9", self.task.text, [(self.x, Role.LEAD)])
        copy.twin_of = self.task
        copy.save()
        with self.assertRaisesMessage(TransitionError, "为同一任务，请在该任务下报送"):
            Report.start(copy, self.x, self.cycle, self.xavier)
        self.client.force_login(self.xavier)
        rows = self.client.get(reverse("progress:my-reports")).context["rows"]
        self.assertEqual({row["task"] for row in rows}, {self.task})

    def test_it_refuses_a_unit_without_a_role_in_the_task(self):
        with self.assertRaises(PermissionDenied):
            Report.start(self.task, self.z, self.cycle, self.zoe)

    def test_it_refuses_a_user_acting_for_another_unit(self):
        with self.assertRaises(PermissionDenied):
            Report.start(self.task, self.x, self.cycle, self.yvonne)
        with self.assertRaises(PermissionDenied):
            Report.start(self.task, self.x, self.cycle, self.office)

    def test_it_refuses_to_start_in_a_locked_cycle(self):
        self.cycle.lock(self.office)
        with self.assertRaisesMessage(TransitionError, "已锁定"):
            Report.start(self.task, self.x, self.cycle, self.xavier)


class EditReportTestCase(ProgressTestCase):
    def test_the_unit_saves_its_draft_and_the_version_moves_on(self):
        report = self.make_report(self.y)
        report.save_content(self.yvonne, version=1, progress="新进度", percent_complete=30)
        report.refresh_from_db()
        self.assertEqual(
            (report.progress, report.percent_complete, report.version), ("新进度", 30, 2)
        )
        entry = LogEntry.objects.get(action="progress.report.edited")
        self.assertEqual(entry.data, {"fields": ["percent_complete", "progress"]})

    def test_it_refuses_a_save_from_a_stale_version_and_keeps_the_newer_text(self):
        report = self.make_report(self.y)
        stale = Report.objects.get(pk=report.pk)
        report.save_content(self.yvonne, progress="甲的修改")
        with self.assertRaisesMessage(StaleRecord, "该报告已被他人修改，请刷新后重试"):
            stale.save_content(self.yvonne, progress="乙的修改")
        report.refresh_from_db()
        self.assertEqual((report.progress, report.version), ("甲的修改", 2))

    def test_it_refuses_a_save_with_the_version_a_form_was_loaded_with(self):
        report = self.make_report(self.y)
        report.save_content(self.yvonne, version=1, progress="第一次")
        with self.assertRaises(StaleRecord):
            report.save_content(self.yvonne, version=1, progress="第二次")

    def test_another_unit_cannot_edit_the_report(self):
        report = self.make_report(self.y)
        for user in (self.xavier, self.zoe, self.office, self.alice):
            with self.assertRaises(PermissionDenied):
                report.save_content(user, progress="改")

    def test_a_submitted_report_cannot_be_edited(self):
        report = self.make_report(self.y, state=ReportState.SUBMITTED)
        with self.assertRaisesMessage(TransitionError, "已报送"):
            report.save_content(self.yvonne, progress="改")

    def test_a_locked_cycle_refuses_changes(self):
        report = self.make_report(self.y)
        self.cycle.lock(self.office)
        with self.assertRaisesMessage(TransitionError, "不能再修改"):
            report.save_content(self.yvonne, progress="改")
        with self.assertRaises(TransitionError):
            report.submit(self.yvonne)
        report.refresh_from_db()
        self.assertEqual((report.state, report.version), (ReportState.DRAFT, 1))

    def test_it_rejects_unknown_fields(self):
        report = self.make_report(self.y)
        with self.assertRaises(ValueError):
            report.save_content(self.yvonne, state="accepted")


class SubmitPartTestCase(ProgressTestCase):
    @time_machine.travel("2022-04-03 10:00 +0800", tick=False)
    def test_the_cooperating_unit_submits_its_part(self):
        part = self.make_report(self.y)
        part.submit(self.yvonne)
        part.refresh_from_db()
        self.assertEqual(part.state, ReportState.SUBMITTED)
        self.assertEqual(part.submitted_by, self.yvonne)
        self.assertEqual(part.submitted_at.isoformat(), "2022-04-03T02:00:00+00:00")
        self.assertEqual(part.version, 2)
        entry = LogEntry.objects.get(action="progress.report.submitted")
        self.assertEqual(entry.data["from"], "draft")
        self.assertEqual(entry.data["to"], "submitted")

    def test_it_refuses_to_submit_without_progress_text(self):
        part = self.make_report(self.y, progress="  ")
        with self.assertRaisesMessage(TransitionError, "完成情况"):
            part.submit(self.yvonne)

    def test_it_refuses_to_submit_twice(self):
        part = self.make_report(self.y)
        part.submit(self.yvonne)
        with self.assertRaises(TransitionError):
            part.submit(self.yvonne)

    def test_the_lead_unit_cannot_submit_a_cooperating_units_part(self):
        part = self.make_report(self.y)
        with self.assertRaises(PermissionDenied):
            part.submit(self.xavier)

    def test_a_cooperating_unit_cannot_submit_the_consolidated_report(self):
        consolidated = self.make_report(self.x)
        with self.assertRaisesMessage(PermissionDenied, "汇总报告只能由牵头单位"):
            consolidated.submit(self.yvonne)
        with self.assertRaises(PermissionDenied):
            consolidated.consolidate(self.yvonne)
        consolidated.refresh_from_db()
        self.assertEqual(consolidated.state, ReportState.DRAFT)


class ConsolidateTestCase(ProgressTestCase):
    def test_the_lead_unit_consolidates_the_submitted_parts(self):
        part = self.make_report(self.y)
        part.submit(self.yvonne)
        consolidated = self.make_report(self.x)
        consolidated.consolidate(self.xavier)
        part.refresh_from_db()
        consolidated.refresh_from_db()
        self.assertEqual(part.state, ReportState.CONSOLIDATED)
        self.assertEqual(consolidated.state, ReportState.SUBMITTED)
        entry = LogEntry.objects.get(action="progress.report.consolidated")
        self.assertEqual((entry.data["parts"], entry.data["missing"]), ([part.pk], []))

    def test_it_leaves_draft_parts_out_and_names_them(self):
        part = self.make_report(self.y)
        consolidated = self.make_report(self.x)
        consolidated.consolidate(self.xavier)
        part.refresh_from_db()
        self.assertEqual(part.state, ReportState.DRAFT)
        entry = LogEntry.objects.get(action="progress.report.consolidated")
        self.assertEqual(entry.data["missing"], ["区财政局"])

    def test_submitting_the_consolidated_report_consolidates_it(self):
        consolidated = self.make_report(self.x)
        consolidated.submit(self.xavier)
        self.assertTrue(LogEntry.objects.filter(action="progress.report.consolidated").exists())

    def test_only_the_consolidated_report_can_be_consolidated(self):
        part = self.make_report(self.y)
        with self.assertRaises(TransitionError):
            part.consolidate(self.yvonne)

    def test_it_refuses_to_consolidate_an_accepted_report(self):
        consolidated = self.make_report(self.x, state=ReportState.ACCEPTED)
        with self.assertRaises(TransitionError):
            consolidated.consolidate(self.xavier)


class ReviewTestCase(ProgressTestCase):
    def submitted(self) -> Report:
        report = self.make_report(self.x)
        report.consolidate(self.xavier)
        return report

    def test_the_office_accepts_a_submitted_report(self):
        report = self.submitted()
        review = report.accept(self.office, "内容详实")
        report.refresh_from_db()
        self.assertEqual(report.state, ReportState.ACCEPTED)
        self.assertEqual((review.decision, review.reviewer), (ReviewDecision.ACCEPT, self.office))
        self.assertTrue(LogEntry.objects.filter(action="progress.report.accepted").exists())

    def test_the_office_returns_a_report_with_a_comment(self):
        report = self.submitted()
        report.return_for_changes(self.office, "请补充投资完成数据")
        report.refresh_from_db()
        self.assertEqual(report.state, ReportState.RETURNED)
        self.assertEqual(report.reviews.get().comment, "请补充投资完成数据")
        entry = LogEntry.objects.get(action="progress.report.returned")
        self.assertEqual(entry.data["comment"], "请补充投资完成数据")

    def test_a_return_needs_a_comment(self):
        report = self.submitted()
        with self.assertRaisesMessage(TransitionError, "修改意见"):
            report.return_for_changes(self.office, "  ")

    def test_a_returned_report_is_edited_and_resubmitted_then_accepted(self):
        report = self.submitted()
        report.return_for_changes(self.office, "请补充数据")
        report.save_content(self.xavier, progress="一季度完成投资32.5亿元，占年度27%。")
        report.submit(self.xavier)
        report.accept(self.office)
        report.refresh_from_db()
        self.assertEqual(report.state, ReportState.ACCEPTED)
        self.assertEqual(report.version, 6)
        self.assertEqual(report.reviews.count(), 2)

    def test_it_refuses_to_review_a_draft_or_an_accepted_report(self):
        report = self.make_report(self.x)
        with self.assertRaises(TransitionError):
            report.accept(self.office)
        report.consolidate(self.xavier)
        report.accept(self.office)
        with self.assertRaises(TransitionError):
            report.accept(self.office)
        with self.assertRaises(TransitionError):
            report.return_for_changes(self.office, "再改")

    def test_only_the_office_reviews_a_consolidated_report(self):
        report = self.submitted()
        for user in (self.xavier, self.yvonne, self.alice):
            with self.assertRaises(PermissionDenied):
                report.accept(user)
            with self.assertRaises(PermissionDenied):
                report.return_for_changes(user, "改")

    def test_the_office_does_not_accept_a_part(self):
        part = self.make_report(self.y, state=ReportState.SUBMITTED)
        with self.assertRaises(TransitionError):
            part.accept(self.office)

    def test_the_lead_unit_returns_a_part_for_changes(self):
        part = self.make_report(self.y)
        part.submit(self.yvonne)
        part.return_for_changes(self.xavier, "请补充财政资金到位情况")
        part.refresh_from_db()
        self.assertEqual(part.state, ReportState.RETURNED)
        part.submit(self.yvonne)
        part.refresh_from_db()
        self.assertEqual(part.state, ReportState.SUBMITTED)

    def test_only_the_lead_unit_returns_a_part(self):
        part = self.make_report(self.y, state=ReportState.SUBMITTED)
        for user in (self.yvonne, self.zoe, self.office):
            with self.assertRaises(PermissionDenied):
                part.return_for_changes(user, "改")

    def test_a_locked_cycle_refuses_reviews(self):
        report = self.submitted()
        self.cycle.lock(self.office)
        with self.assertRaises(TransitionError):
            report.accept(self.office)
        report.refresh_from_db()
        self.assertEqual(report.state, ReportState.SUBMITTED)
        self.assertEqual(self.cycle.state, CycleState.LOCKED)

    def test_a_review_from_a_stale_copy_is_refused(self):
        report = self.submitted()
        stale = Report.objects.get(pk=report.pk)
        report.return_for_changes(self.office, "请补充")
        report.save_content(self.xavier, progress="补充后")
        report.submit(self.xavier)
        with self.assertRaises(StaleRecord):
            stale.accept(self.office)
        self.assertEqual(report.reviews.count(), 1)


class LeadUnitTestCase(ProgressTestCase):
    def test_the_first_joint_unit_leads_a_row_without_a_lead_unit(self):
        task = make_task(
            self.task.section,
            "3",
            "财政收入增长8%",
            [(self.y, Role.SUPPORT), (self.z, Role.JOINT), (self.x, Role.JOINT)],
        )
        self.assertEqual(task.lead_unit_id, self.z.pk)
        self.assertEqual(Report.start(task, self.z, self.cycle, self.zoe).kind, "consolidated")
        self.assertEqual(Report.start(task, self.x, self.cycle, self.xavier).kind, "part")

    def test_a_unit_the_remark_names_leads_instead(self):
        self.task.lead_override_units.add(self.z)
        self.assertEqual(self.task.lead_unit_id, self.z.pk)
        self.assertEqual(Report.start(self.task, self.x, self.cycle, self.xavier).kind, "part")

    def test_a_withdrawn_task_takes_no_reports(self):
        self.task.status = TaskStatus.WITHDRAWN
        self.task.save()
        with self.assertRaisesMessage(TransitionError, "已撤销"):
            Report.start(self.task, self.x, self.cycle, self.xavier)


class ReportQueriesTestCase(ProgressTestCase):
    def test_delivered_reports_are_the_handed_in_ones(self):
        part = self.make_report(self.y)
        consolidated = self.make_report(self.x)
        part.submit(self.yvonne)
        self.assertEqual(list(Report.objects.delivered()), [part])
        consolidated.consolidate(self.xavier)
        self.assertEqual(Report.objects.delivered().count(), 2)

    def test_folding_a_part_is_audited_on_the_part(self):
        part = self.make_report(self.y)
        part.submit(self.yvonne)
        self.make_report(self.x).consolidate(self.xavier)
        entry = LogEntry.objects.get(action="progress.report.folded")
        self.assertEqual(entry.object_id, str(part.pk))

    def test_previous_is_the_units_report_in_the_last_earlier_cycle(self):
        march = self.make_report(self.y)
        april = ReportingCycle.objects.create(
            plan=self.plan,
            kind=self.cycle.kind,
            name="2022年4月",
            period_start=date(2022, 4, 1),
            period_end=date(2022, 4, 30),
            due_on=date(2022, 5, 5),
            state=CycleState.OPEN,
        )
        report = Report.objects.create(task=self.task, unit=self.y, cycle=april, kind="part")
        self.assertEqual(report.previous(), march)
        self.assertIsNone(march.previous())
