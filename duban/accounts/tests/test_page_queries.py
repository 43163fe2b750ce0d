"""Query-count baseline of the lock-out list: it costs the same with N locks and with 3N."""

from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse

from duban.testing import BaseTestCase


class LockoutListQueriesTestCase(BaseTestCase):
    def add_locks(self, count: int) -> None:
        """User names each locked out from an address of its own, which is locked too."""
        start = AccessAttempt.objects.count()
        for i in range(start, start + count):
            AccessAttempt.objects.create(
                username=f"user{i}",
                ip_address=f"10.0.0.{i}",
                user_agent="test",
                http_accept="*/*",
                path_info="/accounts/login/",
                get_data="",
                post_data="",
                failures_since_start=settings.AXES_FAILURE_LIMIT,
            )

    def test_the_lockout_list_costs_the_same_with_three_times_the_locks(self):
        # The session, the user, the profile, the locked user names and the locked
        # addresses (one GROUP BY each) and the header's notifications.
        response = self.assert_flat(self.alice, reverse("accounts:lockouts"), self.add_locks, 6)
        assert len(response.context["locks"]) == 2 * AccessAttempt.objects.count()
