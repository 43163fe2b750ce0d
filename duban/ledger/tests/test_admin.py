from django.contrib.auth.models import User
from django.urls import reverse

from duban.audit.actions import AdminAction
from duban.audit.models import LogEntry
from duban.ledger.choices import KindSource, UnitKind
from duban.testing import BaseTestCase


class LedgerAdminTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.root = User.objects.create_superuser("root", "root@example.org", "password")

    def setUp(self):
        self.client.force_login(self.root)

    def test_every_ledger_list_loads(self):
        for model in ["notice", "plan", "section", "task", "unit", "official"]:
            with self.subTest(model=model):
                r = self.client.get(reverse(f"admin:ledger_{model}_changelist"))
                self.assertEqual(r.status_code, 200)
        r = self.client.get(reverse("admin:ledger_task_change", args=[self.task.pk]))
        self.assertContains(r, "区发改局")

    def test_a_kind_set_in_the_admin_is_kept_and_audited(self):
        url = reverse("admin:ledger_unit_change", args=[self.fagai.pk])
        data = {
            "name": "区发改局",
            "kind": UnitKind.OTHER,
            "kind_source": KindSource.INFERRED,
            "note": "",
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
        }
        r = self.client.post(url, data)
        self.assertEqual(r.status_code, 302)
        self.fagai.refresh_from_db()
        self.assertEqual(
            (self.fagai.kind, self.fagai.kind_source), (UnitKind.OTHER, KindSource.EDITED)
        )
        entry = LogEntry.objects.get()
        self.assertEqual((entry.action, entry.user), (AdminAction.CHANGED, self.root))
        self.assertEqual(entry.object_type, "ledger.unit")
        self.assertEqual(entry.data["changes"], [{"changed": {"fields": ["类别"]}}])
