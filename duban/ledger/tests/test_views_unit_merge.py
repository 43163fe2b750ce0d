from django.urls import reverse

from duban.audit.models import LogEntry
from duban.ledger.choices import AssignmentRole
from duban.ledger.models import Unit, UnitAlias
from duban.testing import BaseTestCase, make_cycle, make_report, make_task, make_unit


class UnitMergeTestCase(BaseTestCase):
    def setUp(self):
        self.alias_unit = make_unit("区发改局（区粮食局）")
        self.alias_task = make_task(
            self.section, "5", "保障粮食安全。", [(self.alias_unit, AssignmentRole.LEAD)]
        )
        self.url = reverse("ledger:unit-merge", args=[self.fagai.pk])

    def test_the_office_merges_a_unit_into_another(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, {"drop": self.alias_unit.pk})
        self.assertRedirects(response, self.fagai.get_absolute_url())
        assert not Unit.objects.filter(pk=self.alias_unit.pk).exists()
        assert self.alias_task.assignments.get().unit == self.fagai
        assert UnitAlias.objects.filter(unit=self.fagai, alias="区发改局（区粮食局）").exists()
        assert LogEntry.objects.filter(action="ledger.unit.merged", user=self.alice).exists()

    def test_it_cannot_merge_a_unit_into_itself(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, {"drop": self.fagai.pk})
        self.assertRedirects(response, self.fagai.get_absolute_url())
        assert Unit.objects.filter(pk=self.fagai.pk).exists()

    def test_it_refuses_two_units_that_reported_on_one_task_in_one_cycle(self):
        cycle = make_cycle(self.plan)
        make_report(self.task, self.fagai, cycle)
        make_report(self.task, self.caizheng, cycle)
        self.client.force_login(self.alice)
        response = self.client.post(self.url, {"drop": self.caizheng.pk}, follow=True)
        self.assertContains(response, "不能合并")
        assert Unit.objects.filter(pk=self.caizheng.pk).exists()
        assert self.task.assignments.filter(unit=self.caizheng).exists()
        assert not LogEntry.objects.filter(action="ledger.unit.merged").exists()

    def test_it_requires_a_unit_to_merge(self):
        self.client.force_login(self.alice)
        self.client.post(self.url, {})
        assert Unit.objects.filter(pk=self.alias_unit.pk).exists()

    def test_it_forbids_liaisons_and_leaders(self):
        for user in (self.bob, self.lin):
            self.client.force_login(user)
            assert self.client.post(self.url, {"drop": self.alias_unit.pk}).status_code == 403
        assert Unit.objects.filter(pk=self.alias_unit.pk).exists()

    def test_it_refuses_get(self):
        self.client.force_login(self.alice)
        assert self.client.get(self.url).status_code == 405

    def test_it_requires_login(self):
        assert self.client.post(self.url, {"drop": self.alias_unit.pk}).status_code == 302
        assert Unit.objects.filter(pk=self.alias_unit.pk).exists()

    def test_the_unit_page_offers_the_merge(self):
        self.client.force_login(self.alice)
        response = self.client.get(self.fagai.get_absolute_url())
        self.assertContains(response, 'data-placeholder="输入单位名称"')
        # The other units are not listed in the page: the type-ahead finds them.
        self.assertNotContains(response, "区发改局（区粮食局）")
        found = self.client.get(reverse("ledger:suggest-units"), {"q": "粮食"}).json()
        assert [row["id"] for row in found["results"]] == [self.alias_unit.pk]
