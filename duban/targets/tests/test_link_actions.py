from django.urls import reverse

from duban.ledger.choices import PlanKind
from duban.targets.choices import LinkOrigin, LinkState
from duban.targets.models import TargetLink
from duban.targets.tests.base import task_with_targets
from duban.targets.tests.views_base import TargetViewsTestCase
from duban.testing import growth


class LinkActionsTestCase(TargetViewsTestCase):
    def confirm_url(self):
        return reverse("targets:link-confirm", args=[self.link.pk])

    def test_the_office_confirms_a_link(self):
        self.client.force_login(self.alice)
        r = self.client.post(self.confirm_url())
        self.assertRedirects(r, reverse("targets:notice-links", args=[self.notice.pk]))
        self.link.refresh_from_db()
        self.assertEqual((self.link.state, self.link.decided_by), (LinkState.CONFIRMED, self.alice))

    def test_the_office_removes_a_link(self):
        self.client.force_login(self.alice)
        self.client.post(reverse("targets:link-remove", args=[self.link.pk]))
        self.link.refresh_from_db()
        self.assertEqual(self.link.state, LinkState.REMOVED)

    def test_confirming_needs_a_post(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(self.confirm_url()).status_code, 405)
        self.link.refresh_from_db()
        self.assertEqual(self.link.state, LinkState.PROPOSED)

    def test_other_roles_may_not_confirm(self):
        self.client.force_login(self.charlie)
        self.assertEqual(self.client.post(self.confirm_url()).status_code, 403)
        self.link.refresh_from_db()
        self.assertEqual(self.link.state, LinkState.PROPOSED)

    def test_anonymous_users_go_to_log_in(self):
        r = self.client.post(self.confirm_url())
        self.assertEqual(r.status_code, 302)
        self.assertIn("login", r.url)

    def test_confirming_twice_shows_a_message(self):
        self.client.force_login(self.alice)
        self.client.post(self.confirm_url())
        r = self.client.post(self.confirm_url(), follow=True)
        self.assertContains(r, "关联已确认")

    def test_the_office_adds_a_link_by_hand(self):
        gdp = task_with_targets(
            self.annual, "地区生产总值增长 7%。", [growth("地区生产总值", 7)]
        ).targets.get()
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("targets:link-add", args=[self.notice.pk]),
            {"annual": gdp.pk, "five_year": self.revenue_five.pk},
        )
        self.assertRedirects(r, reverse("targets:notice-links", args=[self.notice.pk]))
        link = TargetLink.objects.get(annual=gdp)
        self.assertEqual((link.state, link.origin), (LinkState.CONFIRMED, LinkOrigin.MANUAL))

    def test_adding_refuses_a_five_year_target_as_the_annual_one(self):
        self.client.force_login(self.alice)
        self.client.post(
            reverse("targets:link-add", args=[self.notice.pk]),
            {"annual": self.revenue_five.pk, "five_year": self.revenue_five.pk},
        )
        self.assertEqual(TargetLink.objects.count(), 1)
        self.assertEqual(self.revenue_five.task.plan.kind, PlanKind.FIVE_YEAR)
