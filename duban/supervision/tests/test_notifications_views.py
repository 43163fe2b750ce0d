from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.urls import reverse

from duban.supervision.models import Notification
from duban.testing import BaseTestCase


class NotificationsViewTestCase(BaseTestCase):
    def test_it_lists_only_the_users_own_notifications(self):
        Notification.objects.notify([self.bob], "请报送3月进度")
        Notification.objects.notify([self.charlie], "他人的通知")
        self.client.force_login(self.bob)
        page = self.client.get(reverse("supervision:notifications")).content.decode()
        assert "请报送3月进度" in page and "他人的通知" not in page
        assert "未读 1 条" in page

    def test_reading_one_marks_it_and_follows_its_link(self):
        (n,) = Notification.objects.notify([self.bob], "请报送", self.task.get_absolute_url())
        self.client.force_login(self.bob)
        response = self.client.post(reverse("supervision:notification-read", args=[n.pk]))
        self.assertRedirects(response, self.task.get_absolute_url())
        n.refresh_from_db()
        assert n.read_at is not None

    def test_it_does_not_follow_a_link_to_another_site(self):
        (n,) = Notification.objects.notify([self.bob], "请报送", "https://evil.example/")
        self.client.force_login(self.bob)
        response = self.client.post(reverse("supervision:notification-read", args=[n.pk]))
        self.assertRedirects(response, reverse("supervision:notifications"))


class UnreadTagTestCase(BaseTestCase):
    def test_it_counts_the_unread_notifications_of_the_user(self):
        Notification.objects.notify([self.bob, self.bob, self.charlie], "请报送")
        template = Template("{% load supervision_tags %}{% unread_notifications user %}")
        assert template.render(Context({"user": self.bob})) == "2"
        assert template.render(Context({"user": self.dave})) == ""
        assert template.render(Context({"user": AnonymousUser()})) == ""

    def test_past_99_the_badge_says_99_plus(self):
        Notification.objects.notify([self.bob] * 99, "请报送")
        template = Template("{% load supervision_tags %}{% unread_notifications user %}")
        assert template.render(Context({"user": self.bob})) == "99"
        Notification.objects.notify([self.bob], "请报送")
        assert template.render(Context({"user": self.bob})) == "99+"
