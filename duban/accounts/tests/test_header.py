from django.urls import reverse

from duban.supervision.models import Notification
from duban.testing import BaseTestCase


class HeaderTestCase(BaseTestCase):
    def test_the_office_menu_links_the_review_queue_and_the_cycles(self):
        self.client.force_login(self.alice)
        response = self.client.get(reverse("ledger:tasks"))
        self.assertContains(response, f'href="{reverse("progress:review-queue")}">待审核<')
        self.assertContains(response, f'href="{reverse("progress:cycle-list")}">报送周期<')
        self.assertNotContains(response, "本单位报送")

    def test_a_liaison_gets_its_reports_and_no_office_menu(self):
        self.client.force_login(self.bob)
        response = self.client.get(reverse("ledger:tasks"))
        self.assertContains(response, f'href="{reverse("progress:my-reports")}">本单位报送<')
        self.assertNotContains(response, "待审核")
        self.assertNotContains(response, "报送周期")

    def test_it_shows_the_unread_notifications_as_a_badge(self):
        self.client.force_login(self.bob)
        self.assertNotContains(self.client.get(reverse("ledger:tasks")), 'class="badge"')
        Notification.objects.notify([self.bob, self.bob], "请报送进度")
        response = self.client.get(reverse("ledger:tasks"))
        self.assertContains(response, '<span class="badge" title="未读 2 条">2</span>', html=True)
