from django.urls import reverse

from duban.audit.models import LogEntry
from duban.ledger.choices import AssignmentRole, UnitKind
from duban.testing import BaseTestCase, make_task, make_unit


class PlaceholderTestCase(BaseTestCase):
    def setUp(self):
        self.placeholder = make_unit("相关街镇", UnitKind.PLACEHOLDER)
        self.qidu = make_unit("七都街道", UnitKind.SUBDISTRICT)
        self.binjiang = make_unit("滨江街道", UnitKind.SUBDISTRICT)
        self.ph_task = make_task(
            self.section,
            "3",
            "整治违法建筑。",
            [(self.fagai, AssignmentRole.LEAD), (self.placeholder, AssignmentRole.SUPPORT)],
        )
        self.assignment = self.ph_task.assignments.get(unit=self.placeholder)
        self.url = reverse("ledger:placeholder-resolve", args=[self.assignment.pk])


class PlaceholderListTestCase(PlaceholderTestCase):
    def test_it_lists_placeholders_to_resolve(self):
        self.client.force_login(self.alice)
        response = self.client.get(reverse("ledger:placeholders"))
        assert response.status_code == 200
        assert list(response.context["assignments"]) == [self.assignment]
        self.assertContains(response, self.url)

    def test_it_forbids_other_roles(self):
        self.client.force_login(self.bob)
        assert self.client.get(reverse("ledger:placeholders")).status_code == 403

    def test_it_requires_login(self):
        assert self.client.get(reverse("ledger:placeholders")).status_code == 302


class PlaceholderResolveTestCase(PlaceholderTestCase):
    def test_it_offers_concrete_units_not_yet_on_the_task(self):
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        assert response.status_code == 200
        choices = set(response.context["form"].fields["units"].queryset)
        assert self.qidu in choices and self.binjiang in choices
        assert self.fagai not in choices and self.placeholder not in choices

    def test_the_office_resolves_a_placeholder(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, {"units": [self.qidu.pk, self.binjiang.pk]})
        self.assertRedirects(response, self.ph_task.get_absolute_url())
        resolved = {a.unit for a in self.assignment.resolutions.all()}
        assert resolved == {self.qidu, self.binjiang}
        assert all(a.role == AssignmentRole.SUPPORT for a in self.assignment.resolutions.all())
        assert LogEntry.objects.filter(action="ledger.assignment.resolved").exists()

    def test_it_requires_at_least_one_unit(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, {})
        assert response.status_code == 200
        assert response.context["form"].errors
        assert not self.assignment.resolutions.exists()

    def test_it_404s_for_a_concrete_assignment(self):
        self.client.force_login(self.alice)
        concrete = self.ph_task.assignments.get(unit=self.fagai)
        url = reverse("ledger:placeholder-resolve", args=[concrete.pk])
        assert self.client.get(url).status_code == 404

    def test_it_forbids_the_lead_unit(self):
        self.client.force_login(self.bob)
        assert self.client.post(self.url, {"units": [self.qidu.pk]}).status_code == 403
        assert not self.assignment.resolutions.exists()

    def test_it_requires_login(self):
        assert self.client.post(self.url, {"units": [self.qidu.pk]}).status_code == 302
        assert not self.assignment.resolutions.exists()
