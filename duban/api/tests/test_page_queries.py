"""Query-count baselines of the office's token and webhook pages: each costs the same with N
rows and with 3N."""

from django.urls import reverse

from duban.accounts.choices import UserRole
from duban.api.choices import TokenScope
from duban.api.models import ApiToken, Webhook
from duban.testing import BaseTestCase, make_unit, make_user


class PageQueriesTestCase(BaseTestCase):
    def add_tokens(self, count: int) -> None:
        """Units with a liaison each, who is given a token."""
        start = ApiToken.objects.count()
        for i in range(start, start + count):
            user = make_user(f"unit{i}", UserRole.UNIT, unit=make_unit(f"测试单位{i}"))
            ApiToken.issue(user=user, name=f"系统 {i}", scope=TokenScope.READ, by=self.alice)

    def add_webhooks(self, count: int) -> None:
        start = Webhook.objects.count()
        for i in range(start, start + count):
            Webhook.register(f"https://example.org/hook/{i}", by=self.alice)

    def test_the_token_list_costs_the_same_with_three_times_the_tokens(self):
        # The session, the user, the profile, the header's notifications, the tokens with
        # their users, profiles and issuers, and the form's users to choose from.
        response = self.assert_flat(self.alice, reverse("api:tokens"), self.add_tokens, 6)
        issued = ApiToken.objects.count()
        assert len(response.context["tokens"]) == issued
        assert f"<td>系统 {issued - 1}</td>" in response.content.decode()

    def test_the_webhook_list_costs_the_same_with_three_times_the_webhooks(self):
        # The session, the user, the profile, the header's notifications and the webhooks.
        response = self.assert_flat(self.alice, reverse("api:webhooks"), self.add_webhooks, 5)
        registered = Webhook.objects.count()
        assert len(response.context["hooks"]) == registered
        assert f"https://example.org/hook/{registered - 1}" in response.content.decode()
