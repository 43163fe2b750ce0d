import re
import shutil
import tempfile
from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from duban.audit.actions import declared
from duban.audit.models import LogEntry
from duban.progress.actions import ReportAction
from duban.progress.models import Attachment, Report
from duban.progress.tests.base import ProgressTestCase
from duban.supervision.actions import SupervisionNoticeAction
from duban.supervision.choices import Tier
from duban.supervision.models import SupervisionNotice
from duban.supervision.timeline import timeline_for_task
from duban.targets.choices import Measure, ValueSource
from duban.targets.models import Metric, Target
from duban.targets.values import record_metric_value
from duban.testing import make_report

# What an entry written by an older version under a since-renamed action holds.
UNDECLARED_ACTION = "progress.report.vanished"
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
WORKING = {
    "progress.report.created",
    "progress.report.edited",
    "progress.attachment.added",
}


class TimelineScopeTestCase(ProgressTestCase):
    """区财政局 (charlie) drafts its part with a file; 区发改局 (bob) gets a 督办单."""

    def setUp(self):
        media = tempfile.mkdtemp(prefix="duban-timeline-")
        self.addCleanup(shutil.rmtree, media, ignore_errors=True)
        override = override_settings(MEDIA_ROOT=media)
        override.enable()
        self.addCleanup(override.disable)
        self.part = Report.start(self.task, self.caizheng, self.cycle, self.charlie)
        self.part.save_content(self.charlie, progress="已拨付专项资金2亿元。")
        Attachment.add(self.part, SimpleUploadedFile("凭证.pdf", PDF), self.charlie)
        SupervisionNotice.issue(
            task=self.task,
            unit=self.fagai,
            tier=Tier.WARN,
            reason="未按期报送",
            respond_by=date(2022, 4, 15),
            user=self.alice,
        )

    def actions(self, user) -> set[str]:
        return {line.entry.action for line in timeline_for_task(self.task, user)}

    def test_the_office_sees_every_entry(self):
        actions = self.actions(self.alice)
        self.assertLessEqual(WORKING | {"supervision.notice.issued"}, actions)

    def test_the_unit_sees_its_own_drafts_edits_and_files(self):
        self.assertLessEqual(WORKING, self.actions(self.charlie))

    def test_a_leader_does_not_see_the_working_of_an_unsubmitted_report(self):
        entries = [line.entry for line in timeline_for_task(self.task, self.lin)]
        self.assertFalse(WORKING & {e.action for e in entries})
        self.assertNotIn("charlie", {e.user_name for e in entries})

    def test_the_lead_unit_does_not_see_a_part_before_it_is_submitted(self):
        self.assertFalse(WORKING & self.actions(self.bob))

    def test_once_submitted_the_lead_unit_sees_the_submission_but_not_the_drafting(self):
        self.part.submit(self.charlie)
        actions = self.actions(self.bob)
        self.assertIn("progress.report.submitted", actions)
        self.assertFalse(WORKING & actions)

    def test_a_unit_does_not_see_a_notice_issued_to_another_unit(self):
        self.assertNotIn("supervision.notice.issued", self.actions(self.charlie))
        self.assertIn("supervision.notice.issued", self.actions(self.bob))

    def test_a_unit_of_another_task_sees_nothing_of_this_one(self):
        self.assertEqual(self.actions(self.dave), set())

    def test_the_task_page_tells_each_entry_as_a_sentence(self):
        # One from before its action was declared (or after it was renamed) included.
        LogEntry.objects.create(
            action=UNDECLARED_ACTION, object_type="ledger.task", object_id=self.task.pk
        )
        self.client.force_login(self.alice)
        page = self.client.get(reverse("ledger:task", args=[self.task.pk])).content.decode()
        for sentence in [
            "<strong>区财政局</strong> 开始填写2022年3月报告",
            "<strong>区财政局</strong> 修改了2022年3月报告",
            "<strong>区财政局</strong> 为2022年3月报告上传了佐证材料",
            "<strong>督查室</strong> 向区发改局下发了警示督办单",
            "其他操作",
        ]:
            self.assertIn(sentence, page)
        self.assertNotRegex(page, r"(ledger|progress|supervision|targets|public)\.\w+\.\w+")

    def test_another_units_report_is_named_with_its_unit(self):
        self.part.submit(self.charlie)
        lines = timeline_for_task(self.task, self.bob)
        submitted = next(line for line in lines if line.entry.action == ReportAction.SUBMITTED)
        assert (submitted.actor, submitted.text) == ("区财政局", "报送了2022年3月报告")

    def test_the_office_is_told_its_own_acts_with_the_unit_they_concern(self):
        lines = timeline_for_task(self.task, self.alice)
        issued = next(line for line in lines if line.entry.action == SupervisionNoticeAction.ISSUED)
        assert (issued.actor, issued.text) == ("督查室", "向区发改局下发了警示督办单")

    def test_the_date_is_written_once_without_the_current_year(self):
        lines = timeline_for_task(self.task, self.alice)
        today = timezone.localdate()
        assert {line.when for line in lines} == {f"{today.month}月{today.day}日"}
        assert all(str(today.year) not in line.text for line in lines)


