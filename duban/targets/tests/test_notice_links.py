from django.urls import reverse

from duban.targets.tests.views_base import TargetViewsTestCase


class NoticeLinksTestCase(TargetViewsTestCase):
    def url(self):
        return reverse("targets:notice-links", args=[self.notice.pk])

    def test_it_sends_anonymous_users_to_log_in(self):
        r = self.client.get(self.url())
        self.assertEqual(r.status_code, 302)
        self.assertIn("login", r.url)

    def test_it_hides_the_notice_from_a_unit_without_tasks_in_it(self):
        self.client.force_login(self.dave)
        self.assertEqual(self.client.get(self.url()).status_code, 404)

    def test_it_shows_the_path_and_the_pace_warning(self):
        self.client.force_login(self.charlie)
        r = self.client.get(self.url())
        self.assertContains(r, "一般公共预算收入")
        self.assertContains(r, "其余年份须年均增长8.51%")
        self.assertContains(r, "待确认")
        self.assertNotContains(r, reverse("targets:link-confirm", args=[self.link.pk]))

    def test_the_office_gets_the_buttons(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url())
        self.assertContains(r, reverse("targets:link-confirm", args=[self.link.pk]))
        self.assertContains(r, reverse("targets:link-add", args=[self.notice.pk]))
