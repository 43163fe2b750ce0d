from django.urls import reverse

from duban.accounts.choices import UserRole
from duban.audit.models import LogEntry
from duban.supervision.actions import InstructionAction
from duban.supervision.choices import FeedbackState, InstructionState
from duban.supervision.models import Instruction
from duban.testing import BaseTestCase, make_cycle, make_report, make_user


class InstructionViewsTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.secretary = make_user("zhangsan", UserRole.SECRETARY, official=cls.lin_official)
        cls.secretary.first_name = "张三"
        cls.secretary.save()

    def new_url(self, task=None) -> str:
        return reverse("supervision:instruction-new", args=[(task or self.task).pk])

    def write(self) -> Instruction:
        return Instruction.write(
            task=self.task,
            official=self.lin_official,
            text="请抓紧推进",
            units=[self.fagai],
            user=self.lin,
        )

    def test_the_leader_writes_one_addressed_to_a_unit(self):
        self.client.force_login(self.lin)
        page = self.client.get(self.new_url())
        assert page.status_code == 200
        # The units it may name are the task's responsible units.
        offered = set(page.context["form"].fields["units"].queryset)
        assert offered == {self.fagai, self.shangwu, self.caizheng}
        response = self.client.post(self.new_url(), {"text": "请抓紧", "units": [self.fagai.pk]})
        instruction = Instruction.objects.get()
        self.assertRedirects(response, instruction.get_absolute_url())
        assert instruction.official == self.lin_official
        assert [f.unit for f in instruction.recipients.all()] == [self.fagai]

    def test_it_may_be_on_a_submitted_report_of_the_task(self):
        report = make_report(self.task, self.fagai, make_cycle(self.plan), state="submitted")
        self.client.force_login(self.lin)
        page = self.client.get(self.new_url() + f"?report={report.pk}")
        assert page.context["form"].initial["report"] == report.pk
        data = {"text": "报告数据需核实", "units": [self.fagai.pk], "report": report.pk}
        self.client.post(self.new_url(), data)
        assert Instruction.objects.get().report == report

    def test_a_unit_outside_the_task_is_refused_by_the_form(self):
        self.client.force_login(self.lin)
        response = self.client.post(self.new_url(), {"text": "请抓紧", "units": [self.jiaoyu.pk]})
        assert response.status_code == 200
        assert response.context["form"].errors["units"]
        assert not Instruction.objects.exists()

    def test_another_leader_gets_404_and_the_office_and_units_403(self):
        for user, status in (
            (self.wang, 404),
            (self.alice, 403),
            (self.bob, 403),
            (self.dave, 404),
        ):
            self.client.force_login(user)
            assert self.client.get(self.new_url()).status_code == status, user
            data = {"text": "批示", "units": [self.fagai.pk]}
            assert self.client.post(self.new_url(), data).status_code == status, user
        assert not Instruction.objects.exists()

    def test_the_named_unit_answers_on_its_page_and_the_leader_sees_it_closed(self):
        instruction = self.write()
        self.client.force_login(self.bob)
        page = self.client.get(instruction.get_absolute_url())
        assert page.context["form"] is not None
        self.assertContains(page, "区发改局落实反馈")
        answer_url = reverse("supervision:instruction-answer", args=[instruction.pk])
        self.client.post(answer_url, {"answer": "已召开专题会部署"})
        instruction.refresh_from_db()
        assert instruction.state == InstructionState.CLOSED
        self.client.force_login(self.lin)
        task_page = self.client.get(self.task.get_absolute_url())
        self.assertContains(task_page, "已召开专题会部署")
        self.assertContains(task_page, "已办结")

    def test_a_unit_not_named_cannot_open_or_answer_it(self):
        instruction = self.write()
        answer_url = reverse("supervision:instruction-answer", args=[instruction.pk])
        for user in (self.joan, self.charlie, self.dave):
            self.client.force_login(user)
            assert self.client.get(instruction.get_absolute_url()).status_code == 404
            assert self.client.post(answer_url, {"answer": "已落实"}).status_code == 404
        assert not instruction.recipients.filter(state=FeedbackState.ANSWERED).exists()

    def test_the_leader_closes_it_and_another_leader_cannot(self):
        instruction = self.write()
        close_url = reverse("supervision:instruction-close", args=[instruction.pk])
        self.client.force_login(self.wang)
        assert self.client.post(close_url).status_code == 404
        self.client.force_login(self.bob)
        assert self.client.post(close_url).status_code == 403
        self.client.force_login(self.lin)
        self.assertRedirects(self.client.post(close_url), instruction.get_absolute_url())
        instruction.refresh_from_db()
        assert instruction.state == InstructionState.CLOSED

    def test_a_secretary_writes_for_the_leader_and_the_pages_say_so(self):
        self.client.force_login(self.secretary)
        self.client.post(self.new_url(), {"text": "请抓紧", "units": [self.fagai.pk]})
        instruction = Instruction.objects.get()
        assert instruction.official == self.lin_official
        page = self.client.get(self.task.get_absolute_url())
        self.assertContains(page, "林杰批示")
        self.assertContains(page, "由秘书张三代为批示")
        entry = LogEntry.objects.get(action=InstructionAction.WRITTEN)
        assert (entry.user_name, entry.data["secretary"]) == ("zhangsan", "张三")

    def test_the_task_page_offers_the_leader_the_form_and_the_named_unit_the_answer(self):
        instruction = self.write()
        self.client.force_login(self.lin)
        self.assertContains(self.client.get(self.task.get_absolute_url()), self.new_url())
        self.client.force_login(self.bob)
        page = self.client.get(self.task.get_absolute_url())
        self.assertNotContains(page, self.new_url())
        self.assertContains(page, f"{instruction.get_absolute_url()}#feedback")
        self.assertContains(page, "请抓紧推进")
        self.client.force_login(self.charlie)
        self.assertNotContains(self.client.get(self.task.get_absolute_url()), "请抓紧推进")

    def test_the_timeline_tells_who_wrote_answered_and_closed_it(self):
        self.client.force_login(self.secretary)
        self.client.post(self.new_url(), {"text": "请抓紧推进", "units": [self.fagai.pk]})
        instruction = Instruction.objects.get()
        instruction.answer(unit=self.fagai, text="已落实", user=self.bob)
        self.client.force_login(self.lin)
        lines = [
            (line.actor, line.text)
            for line in self.client.get(self.task.get_absolute_url()).context["timeline"]
            if line.entry.object_type == "supervision.instruction"
        ]
        assert lines == [
            ("林杰（由秘书张三代为）", "作出批示“请抓紧推进”"),
            ("区发改局", "反馈了批示“请抓紧推进”的落实情况"),
            ("", "办结了批示“请抓紧推进”"),
        ]

    def test_a_report_page_offers_the_leader_a_批示_on_it_and_shows_it_to_the_unit(self):
        report = make_report(self.task, self.fagai, make_cycle(self.plan), state="submitted")
        self.client.force_login(self.lin)
        self.assertContains(self.client.get(report.get_absolute_url()), f"?report={report.pk}")
        Instruction.write(
            task=self.task,
            official=self.lin_official,
            text="数据请核实",
            units=[self.fagai],
            user=self.lin,
            report=report,
        )
        self.client.force_login(self.bob)
        page = self.client.get(report.get_absolute_url())
        self.assertContains(page, "数据请核实")
        self.assertNotContains(page, "?report=")

    def test_a_report_page_without_a_批示_shows_no_panel_to_a_unit(self):
        report = make_report(self.task, self.fagai, make_cycle(self.plan), state="submitted")
        self.client.force_login(self.bob)
        self.assertNotContains(self.client.get(report.get_absolute_url()), 'id="instructions"')

    def test_the_leaders_page_lists_the_批示_awaiting_feedback(self):
        instruction = Instruction.write(
            task=self.task,
            official=self.lin_official,
            text="请抓紧推进",
            units=[self.fagai, self.shangwu],
            user=self.lin,
        )
        instruction.answer(unit=self.fagai, text="已落实", user=self.bob)
        self.client.force_login(self.secretary)
        page = self.client.get(self.lin_official.get_absolute_url())
        self.assertContains(page, "落实中的批示")
        self.assertContains(page, "已反馈 1/2")
        instruction.close(self.lin)
        self.assertNotContains(self.client.get(self.lin_official.get_absolute_url()), "已反馈 1/2")
