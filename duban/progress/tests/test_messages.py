"""The progress hand-offs announce themselves (in duban and by e-mail), and handling one reads it."""

from datetime import date

from django.core import mail
from django.urls import reverse

from duban.progress.choices import CycleState
from duban.progress.tests.base import ProgressTestCase
from duban.supervision.models import Notification
from duban.testing import make_cycle, make_report


def unread(user) -> list[Notification]:
    return list(Notification.objects.unread().filter(user=user))


class ReturnMessageTestCase(ProgressTestCase):
    def setUp(self):
        self.report = make_report(self.task, self.fagai, self.cycle)
        self.report.consolidate(self.bob)

    def test_a_returned_report_tells_the_unit_with_the_comment(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.report.return_for_changes(self.alice, "请补充项目开工的具体数据")
        (message,) = unread(self.bob)
        assert message.text == (
            f"“{self.task}”2022年3月的报告被督查室退回，请修改后重新报送\n"
            "修改意见：请补充项目开工的具体数据"
        )
        assert message.url == self.report.get_absolute_url()
        (email,) = mail.outbox
        assert email.to == ["bob@example.org"]
        assert email.subject.startswith(f"【报告退回】“{self.task}”2022年3月的报告被督查室退回")
        assert "修改意见：请补充项目开工的具体数据" in email.body
        assert self.report.get_absolute_url() in email.body

    def test_submitting_it_again_marks_the_message_read(self):
        self.report.return_for_changes(self.alice, "请补充数据")
        self.report.consolidate(self.bob)
        assert unread(self.bob) == []


class PartMessageTestCase(ProgressTestCase):
    def setUp(self):
        self.part = make_report(self.task, self.caizheng, self.cycle, progress="资金已拨付")

    def test_a_submitted_part_tells_the_lead_unit(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.part.submit(self.charlie)
        (message,) = unread(self.bob)
        assert message.text == f"区财政局已报送“{self.task}”2022年3月的情况，请审核汇总"
        assert message.url == self.part.get_absolute_url()
        assert Notification.objects.filter(user__in=[self.joan, self.charlie]).count() == 0
        (email,) = mail.outbox
        assert email.to == ["bob@example.org"]
        assert (
            email.subject == f"【配合报告】区财政局已报送“{self.task}”2022年3月的情况，请审核汇总"
        )

    def test_consolidating_marks_it_read(self):
        self.part.submit(self.charlie)
        make_report(self.task, self.fagai, self.cycle).consolidate(self.bob)
        assert unread(self.bob) == []

    def test_returning_the_part_marks_it_read(self):
        self.part.submit(self.charlie)
        self.part.return_for_changes(self.bob, "请补充")
        assert unread(self.bob) == []

    def test_a_part_returned_by_the_lead_unit_tells_the_cooperating_unit(self):
        self.part.submit(self.charlie)
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.part.return_for_changes(self.bob, "资金拨付数字有误")
        (message,) = unread(self.charlie)
        assert "被牵头单位退回" in message.text
        assert "修改意见：资金拨付数字有误" in message.text
        (email,) = mail.outbox
        assert email.to == ["charlie@example.org"]
        assert "资金拨付数字有误" in email.body


class CycleOpenMessageTestCase(ProgressTestCase):
    def setUp(self):
        self.april = make_cycle(self.plan, date(2022, 4, 1), state=CycleState.DRAFT)

    def test_opening_a_cycle_tells_each_unit_that_owes_a_report(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.april.open(self.alice)
        texts = {n.user.username: n.text for n in Notification.objects.select_related("user")}
        assert texts == {
            "bob": "2022年4月报送已开始：本单位有 1 项任务需报送，截止 2022年5月5日",
            "joan": "2022年4月报送已开始：本单位有 1 项任务需报送，截止 2022年5月5日",
            "charlie": "2022年4月报送已开始：本单位有 2 项任务需报送，截止 2022年5月5日",
            "dave": "2022年4月报送已开始：本单位有 1 项任务需报送，截止 2022年5月5日",
        }
        assert {n.url for n in Notification.objects.all()} == {reverse("progress:my-reports")}
        assert sorted(m.to[0] for m in mail.outbox) == [
            "bob@example.org",
            "charlie@example.org",
            "dave@example.org",
            "joan@example.org",
        ]
        email = next(m for m in mail.outbox if m.to == ["charlie@example.org"])
        assert (
            email.subject
            == "【报送提醒】2022年4月报送已开始：本单位有 2 项任务需报送，截止 2022年5月5日"
        )

    def test_the_message_is_read_once_the_unit_has_sent_all_it_owes(self):
        self.april.open(self.alice)
        make_report(self.task, self.caizheng, self.april).submit(self.charlie)
        assert len(unread(self.charlie)) == 1  # other_task is still owed
        make_report(self.other_task, self.caizheng, self.april).consolidate(self.charlie)
        assert unread(self.charlie) == []
        assert Notification.objects.about(self.april).unread().filter(user=self.bob).count() == 1

    def test_consolidating_releases_the_units_whose_part_is_missing(self):
        self.april.open(self.alice)
        make_report(self.task, self.fagai, self.april).consolidate(self.bob)
        assert unread(self.bob) == unread(self.joan) == []
        assert len(unread(self.charlie)) == 1  # other_task is still owed
