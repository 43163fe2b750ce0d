from django.test import Client
from django.urls import reverse

from duban.audit.models import LogEntry
from duban.ledger.choices import KindSource, UnitKind
from duban.testing import BaseTestCase


class UnitKindTestCase(BaseTestCase):
    def setUp(self):
        self.url = reverse("ledger:unit-kind", args=[self.fagai.pk])

    def test_the_office_sets_the_kind(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, {"kind": UnitKind.PARTY_BODY})
        self.assertRedirects(response, self.fagai.get_absolute_url())
        self.fagai.refresh_from_db()
        assert self.fagai.kind == UnitKind.PARTY_BODY
        assert self.fagai.kind_source == KindSource.EDITED
        assert LogEntry.objects.filter(action="ledger.unit.kind_changed", user=self.alice).exists()

    def test_it_rejects_an_unknown_kind(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, {"kind": "castle"})
        self.assertRedirects(response, self.fagai.get_absolute_url())
        self.fagai.refresh_from_db()
        assert self.fagai.kind == UnitKind.DISTRICT_DEPARTMENT

    def test_it_forbids_the_units_own_liaison(self):
        self.client.force_login(self.bob)
        assert self.client.post(self.url, {"kind": UnitKind.OTHER}).status_code == 403
        self.fagai.refresh_from_db()
        assert self.fagai.kind == UnitKind.DISTRICT_DEPARTMENT

    def test_it_404s_for_a_missing_unit(self):
        self.client.force_login(self.alice)
        url = reverse("ledger:unit-kind", args=[999_999])
        assert self.client.post(url, {"kind": UnitKind.OTHER}).status_code == 404

    def test_it_refuses_get(self):
        self.client.force_login(self.alice)
        assert self.client.get(self.url).status_code == 405

    def test_it_requires_login(self):
        assert self.client.post(self.url, {"kind": UnitKind.OTHER}).status_code == 302

    def test_it_refuses_a_post_without_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        assert client.post(self.url, {"kind": UnitKind.OTHER}).status_code == 403
        self.fagai.refresh_from_db()
        assert self.fagai.kind == UnitKind.DISTRICT_DEPARTMENT
