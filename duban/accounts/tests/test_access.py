import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from duban.accounts.access import office_required
from duban.accounts.choices import UserRole
from duban.accounts.models import Profile
from duban.testing import BaseTestCase


class OfficeRequiredTestCase(BaseTestCase):
    def setUp(self):
        self.view = office_required(lambda request: HttpResponse("ok"))
        self.request = RequestFactory().get("/import/")

    def test_it_lets_the_office_in(self):
        self.request.user = self.alice
        assert self.view(self.request).status_code == 200

    def test_it_forbids_other_roles(self):
        for user in (self.lin, self.bob):
            self.request.user = user
            with pytest.raises(PermissionDenied):
                self.view(self.request)

    def test_it_sends_anonymous_users_to_login(self):
        self.request.user = AnonymousUser()
        response = self.view(self.request)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


class ProfileConstraintTestCase(BaseTestCase):
    def test_a_leader_profile_needs_an_official(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            Profile.objects.create(user=self.nobody, role=UserRole.LEADER)

    def test_a_unit_profile_needs_a_unit(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            Profile.objects.create(user=self.nobody, role=UserRole.UNIT)
