import re
from datetime import date
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from duban.accounts.choices import UserRole
from duban.ledger.choices import AssignmentRole
from duban.progress.choices import CycleKind, CycleState, ReportKind, ReportState
from duban.progress.models import Report, ReportingCycle
from duban.supervision.choices import NoticeState, Tier
from duban.supervision.models import Notification, ReminderSent, SupervisionNotice
from duban.supervision.reminders import build_reminders
from duban.testing import BaseTestCase, make_task, make_unit, make_user, make_wang_task


class RemindTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_wang_task(cls)
        # March is due on 5 April, April on 5 May.
        cls.march, cls.april = (
            ReportingCycle.objects.create(
                plan=cls.plan,
                kind=CycleKind.MONTHLY,
                name=f"2022年{m}月",
                period_start=date(2022, m, 1),
                period_end=date(2022, m, 28),
                due_on=date(2022, m + 1, 5),
                state=CycleState.OPEN,
            )
            for m in (3, 4)
        )

    def remind(self, *args):
        out = StringIO()
        call_command("remind", *args, stdout=out)
        return out.getvalue()

    def add_units(self, count: int) -> None:
        """Units with a liaison each, each leading a task of the plan that owes its report."""
        start = self.plan.tasks.count()
        for i in range(start, start + count):
            unit = make_unit(f"测试单位{i}")
            make_user(f"liaison{i}", UserRole.UNIT, unit=unit)
            make_task(self.section, f"x{i}", f"任务 {i}", [(unit, AssignmentRole.LEAD)])

    def test_the_reminders_cost_the_same_with_three_times_the_units(self):
        counts = []
        for added in (8, 16):
            self.add_units(added)
            with CaptureQueriesContext(connection) as captured:
                reminders = build_reminders(date(2022, 4, 3), 3)
            counts.append(len(captured))
        self.assertEqual(len(reminders), 4 + 8 + 16)
        # Per open cycle: the deliveries and the tasks with their units; then the liaisons.
        self.assertEqual(counts, [counts[0]] * 2)

    def test_dry_run_lists_what_it_would_send_and_sends_nothing(self):
        out = self.remind("--dry-run", "--date", "2022-04-03", "--days", "3")
        assert "bob <bob@example.org>" in out
        assert "将发送 4 份提醒" in out  # bob, charlie, dave, joan
        # Not a terminal: no bar; the last line counts what was done and says how long it took.
        last = out.splitlines()[-1]
        assert re.fullmatch(r"将发送 4 份提醒；将升级 0 份督办单。（用时 \d+\.\d 秒）", last)
        assert mail.outbox == []
        assert Notification.objects.count() == 0

    def test_it_mails_each_liaison_once_listing_their_tasks(self):
        self.remind("--date", "2022-04-03", "--days", "3")
        by_recipient = {m.to[0]: m for m in mail.outbox}
        assert sorted(by_recipient) == [
            "bob@example.org",
            "charlie@example.org",
            "dave@example.org",
            "joan@example.org",
        ]
        # charlie's unit is on two tasks: one e-mail lists both.
        charlie = by_recipient["charlie@example.org"]
        assert "地区生产总值增长" in charlie.body and "一般公共预算收入增长" in charlie.body
        assert charlie.subject == "【提醒】2 项进度报告即将到期"
        html, mimetype = charlie.alternatives[0]
        assert mimetype == "text/html" and "即将到期" in html
        assert Notification.objects.filter(user=self.charlie).count() == 1

    def test_a_mail_lists_the_earliest_due_reports_and_counts_the_rest(self):
        with mock.patch("duban.supervision.reminders.MAIL_ITEMS", 1):
            self.remind("--date", "2022-04-03", "--days", "3")
        charlie = next(m for m in mail.outbox if m.to == ["charlie@example.org"])
        assert charlie.subject == "【提醒】2 项进度报告即将到期"
        html, _ = charlie.alternatives[0]
        for body in (charlie.body, html):
            assert "地区生产总值增长" in body and "一般公共预算收入增长" not in body
            assert "另有 1 项未列出" in body and "/progress/" in body
        bob = next(m for m in mail.outbox if m.to == ["bob@example.org"])
        assert "未列出" not in bob.body

    def test_the_wording_escalates_after_the_due_date(self):
        self.remind("--date", "2022-04-08", "--days", "0")
        (mail_to_bob,) = [m for m in mail.outbox if m.to == ["bob@example.org"]]
        assert mail_to_bob.subject == "【催报】1 项进度报告已逾期，请尽快报送"
        assert "逾期 3 天" in mail_to_bob.body
        mail.outbox.clear()
        self.remind("--date", "2022-04-20", "--days", "0")
        (mail_to_bob,) = [m for m in mail.outbox if m.to == ["bob@example.org"]]
        assert mail_to_bob.subject.startswith("【严重逾期】")
        assert "请立即报送" in mail_to_bob.body

    def report(self, unit, kind, state=ReportState.SUBMITTED):
        Report.objects.create(
            task=self.task,
            unit=unit,
            cycle=self.march,
            kind=kind,
            progress="完成投资 1 亿元",
            state=state,
        )

    def test_a_copy_of_a_task_printed_twice_is_not_reminded_again(self):
        copy = make_task(
            self.task.section, "9", self.task.text, [(self.fagai, AssignmentRole.LEAD)]
        )
        copy.twin_of = self.task
        copy.save()
        self.remind("--date", "2022-04-03", "--days", "3")
        bob = next(m for m in mail.outbox if m.to == ["bob@example.org"])
        assert bob.body.count("地区生产总值增长") == 1

    def test_a_sent_part_is_not_reminded(self):
        self.report(self.caizheng, ReportKind.PART)
        self.remind("--date", "2022-04-08", "--days", "0")
        (to_charlie,) = [m for m in mail.outbox if m.to == ["charlie@example.org"]]
        assert "地区生产总值" not in to_charlie.body
        assert "一般公共预算收入" in to_charlie.body

    def test_a_consolidated_report_settles_the_missing_parts(self):
        self.report(self.fagai, ReportKind.CONSOLIDATED)
        self.remind("--date", "2022-04-08", "--days", "0")
        recipients = sorted(m.to[0] for m in mail.outbox)
        assert recipients == ["charlie@example.org", "dave@example.org"]
        assert all("地区生产总值" not in m.body for m in mail.outbox)

    def test_a_returned_report_is_reminded_again(self):
        self.report(self.fagai, ReportKind.CONSOLIDATED, state=ReportState.RETURNED)
        self.remind("--date", "2022-04-08", "--days", "0")
        assert any(m.to == ["bob@example.org"] for m in mail.outbox)

    def test_a_liaison_without_an_address_gets_only_the_notification(self):
        extra = make_user("eve", UserRole.UNIT, unit=self.jiaoyu)
        extra.email = ""
        extra.save()
        out = self.remind("--date", "2022-04-08", "--days", "0")
        assert "eve <（无邮箱，仅站内通知）>" in out
        assert Notification.objects.filter(user=extra).count() == 1
        assert all(m.to != [""] for m in mail.outbox)

    def test_a_second_run_on_the_same_day_sends_nothing_again(self):
        self.remind("--date", "2022-04-03", "--days", "3")
        first_mails, first_notes = len(mail.outbox), Notification.objects.count()
        out = self.remind("--date", "2022-04-03", "--days", "3")
        assert (
            (len(mail.outbox), Notification.objects.count()) == (first_mails, first_notes) == (4, 4)
        )
        assert "已发送 0 份提醒，4 份今日已发送过，未重复发送；已升级 0 份督办单。" in out
        self.remind("--date", "2022-04-04", "--days", "3")
        assert len(mail.outbox) == 8  # a new day, a new reminder

    def test_a_mail_server_failure_leaves_no_record_so_a_rerun_retries(self):
        with (
            mock.patch("duban.supervision.reminders.send", side_effect=OSError("smtp down")),
            pytest.raises(OSError),
        ):
            self.remind("--date", "2022-04-03", "--days", "3")
        assert ReminderSent.objects.count() == 0 and Notification.objects.count() == 0
        self.remind("--date", "2022-04-03", "--days", "3")
        assert len(mail.outbox) == 4

    def test_it_escalates_late_notices(self):
        notice = SupervisionNotice.issue(
            task=self.task,
            unit=self.fagai,
            tier=Tier.REMIND,
            reason="未报",
            respond_by=date(2022, 4, 1),
        )
        out = self.remind("--date", "2022-04-08", "--days", "0")
        notice.refresh_from_db()
        assert notice.state == NoticeState.ESCALATED
        assert "升级督办单：" in out and "已升级 1 份督办单。" in out
        assert SupervisionNotice.objects.filter(tier=Tier.WARN).count() == 1
