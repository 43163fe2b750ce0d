"""Query-count baseline of the bulletin list: it costs the same with N bulletins and with 3N."""

from datetime import date

from django.urls import reverse

from duban.bulletins.models import Bulletin
from duban.testing import BaseTestCase, make_cycle


class BulletinListQueriesTestCase(BaseTestCase):
    def add_bulletins(self, count: int) -> None:
        """Bulletins on cycles of their own, which the issue form lists too."""
        start = Bulletin.objects.count()
        for i in range(start, start + count):
            cycle = make_cycle(self.plan, date(2022 + i // 12, i % 12 + 1, 1))
            Bulletin.issue(on=cycle.due_on, cycle=cycle, user=self.alice)

    def test_the_bulletin_list_costs_the_same_with_three_times_the_bulletins(self):
        # The session, the user, the profile, the header's notifications, the issue form's
        # cycles with their plans and the bulletins with their cycles.
        url = reverse("bulletins:bulletins")
        response = self.assert_flat(self.alice, url, self.add_bulletins, 6)
        assert len(response.context["bulletins"]) == Bulletin.objects.count()
        assert Bulletin.objects.first().doc_number in response.content.decode()
