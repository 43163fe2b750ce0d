from django.contrib.auth.models import AnonymousUser

from duban.accounts.access import official_of, unit_id_of, unit_of
from duban.testing import BaseTestCase


class WhoTheUserIsTestCase(BaseTestCase):
    def test_a_liaison_acts_for_their_unit_and_for_no_leader(self):
        assert (unit_of(self.bob), unit_id_of(self.bob)) == (self.fagai, self.fagai.pk)
        assert official_of(self.bob) is None

    def test_a_leader_stands_for_their_official_and_for_no_unit(self):
        assert official_of(self.lin) == self.lin_official
        assert (unit_of(self.lin), unit_id_of(self.lin)) == (None, None)

    def test_the_office_anonymous_users_and_users_without_profile_are_neither(self):
        for user in (self.alice, AnonymousUser(), self.nobody):
            assert (unit_of(user), unit_id_of(user), official_of(user)) == (None, None, None)
