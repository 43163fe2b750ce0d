from django.urls import reverse

from duban.ledger.choices import UnitKind
from duban.ledger.models import UnitAlias
from duban.testing import BaseTestCase, make_unit


class UnitListTestCase(BaseTestCase):
    url = reverse("ledger:units")

    def test_it_lists_units_with_counts_by_role(self):
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        assert response.status_code == 200
        units = {u.name: (u.lead, u.joint, u.support) for u in response.context["page"]}
        assert units["区发改局"] == (1, 0, 0)
        assert units["区财政局"] == (0, 1, 1)
        assert units["区教育局"] == (0, 0, 0)

    def test_it_filters_by_kind_and_name_or_alias(self):
        street = make_unit("七都街道", UnitKind.SUBDISTRICT)
        UnitAlias.objects.create(unit=self.caizheng, alias="区国资办")
        self.client.force_login(self.alice)
        assert list(self.client.get(self.url, {"kind": "subdistrict"}).context["page"]) == [street]
        assert list(self.client.get(self.url, {"q": "国资"}).context["page"]) == [self.caizheng]

    def test_it_forbids_other_roles(self):
        for user in (self.lin, self.bob):
            self.client.force_login(user)
            assert self.client.get(self.url).status_code == 403

    def test_it_requires_login(self):
        assert self.client.get(self.url).status_code == 302
