from datetime import date
from unittest import mock

from django.core import mail

from duban.supervision.messages import mark_handled, send_message
from duban.supervision.models import Notification, SupervisionNotice
from duban.testing import BaseTestCase, make_problem


class SendMessageTestCase(BaseTestCase):
    def test_it_notifies_each_user_and_mails_those_with_an_address_after_the_commit(self):
        self.charlie.email = ""
        self.charlie.save(update_fields=["email"])
        with self.captureOnCommitCallbacks() as callbacks:
            send_message(
                [self.bob, self.charlie],
                subject="报告退回",
                text="报告被退回\n修改意见：请补充数据",
                url="/progress/reports/1/",
                about=self.task,
            )
            assert mail.outbox == []
        for callback in callbacks:
            callback()
        rows = Notification.objects.order_by("user__username")
        assert [(n.user, n.url, n.about) for n in rows] == [
            (self.bob, "/progress/reports/1/", f"ledger.task:{self.task.pk}"),
            (self.charlie, "/progress/reports/1/", f"ledger.task:{self.task.pk}"),
        ]
        assert rows[0].text == "报告被退回\n修改意见：请补充数据"
        (message,) = mail.outbox
        assert message.to == ["bob@example.org"]
        assert message.subject == "【报告退回】报告被退回"
        assert "修改意见：请补充数据" in message.body
        assert "/progress/reports/1/" in message.body
        assert "/progress/reports/1/" in message.alternatives[0][0]

    def test_a_long_first_line_is_cut_in_the_subject(self):
        with self.captureOnCommitCallbacks(execute=True):
            send_message([self.bob], subject="批示", text="长" * 100, url="")
        (message,) = mail.outbox
        assert message.subject == "【批示】" + "长" * 59 + "…"
        assert Notification.objects.get().about == ""

    def test_a_failing_mail_server_is_logged_not_raised_after_the_commit(self):
        with (
            mock.patch("duban.supervision.messages.send", side_effect=OSError("refused")),
            self.assertLogs(level="ERROR"),
            self.captureOnCommitCallbacks(execute=True),
        ):
            send_message([self.bob], subject="批示", text="x", url="")
        assert Notification.objects.filter(user=self.bob).exists()

    def test_a_rolled_back_change_mails_no_one(self):
        with self.captureOnCommitCallbacks(execute=False):
            send_message([self.bob], subject="批示", text="x", url="")
        assert mail.outbox == []


class MarkHandledTestCase(BaseTestCase):
    def send(self, users, about):
        send_message(users, subject="t", text="t", url="", about=about)

    def test_it_marks_read_only_the_unread_messages_about_the_thing(self):
        self.send([self.bob, self.charlie], self.task)
        self.send([self.bob], self.other_task)
        assert mark_handled(self.task) == 2
        assert mark_handled(self.task) == 0
        unread = Notification.objects.unread()
        assert [n.about for n in unread] == [f"ledger.task:{self.other_task.pk}"]

    def test_it_can_be_limited_to_some_users(self):
        self.send([self.bob, self.charlie], self.task)
        assert mark_handled(self.task, [self.charlie]) == 1
        assert list(Notification.objects.unread().values_list("user__username", flat=True)) == [
            "bob"
        ]


class NoticeResponseMessageTestCase(BaseTestCase):
    def setUp(self):
        self.notice = SupervisionNotice.issue(
            task=self.task,
            unit=self.fagai,
            tier="remind",
            reason="3月进度未报送",
            respond_by=date(2022, 5, 10),
            user=self.alice,
        )
        mail.outbox.clear()

    def test_a_response_tells_the_office_with_the_answer(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.notice.respond("已补报，并召开专题会", self.bob)
        message = Notification.objects.get(user=self.alice)
        assert message.text.startswith(f"区发改局已反馈提醒督办单：{self.task}")
        assert "已补报，并召开专题会" in message.text
        assert message.url == self.notice.get_absolute_url()
        (email,) = mail.outbox
        assert email.to == ["alice@example.org"]
        assert email.subject.startswith("【督办单反馈】区发改局已反馈提醒督办单")
        assert "已补报，并召开专题会" in email.body

    def test_the_response_marks_the_units_notice_message_read(self):
        issued = Notification.objects.get(user=self.bob)
        self.notice.respond("已补报", self.bob)
        issued.refresh_from_db()
        assert issued.read_at is not None

    def test_closing_marks_the_offices_message_read(self):
        self.notice.respond("已补报", self.bob)
        self.notice.close(self.alice, "已落实，予以办结。")
        assert not Notification.objects.unread().exists()


class ProblemMessageTestCase(BaseTestCase):
    def test_a_raised_problem_mails_the_lead_unit_and_coordinating_reads_it(self):
        with self.captureOnCommitCallbacks(execute=True):
            problem = make_problem(self.task, self.caizheng, self.charlie)
        (message,) = Notification.objects.unread()
        assert (message.user, message.url) == (self.bob, problem.get_absolute_url())
        (email,) = mail.outbox
        assert email.to == ["bob@example.org"]
        assert email.subject == f"【问题协调】区财政局就“{self.task}”提出问题：用地指标不足"
        problem.coordinate(unit=self.fagai, text="召开协调会", user=self.bob)
        assert not Notification.objects.unread().exists()

    def test_an_escalated_problem_mails_the_leader_with_the_reason(self):
        problem = make_problem(self.task, self.caizheng, self.charlie)
        with self.captureOnCommitCallbacks(execute=True):
            problem.escalate(reason="部门层面无法调剂用地指标", user=self.bob)
        (message,) = Notification.objects.unread()
        assert message.user == self.lin
        assert "提请理由：部门层面无法调剂用地指标" in message.text
        (email,) = mail.outbox
        assert email.to == ["lin@example.org"]
        assert email.subject == f"【提请批示】问题提请批示：用地指标不足（{self.task}）"
        assert "部门层面无法调剂用地指标" in email.body


class InstructionMessageTestCase(BaseTestCase):
    def setUp(self):
        self.problem = make_problem(self.task, self.caizheng, self.charlie)
        self.problem.escalate(reason="部门层面无法解决", user=self.bob)

    def instruct(self):
        return self.problem.instruct(
            official=self.lin_official, text="请区规资局牵头，月底前解决", user=self.lin
        )

    def test_an_instruction_tells_the_units_with_its_text(self):
        with self.captureOnCommitCallbacks(execute=True):
            instruction = self.instruct()
        rows = Notification.objects.unread().filter(text__contains="作出批示")
        assert sorted(rows.values_list("user__username", flat=True)) == ["bob", "charlie"]
        assert (
            rows[0].text == "林杰对问题“用地指标不足”作出批示\n批示内容：请区规资局牵头，月底前解决"
        )
        # The 批示's page, where the units answer it.
        assert rows[0].url == instruction.get_absolute_url()
        assert sorted(m.to[0] for m in mail.outbox) == ["bob@example.org", "charlie@example.org"]
        assert mail.outbox[0].subject == "【领导批示】林杰对问题“用地指标不足”作出批示"
        assert "请区规资局牵头，月底前解决" in mail.outbox[0].body

    def test_the_instruction_marks_the_leaders_message_read(self):
        assert Notification.objects.unread().filter(user=self.lin).count() == 1
        self.instruct()
        assert Notification.objects.unread().filter(user=self.lin).count() == 0

    def test_resolving_the_problem_marks_the_instruction_read(self):
        self.instruct()
        self.problem.resolve(resolution="已调剂用地指标", user=self.bob)
        assert not Notification.objects.unread().exists()
