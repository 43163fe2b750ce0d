from duban.supervision.models import Notification
from duban.testing import BaseTestCase


class NotificationTestCase(BaseTestCase):
    def test_notify_creates_one_per_user_unread(self):
        Notification.objects.notify([self.bob, self.charlie], "请报送", "/tasks/1/")
        assert Notification.objects.unread().count() == 2

    def test_mark_read_stamps_it_once(self):
        (notification,) = Notification.objects.notify([self.bob], "请报送")
        notification.mark_read()
        first = notification.read_at
        notification.mark_read()
        notification.refresh_from_db()
        assert notification.read_at == first
        assert Notification.objects.unread().count() == 0
