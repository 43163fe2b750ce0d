import shutil
import tempfile
from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from duban.audit.models import LogEntry
from duban.progress.models import Attachment, Report
from duban.progress.tests.base import ProgressTestCase
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
        return {entry.action for entry in timeline_for_task(self.task, user)}

    def test_the_office_sees_every_entry(self):
        actions = self.actions(self.alice)
        self.assertLessEqual(WORKING | {"supervision.notice.issued"}, actions)

    def test_the_unit_sees_its_own_drafts_edits_and_files(self):
        self.assertLessEqual(WORKING, self.actions(self.charlie))

    def test_a_leader_does_not_see_the_working_of_an_unsubmitted_report(self):
        entries = timeline_for_task(self.task, self.lin)
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

    def test_the_task_page_names_every_entry_in_chinese(self):
        # One from before its action was declared (or after it was renamed) included.
        LogEntry.objects.create(
            action=UNDECLARED_ACTION, object_type="ledger.task", object_id=self.task.pk
        )
        self.client.force_login(self.alice)
        page = self.client.get(reverse("ledger:task", args=[self.task.pk])).content.decode()
        for label in ["开始填报", "修改报告", "上传佐证材料", "下发督办单", "其他操作"]:
            self.assertIn(f"</span> {label} · ", page)
        self.assertNotRegex(page, r"(ledger|progress|supervision|targets|public)\.\w+\.\w+")


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
            "记录指标数值 · 全年完成投资120亿元 32.5亿元（截至2022-03-31），"
            "来自报告：区发改局 · 2022年3月，填报人：bob",
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
        self.assertIn("记录指标数值 · 固定资产投资额 30亿元（截至2022-03-31），统计数据导入", page)
