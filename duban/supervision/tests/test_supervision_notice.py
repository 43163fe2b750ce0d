from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from duban.audit.models import LogEntry
from duban.lib.transitions import TransitionError
from duban.supervision.access import get_supervision_notice_for_user, visible_supervision_notices
from duban.supervision.choices import NoticeState, Tier
from duban.supervision.models import Notification, SupervisionNotice, escalate_late_notices
from duban.testing import BaseTestCase

SHANGHAI = ZoneInfo("Asia/Shanghai")


class SupervisionNoticeTestCase(BaseTestCase):
    def issue(self, tier=Tier.REMIND, respond_by=date(2022, 5, 10), unit=None, **kwargs):
        return SupervisionNotice.issue(
            task=self.task,
            unit=unit or self.fagai,
            tier=tier,
            reason="3月进度未报送",
            respond_by=respond_by,
            user=self.alice,
            **kwargs,
        )

    def test_issuing_audits_and_tells_the_units_liaisons(self):
        notice = self.issue()
        assert notice.state == NoticeState.ISSUED
        assert LogEntry.objects.filter(action="supervision.notice.issued").count() == 1
        assert list(Notification.objects.values_list("user__username", flat=True)) == ["bob"]

    def test_a_response_then_closing(self):
        notice = self.issue()
        notice.respond("已补报，并召开专题会", self.bob)
        notice.refresh_from_db()
        assert notice.state == NoticeState.RESPONDED
        assert notice.responded_by == self.bob
        notice.close(self.alice, "落实到位，予以办结。")
        notice.refresh_from_db()
        assert notice.state == NoticeState.CLOSED
        assert notice.closed_at is not None

    def test_it_refuses_a_second_response(self):
        notice = self.issue()
        notice.respond("已补报", self.bob)
        with pytest.raises(TransitionError):
            notice.respond("再次反馈", self.bob)

    def test_a_notice_escalated_meanwhile_takes_no_response_from_an_older_copy(self):
        notice = self.issue()
        held = SupervisionNotice.objects.get(pk=notice.pk)
        notice.escalate(self.alice, today=date(2022, 5, 12))
        with pytest.raises(TransitionError):
            held.respond("已补报", self.bob)
        notice.refresh_from_db()
        assert (notice.state, notice.response) == (NoticeState.ESCALATED, "")

    def test_only_the_office_closes_or_escalates_and_only_the_unit_responds(self):
        notice = self.issue()
        with pytest.raises(PermissionDenied):
            notice.respond("代为反馈", self.alice)
        notice.respond("已补报", self.bob)
        with pytest.raises(PermissionDenied):
            notice.close(self.bob, "办结")
        with pytest.raises(PermissionDenied):
            notice.escalate(self.bob)

    def test_it_refuses_closing_before_a_response(self):
        notice = self.issue()
        with pytest.raises(TransitionError):
            notice.close(self.alice, "落实到位，予以办结。")

    def test_escalation_issues_the_next_tier_with_a_fresh_deadline(self):
        notice = self.issue()
        warning = notice.escalate(today=date(2022, 5, 12))
        notice.refresh_from_db()
        assert notice.state == NoticeState.ESCALATED
        assert warning.tier == Tier.WARN
        assert warning.escalated_from == notice
        assert warning.respond_by == date(2022, 5, 17)  # 5 days for a 警示
        assert "逾期未反馈" in warning.reason

    def test_it_refuses_escalating_a_bulletin(self):
        notice = self.issue(tier=Tier.BULLETIN)
        with pytest.raises(TransitionError):
            notice.escalate(today=date(2022, 5, 12))

    def test_it_refuses_escalating_a_closed_notice(self):
        notice = self.issue()
        notice.respond("已补报", self.bob)
        notice.close(self.alice, "落实到位，予以办结。")
        with pytest.raises(TransitionError):
            notice.escalate(user=self.alice)

    def test_the_job_escalates_only_late_notices_after_the_grace_days(self):
        late = self.issue(respond_by=date(2022, 5, 10))
        on_time = self.issue(respond_by=date(2022, 5, 20))
        top = self.issue(tier=Tier.BULLETIN, respond_by=date(2022, 5, 1))
        with time_machine.travel(datetime(2022, 5, 11, 9, tzinfo=SHANGHAI), tick=False):
            assert escalate_late_notices(date(2022, 5, 11), dry_run=True) == [late]
            late.refresh_from_db()
            assert late.state == NoticeState.ISSUED
            assert escalate_late_notices(date(2022, 5, 11)) == [late]
        late.refresh_from_db()
        on_time.refresh_from_db()
        top.refresh_from_db()
        assert late.state == NoticeState.ESCALATED
        assert (on_time.state, top.state) == (NoticeState.ISSUED, NoticeState.ISSUED)
        assert SupervisionNotice.objects.filter(tier=Tier.WARN).count() == 1

    def test_the_grace_days_come_from_settings(self):
        self.issue(respond_by=date(2022, 5, 10))
        with self.settings(DUBAN_NOTICE_ESCALATE_AFTER_DAYS=3):
            assert escalate_late_notices(date(2022, 5, 12), dry_run=True) == []
            assert len(escalate_late_notices(date(2022, 5, 14), dry_run=True)) == 1

    def test_issuing_mails_the_liaisons_after_the_commit(self):
        with self.captureOnCommitCallbacks(execute=True):
            notice = self.issue()
        (message,) = mail.outbox
        assert message.to == ["bob@example.org"]
        assert message.subject.startswith("【提醒督办单】")
        assert "3月进度未报送" in message.body
        assert notice.get_absolute_url() in message.alternatives[0][0]

    def test_the_signer_is_the_issuing_user_unless_one_is_named(self):
        assert self.issue().signer == "alice"
        assert self.issue(signer=" 张主任 ").signer == "张主任"

    def test_it_refuses_a_unit_outside_the_task(self):
        with pytest.raises(TransitionError):
            self.issue(unit=self.jiaoyu)
        assert not SupervisionNotice.objects.exists()

    def test_a_copied_leader_sees_the_notice_outside_their_portfolio(self):
        notice = self.issue()
        assert not visible_supervision_notices(self.wang).exists()
        notice.copied_to.add(self.wang_official)
        assert get_supervision_notice_for_user(self.wang, notice.pk) == notice
        assert list(visible_supervision_notices(self.wang)) == [notice]

    def test_copied_leaders_get_a_message_and_an_email(self):
        self.wang.email = "wang@example.cn"
        self.wang.save()
        with self.captureOnCommitCallbacks(execute=True):
            notice = self.issue(copied_to=[self.wang_official])
        message = Notification.objects.get(user=self.wang)
        assert message.text.startswith(f"抄送：{notice.number}提醒督办单")
        assert message.url == notice.get_absolute_url()
        assert [m.to for m in mail.outbox if "抄送" in m.subject] == [["wang@example.cn"]]
        assert not Notification.objects.filter(user=self.lin).exists()

    def test_an_escalation_keeps_the_copies(self):
        notice = self.issue(copied_to=[self.wang_official])
        warning = notice.escalate(today=date(2022, 5, 12))
        assert list(warning.copied_to.all()) == [self.wang_official]
        assert warning.signer == notice.signer == "alice"


class DemoDateTestCase(BaseTestCase):
    def test_what_is_done_in_a_demo_copy_is_stamped_with_the_demos_date(self):
        with self.settings(DUBAN_TODAY=date(2022, 9, 10)):
            notice = SupervisionNotice.issue(
                task=self.task,
                unit=self.fagai,
                tier=Tier.REMIND,
                reason="3月未报送",
                respond_by=date(2022, 9, 15),
                user=self.alice,
            )
            notice.respond("已补报。", self.bob)
        notice.refresh_from_db()
        stamps = [notice.issued_at, notice.responded_at]
        entries = LogEntry.objects.filter(
            action__startswith="supervision.notice", object_id=str(notice.pk)
        )
        stamps += entries.values_list("timestamp", flat=True)
        assert len(stamps) == 4
        assert {timezone.localdate(stamp) for stamp in stamps} == {date(2022, 9, 10)}
