from django.contrib.auth.models import User
from django.urls import reverse

from duban.audit.log import record
from duban.testing import BaseTestCase


class LogEntryAdminTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.root = User.objects.create_superuser("root", "root@example.org", "password")
        cls.entry = record("ledger.task.changed", cls.task, user=cls.alice, data={"x": 1})

    def setUp(self):
        self.client.force_login(self.root)

    def test_the_office_can_read_the_log(self):
        r = self.client.get(reverse("admin:audit_logentry_changelist"))
        self.assertContains(r, "ledger.task.changed")
        r = self.client.get(reverse("admin:audit_logentry_change", args=[self.entry.pk]))
        self.assertEqual(r.status_code, 200)
        self.assertNotContains(r, 'name="_save"')

    def test_nobody_can_add_change_or_delete_entries(self):
        self.assertEqual(self.client.get(reverse("admin:audit_logentry_add")).status_code, 403)
        url = reverse("admin:audit_logentry_change", args=[self.entry.pk])
        self.assertEqual(self.client.post(url, {"action": "forged"}).status_code, 403)
        delete = reverse("admin:audit_logentry_delete", args=[self.entry.pk])
        self.assertEqual(self.client.post(delete, {"post": "yes"}).status_code, 403)
        self.entry.refresh_from_db()
        self.assertEqual(self.entry.action, "ledger.task.changed")