class EveryActionTestCase(ProgressTestCase):
    def test_no_declared_action_shows_its_key_on_the_task_page(self):
        for action in declared():
            data = {"on_date": "2022-03-31", "value": "4.8", "unit": "%", "to": "red"}
            LogEntry.objects.create(
                action=action,
                object_type="ledger.task",
                object_id=self.task.pk,
                object_repr=str(self.task),
                data=data,
                user=self.alice,
                user_name="alice",
            )
        self.client.force_login(self.alice)
        page = self.client.get(reverse("ledger:task", args=[self.task.pk])).content.decode()
        lines = timeline_for_task(self.task, self.alice)
        assert len(lines) == len(declared())
        for line in lines:
            assert line.entry.action not in line.text, line.text
            assert re.fullmatch(r"\d+月\d+日", line.when), line.when
            assert line.actor == "督查室"
        for action in declared():
            assert action not in page, action


class TimelineValuesTestCase(ProgressTestCase):
    def test_an_accepted_value_shows_with_who_reported_it_and_in_which_report(self):
        target = Target.objects.create(
            task=self.task,
            metric=Metric.objects.create(name="固定资产投资额"),
            metric_text="完成投资",
            measure=Measure.LEVEL,
            value=Decimal("120"),
            unit="亿元",
            text="全年完成投资120亿元",
        )
        report = make_report(
            self.task, self.fagai, self.cycle, target_values={str(target.pk): "32.5"}
        )
        report.consolidate(self.bob)
        report.accept(self.alice)
        self.client.force_login(self.lin)
        page = self.client.get(reverse("ledger:task", args=[self.task.pk])).content.decode()
        self.assertIn(
            "<strong>督查室</strong> 记录了“完成投资”的数值：32.5亿元（截至2022年3月31日，"
            "来自报告：区发改局 · 2022年3月，填报人：bob）",
            page,
        )

    def test_an_imported_value_of_a_metric_shows_on_the_tasks_bound_to_it(self):
        metric = Metric.objects.create(name="固定资产投资额")
        Target.objects.create(
            task=self.task,
            metric=metric,
            metric_text="完成投资",
            measure=Measure.LEVEL,
            value=Decimal("120"),
            unit="亿元",
        )
        record_metric_value(
            metric, 30, date(2022, 3, 31), unit="亿元", user=None, source=ValueSource.IMPORT
        )
        self.client.force_login(self.bob)
        page = self.client.get(reverse("ledger:task", args=[self.task.pk])).content.decode()
        self.assertIn(
            "记录了“固定资产投资额”的数值：30亿元（截至2022年3月31日，统计数据导入）", page
        )
