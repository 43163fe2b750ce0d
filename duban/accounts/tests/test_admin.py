from django.contrib.auth.models import User
from django.urls import reverse

from duban.accounts.choices import UserRole
from duban.audit.actions import AdminAction
from duban.audit.models import LogEntry
from duban.testing import BaseTestCase, make_user


class AccountsAdminTestCase(BaseTestCase):
    def setUp(self):
        self.client.force_login(self.admin)

    def test_moving_a_liaison_to_another_unit_is_audited(self):
        profile = self.bob.profile
        url = reverse("admin:accounts_profile_change", args=[profile.pk])
        data = {
            "user": self.bob.pk,
            "role": UserRole.UNIT,
            "unit": self.caizheng.pk,
            "official": "",
        }
        self.assertEqual(self.client.post(url, data).status_code, 302)
        profile.refresh_from_db()
        self.assertEqual(profile.unit, self.caizheng)
        entry = LogEntry.objects.get()
        self.assertEqual((entry.action, entry.user), (AdminAction.CHANGED, self.admin))
        self.assertEqual(
            (entry.object_type, entry.object_id), ("accounts.profile", str(profile.pk))
        )
        self.assertEqual(entry.data["changes"], [{"changed": {"fields": ["单位"]}}])

    def test_a_password_set_in_the_admin_is_audited(self):
        url = reverse("admin:auth_user_password_change", args=[self.bob.pk])
        data = {"password1": "Ab3-long-enough", "password2": "Ab3-long-enough"}
        self.assertEqual(self.client.post(url, data).status_code, 302)
        entry = LogEntry.objects.get()
        self.assertEqual((entry.action, entry.object_type), (AdminAction.CHANGED, "auth.user"))
        self.assertEqual(entry.object_id, str(self.bob.pk))

    def test_deleting_an_account_in_the_admin_is_audited(self):
        erin = make_user("erin", UserRole.OFFICE)
        url = reverse("admin:auth_user_delete", args=[erin.pk])
        self.assertEqual(self.client.post(url, {"post": "yes"}).status_code, 302)
        self.assertFalse(User.objects.filter(username="erin").exists())
        entry = LogEntry.objects.get()
        self.assertEqual((entry.action, entry.object_repr), (AdminAction.DELETED, "erin"))
