from django.urls import reverse

from duban.ledger.choices import AssignmentRole, PlanKind
from duban.testing import (
    BaseTestCase,
    make_cycle,
    make_notice,
    make_plan,
    make_section,
    make_task,
)


class NoticeListTestCase(BaseTestCase):
    def test_it_lists_notices_with_counts(self):
        self.client.force_login(self.alice)
        response = self.client.get(reverse("ledger:notices"))
        assert response.status_code == 200
        notice = response.context["notices"].get()
        assert (notice.plan_count, notice.task_count) == (1, 2)

    def test_it_forbids_other_roles(self):
        self.client.force_login(self.lin)
        assert self.client.get(reverse("ledger:notices")).status_code == 403

    def test_it_requires_login(self):
        assert self.client.get(reverse("ledger:notices")).status_code == 302


class NoticeDetailTestCase(BaseTestCase):
    def test_it_shows_the_notice_and_its_plans(self):
        self.client.force_login(self.alice)
        response = self.client.get(self.notice.get_absolute_url())
        assert response.status_code == 200
        self.assertContains(response, self.notice.title)
        self.assertContains(response, self.plan.title)
        self.assertContains(response, "源文件")

    def test_a_liaison_sees_counts_of_own_tasks_only(self):
        self.client.force_login(self.bob)
        response = self.client.get(self.notice.get_absolute_url())
        assert response.status_code == 200
        assert response.context["plans"].get().task_count == 1
        self.assertNotContains(response, "源文件")

    def test_it_lists_the_plans_in_annex_order_whatever_order_they_were_saved_in(self):
        notice = make_notice("测政办〔2022〕7号")
        for position in (2, 0, 1):
            plan = make_plan(notice, annex=str(position + 1), position=position)
            make_task(make_section(plan, [self.lin_official]), "1", "任务", [(self.fagai, "lead")])
        self.client.force_login(self.alice)
        plans = self.client.get(notice.get_absolute_url()).context["plans"]
        assert [p.annex for p in plans] == ["1", "2", "3"]

    def test_an_outsider_gets_404(self):
        self.client.force_login(self.dave)
        assert self.client.get(self.notice.get_absolute_url()).status_code == 404

    def test_it_escapes_the_notice_title(self):
        notice = make_notice("测政办〔2022〕9号", title="<script>alert(1)</script>")
        self.client.force_login(self.alice)
        response = self.client.get(notice.get_absolute_url())
        self.assertNotContains(response, "<script>alert(1)")
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")

    def test_it_requires_login(self):
        assert self.client.get(self.notice.get_absolute_url()).status_code == 302


class PlanDetailTestCase(BaseTestCase):
    def test_it_lists_the_tasks_by_section(self):
        self.client.force_login(self.alice)
        response = self.client.get(self.plan.get_absolute_url())
        assert response.status_code == 200
        assert response.context["sections"] == {self.section: [self.task, self.other_task]}

    def test_a_liaison_sees_only_own_tasks(self):
        self.client.force_login(self.bob)
        response = self.client.get(self.plan.get_absolute_url())
        assert response.context["sections"] == {self.section: [self.task]}

    def test_an_outsider_gets_404(self):
        other = make_plan(self.notice, PlanKind.FIVE_YEAR, "1")
        make_task(
            make_section(other, [self.lin_official]),
            "1",
            "五年任务。",
            [(self.jiaoyu, AssignmentRole.LEAD)],
        )
        self.client.force_login(self.bob)
        assert self.client.get(other.get_absolute_url()).status_code == 404

    def test_it_prompts_the_office_to_schedule_a_plan_without_cycles(self):
        self.client.force_login(self.alice)
        response = self.client.get(self.plan.get_absolute_url())
        self.assertContains(response, f"{reverse('progress:cycle-list')}?plan={self.plan.pk}")
        make_cycle(self.plan)
        response = self.client.get(self.plan.get_absolute_url())
        self.assertNotContains(response, "尚未安排进度报送周期")

    def test_a_liaison_is_not_prompted_to_schedule_cycles(self):
        self.client.force_login(self.bob)
        response = self.client.get(self.plan.get_absolute_url())
        self.assertNotContains(response, "尚未安排进度报送周期")

    def test_it_requires_login(self):
        assert self.client.get(self.plan.get_absolute_url()).status_code == 302
