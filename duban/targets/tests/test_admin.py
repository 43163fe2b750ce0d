from decimal import Decimal

from django.urls import reverse

from duban.audit.actions import AdminAction
from duban.audit.models import LogEntry
from duban.testing import BaseTestCase, make_target


class TargetAdminTestCase(BaseTestCase):
    def setUp(self):
        self.client.force_login(self.admin)
        self.target = make_target(self.task)

    def post(self, **fields):
        data = {
            "metric": self.target.metric_id,
            "metric_text": self.target.metric_text,
            "text": self.target.text,
            "position": self.target.position,
            "revisions-TOTAL_FORMS": "0",
            "revisions-INITIAL_FORMS": "0",
            **fields,
        }
        return self.client.post(reverse("admin:targets_target_change", args=[self.target.pk]), data)

    def test_an_admin_edit_of_a_target_is_audited(self):
        self.assertEqual(self.post(metric_text="GDP").status_code, 302)
        entry = LogEntry.objects.get(action=AdminAction.CHANGED)
        self.assertEqual(
            (entry.object_type, entry.object_id), ("targets.target", str(self.target.pk))
        )
        self.assertEqual((entry.user, entry.action_label), (self.admin, "后台修改"))
        self.assertEqual(entry.data["changes"], [{"changed": {"fields": ["指标原文"]}}])

    def test_the_target_value_cannot_be_changed_in_the_admin(self):
        self.post(value="9", comparator=">=")
        self.target.refresh_from_db()
        self.assertEqual((self.target.value, self.target.comparator), (Decimal(7), "="))
        r = self.client.get(reverse("admin:targets_target_change", args=[self.target.pk]))
        self.assertNotContains(r, 'name="value"')
