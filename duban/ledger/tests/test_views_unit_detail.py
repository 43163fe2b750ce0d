from unittest import mock

from django.urls import reverse

from duban.ledger.choices import AssignmentRole
from duban.ledger.models import Official
from duban.testing import BaseTestCase, make_section, make_task


class UnitDetailTestCase(BaseTestCase):
    def test_it_splits_tasks_led_and_supported(self):
        self.client.force_login(self.charlie)
        response = self.client.get(self.caizheng.get_absolute_url())
        assert response.status_code == 200
        groups = {group.label: group.tasks for group in response.context["groups"]}
        assert groups == {"牵头": [], "共同": [self.other_task], "配合": [self.task]}

    def test_a_long_group_lists_its_first_tasks_and_links_the_ledger_for_all(self):
        make_task(
            self.task.section, "9", "又一项配合任务。", [(self.caizheng, AssignmentRole.SUPPORT)]
        )
        self.client.force_login(self.charlie)
        with mock.patch("duban.ledger.views.people.GROUP_SIZE", 1):
            response = self.client.get(self.caizheng.get_absolute_url())
        support = next(group for group in response.context["groups"] if group.label == "配合")
        assert (support.tasks, support.total) == ([self.task], 2)
        self.assertContains(response, "共 2 项，此处列出前 1 项")
        self.assertContains(response, f"?unit={self.caizheng.pk}&amp;role=support")

    def test_a_liaison_opens_only_their_own_unit(self):
        self.client.force_login(self.bob)
        assert self.client.get(self.fagai.get_absolute_url()).status_code == 200
        assert self.client.get(self.caizheng.get_absolute_url()).status_code == 404
        assert self.client.get(self.jiaoyu.get_absolute_url()).status_code == 404

    def test_a_leader_sees_only_the_units_tasks_in_their_portfolio(self):
        wang = Official.objects.create(name="王强")
        outside = make_task(
            make_section(self.plan, [wang], position=1),
            "9",
            "另一位领导的任务。",
            [(self.fagai, AssignmentRole.LEAD)],
        )
        self.client.force_login(self.lin)
        response = self.client.get(self.fagai.get_absolute_url())
        assert response.status_code == 200
        self.assertContains(response, self.task.text)
        self.assertNotContains(response, outside.text)
        assert self.client.get(self.jiaoyu.get_absolute_url()).status_code == 404

    def test_the_office_gets_the_maintenance_forms(self):
        self.client.force_login(self.alice)
        response = self.client.get(self.fagai.get_absolute_url())
        self.assertContains(response, reverse("ledger:unit-kind", args=[self.fagai.pk]))
        self.assertContains(response, reverse("ledger:unit-merge", args=[self.fagai.pk]))

    def test_a_liaison_gets_no_maintenance_forms(self):
        self.client.force_login(self.bob)
        response = self.client.get(self.fagai.get_absolute_url())
        self.assertNotContains(response, reverse("ledger:unit-kind", args=[self.fagai.pk]))

    def test_it_requires_login(self):
        assert self.client.get(self.fagai.get_absolute_url()).status_code == 302

    def test_a_unit_that_a_remark_makes_lead_sees_the_task(self):
        from duban.accounts.choices import UserRole
        from duban.testing import make_unit, make_user

        zhengfa = make_unit("区委政法委")
        self.other_task.lead_override = ["区委政法委"]
        self.other_task.save()
        self.other_task.lead_override_units.add(zhengfa)
        liaison = make_user("zhengfa", UserRole.UNIT, unit=zhengfa)
        self.client.force_login(liaison)
        response = self.client.get(zhengfa.get_absolute_url())
        groups = {group.label: group.tasks for group in response.context["groups"]}
        assert groups["改由本单位牵头"] == [self.other_task]
        assert self.client.get(self.other_task.get_absolute_url()).status_code == 200
        assert self.client.get(self.task.get_absolute_url()).status_code == 404
        response = self.client.get(reverse("ledger:tasks"), {"role": AssignmentRole.LEAD})
        assert list(response.context["page"].object_list) == [self.other_task]
        response = self.client.get(reverse("ledger:tasks"), {"role": AssignmentRole.SUPPORT})
        assert not response.context["page"].object_list

    def test_a_leader_opens_the_page_of_a_unit_a_remark_makes_lead(self):
        from duban.testing import make_unit

        zhengfa = make_unit("区委政法委")
        self.task.lead_override_units.add(zhengfa)
        self.client.force_login(self.lin)
        assert self.client.get(zhengfa.get_absolute_url()).status_code == 200
