import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from duban.accounts.choices import UserRole
from duban.audit.models import LogEntry
from duban.lib.transitions import TransitionError
from duban.supervision.access import visible_instructions
from duban.supervision.actions import InstructionAction
from duban.supervision.choices import FeedbackState, InstructionState
from duban.supervision.models import Instruction, Notification
from duban.testing import BaseTestCase, make_cycle, make_problem, make_report, make_user


class InstructionTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.secretary = make_user("zhangsan", UserRole.SECRETARY, official=cls.lin_official)
        cls.secretary.first_name = "张三"
        cls.secretary.save()

    def write(self, units=None, user=None, **kwargs) -> Instruction:
        return Instruction.write(
            task=self.task,
            official=self.lin_official,
            text="请加快推进，月底前报进展",
            units=[self.fagai, self.shangwu] if units is None else units,
            user=user or self.lin,
            **kwargs,
        )

    def test_a_leader_writes_one_on_a_task_they_lead_and_the_named_units_are_told(self):
        with self.captureOnCommitCallbacks(execute=True):
            instruction = self.write()
        assert instruction.state == InstructionState.OPEN
        assert [f.unit for f in instruction.recipients.all()] == [self.fagai, self.shangwu]
        told = Notification.objects.about(instruction).values_list("user__username", flat=True)
        assert sorted(told) == ["bob", "joan"]
        assert sorted(m.to[0] for m in mail.outbox) == ["bob@example.org", "joan@example.org"]
        assert "请加快推进" in mail.outbox[0].body
        entry = LogEntry.objects.get(action=InstructionAction.WRITTEN)
        assert entry.user == self.lin
        assert entry.data["units"] == ["区发改局", "区商务局"]
        assert "secretary" not in entry.data

    def test_it_may_be_on_one_of_the_tasks_reports(self):
        report = make_report(self.task, self.fagai, make_cycle(self.plan))
        instruction = self.write(units=[self.fagai], report=report)
        assert instruction.report == report

    def test_it_refuses_a_report_of_another_task(self):
        report = make_report(self.other_task, self.caizheng, make_cycle(self.plan))
        with pytest.raises(TransitionError):
            self.write(units=[self.fagai], report=report)

    def test_another_leader_may_not_write_one(self):
        with pytest.raises(PermissionDenied):
            Instruction.write(
                task=self.task,
                official=self.wang_official,
                text="批示",
                units=[self.fagai],
                user=self.wang,
            )
        with pytest.raises(PermissionDenied):
            self.write(user=self.wang)
        assert not Instruction.objects.exists()

    def test_the_office_and_units_may_not_write_one(self):
        for user in (self.alice, self.bob):
            with pytest.raises(PermissionDenied):
                self.write(user=user)

    def test_it_names_only_units_responsible_for_the_task(self):
        with pytest.raises(TransitionError, match="责任单位"):
            self.write(units=[self.fagai, self.jiaoyu])
        with pytest.raises(TransitionError, match="落实单位"):
            self.write(units=[])
        assert not Instruction.objects.exists()

    def test_each_named_unit_answers_and_the_last_answer_closes_it(self):
        instruction = self.write()
        instruction.answer(unit=self.fagai, text="已召开专题会", user=self.bob)
        instruction.refresh_from_db()
        assert instruction.state == InstructionState.OPEN
        instruction.answer(unit=self.shangwu, text="已落实", user=self.joan)
        instruction.refresh_from_db()
        assert instruction.state == InstructionState.CLOSED
        assert instruction.closed_at is not None
        answers = instruction.recipients.values_list("unit__name", "state", "answer")
        assert list(answers) == [
            ("区发改局", FeedbackState.ANSWERED, "已召开专题会"),
            ("区商务局", FeedbackState.ANSWERED, "已落实"),
        ]
        actions = list(
            LogEntry.objects.filter(object_type="supervision.instruction")
            .order_by("pk")
            .values_list("action", flat=True)
        )
        assert actions == [
            InstructionAction.WRITTEN,
            InstructionAction.ANSWERED,
            InstructionAction.ANSWERED,
            InstructionAction.CLOSED,
        ]

    def test_an_answer_marks_the_units_message_handled_and_tells_the_leader(self):
        instruction = self.write()
        instruction.answer(unit=self.fagai, text="已落实", user=self.bob)
        unread = Notification.objects.about(instruction).unread()
        assert sorted(unread.values_list("user__username", flat=True)) == [
            "joan",
            "lin",
            "zhangsan",
        ]

    def test_a_unit_not_named_an_outsider_and_a_leader_may_not_answer(self):
        instruction = self.write(units=[self.fagai])
        cases = [(self.caizheng, self.charlie), (self.jiaoyu, self.dave), (self.fagai, self.lin)]
        for unit, user in cases:
            with pytest.raises(PermissionDenied):
                instruction.answer(unit=unit, text="已落实", user=user)
        # A liaison answers only in their own unit's name.
        with pytest.raises(PermissionDenied):
            instruction.answer(unit=self.fagai, text="已落实", user=self.charlie)
        assert not instruction.recipients.filter(state=FeedbackState.ANSWERED).exists()

    def test_a_unit_answers_once(self):
        instruction = self.write()
        instruction.answer(unit=self.fagai, text="已落实", user=self.bob)
        with pytest.raises(TransitionError, match="已反馈"):
            instruction.answer(unit=self.fagai, text="再次反馈", user=self.bob)

    def test_the_leader_closes_it_before_every_unit_answered_and_answers_stop(self):
        instruction = self.write()
        instruction.close(self.lin)
        assert instruction.state == InstructionState.CLOSED
        assert not Notification.objects.about(instruction).unread().exists()
        with pytest.raises(TransitionError):
            instruction.answer(unit=self.fagai, text="已落实", user=self.bob)
        with pytest.raises(TransitionError):
            instruction.close(self.lin)

    def test_only_its_leader_closes_it(self):
        instruction = self.write()
        for user in (self.wang, self.alice, self.bob):
            with pytest.raises(PermissionDenied):
                instruction.close(user)

    def test_a_secretary_writes_and_closes_for_the_leader_recorded_as_such(self):
        instruction = self.write(user=self.secretary)
        assert instruction.official == self.lin_official
        assert instruction.author == self.secretary
        assert instruction.secretary_name == "张三"
        instruction.close(self.secretary)
        entries = LogEntry.objects.filter(object_type="supervision.instruction").order_by("pk")
        assert [(e.user_name, e.data["secretary"]) for e in entries] == [
            ("zhangsan", "张三"),
            ("zhangsan", "张三"),
        ]

    def test_a_secretary_is_told_of_answers_and_acts_only_for_their_leader(self):
        with pytest.raises(PermissionDenied):
            Instruction.write(
                task=self.task,
                official=self.wang_official,
                text="批示",
                units=[self.fagai],
                user=self.secretary,
            )

    def test_a_problem_instruction_names_the_lead_and_raising_units(self):
        problem = make_problem(self.task, self.caizheng, self.charlie)
        problem.escalate(reason="无法解决", user=self.alice)
        instruction = problem.instruct(
            official=self.lin_official, text="请财政局研究", user=self.secretary
        )
        assert instruction.task == self.task
        units = instruction.recipients.values_list("unit__name", flat=True)
        assert sorted(units) == ["区发改局", "区财政局"]
        entry = LogEntry.objects.get(action="supervision.problem.instructed")
        assert entry.data["secretary"] == "张三"
        instruction.answer(unit=self.caizheng, text="已研究", user=self.charlie)


class InstructionVisibilityTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.instruction = Instruction.write(
            task=cls.task, official=cls.lin_official, text="抓紧", units=[cls.fagai], user=cls.lin
        )

    def test_the_office_the_leader_and_the_named_unit_see_it(self):
        for user in (self.alice, self.lin, self.bob):
            assert list(visible_instructions(user)) == [self.instruction], user

    def test_another_leader_units_not_named_and_users_without_a_role_do_not(self):
        for user in (self.wang, self.joan, self.charlie, self.dave, self.nobody):
            assert not visible_instructions(user).exists(), user
