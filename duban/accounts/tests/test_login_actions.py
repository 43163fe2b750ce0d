import re

from django.contrib.auth.models import User
from django.urls import reverse

from duban.accounts.actions import AccountAction
from duban.audit.models import LogEntry
from duban.testing import PASSWORD, BaseTestCase

LOGIN = reverse("accounts:login")
PASSWORD_SHOWN = re.compile(r'<code class="password">([A-Za-z0-9]+)</code>')


class LoginActionsTestCase(BaseTestCase):
    def post(self, name, user=None, who=None):
        self.client.force_login(who or self.alice)
        return self.client.post(reverse(name, args=[(user or self.joan).pk]))

    def log_in(self, password=PASSWORD, username="joan", ip="10.0.0.1"):
        self.client.logout()
        data = {"username": username, "password": password}
        return self.client.post(LOGIN, data, REMOTE_ADDR=ip)

    def logged_in(self) -> bool:
        return "_auth_user_id" in self.client.session

    def test_a_deactivated_log_in_cannot_log_in(self):
        response = self.post("accounts:login-deactivate")
        self.assertRedirects(response, reverse("ledger:people") + f"#unit-{self.shangwu.pk}")
        self.joan.refresh_from_db()
        self.assertFalse(self.joan.is_active)
        self.log_in()
        self.assertFalse(self.logged_in())

    def test_deactivating_ends_the_open_session(self):
        joan_client = self.client_class()
        joan_client.force_login(self.joan)
        self.post("accounts:login-deactivate")
        response = joan_client.get(reverse("ledger:tasks"))
        self.assertEqual(response.status_code, 302)
        self.assertIn(LOGIN, response.url)

    def test_a_reactivated_log_in_can_log_in_again(self):
        self.post("accounts:login-deactivate")
        self.post("accounts:login-reactivate")
        self.joan.refresh_from_db()
        self.assertTrue(self.joan.is_active)
        self.log_in()
        self.assertTrue(self.logged_in())

    def test_deactivating_twice_says_it_is_already_stopped(self):
        self.post("accounts:login-deactivate")
        response = self.post("accounts:login-deactivate")
        self.assertContains(self.client.get(response.url), "该账号已停用。")
        self.assertEqual(LogEntry.objects.filter(action=AccountAction.DEACTIVATED).count(), 1)

    def test_a_reset_password_is_shown_once_and_replaces_the_old_one(self):
        response = self.post("accounts:login-password-reset")
        self.assertContains(response, "密码只在此页显示一次")
        self.assertIn("no-store", response["Cache-Control"])
        password = PASSWORD_SHOWN.search(response.content.decode())[1]
        self.assertEqual(len(password), 12)
        self.joan.refresh_from_db()
        self.assertNotIn(password, self.joan.password)
        self.log_in(PASSWORD)
        self.assertFalse(self.logged_in())
        self.log_in(password)
        self.assertTrue(self.logged_in())

    def test_a_reset_lifts_the_log_ins_lockout(self):
        for _ in range(5):
            response = self.log_in("wrong")
        self.assertEqual(response.status_code, 429)
        response = self.post("accounts:login-password-reset")
        password = PASSWORD_SHOWN.search(response.content.decode())[1]
        self.assertEqual(self.log_in(password).status_code, 302)
        self.assertTrue(self.logged_in())
        entry = LogEntry.objects.get(action=AccountAction.PASSWORD_RESET)
        self.assertEqual(entry.data["attempts"], 1)

    def test_every_change_is_audited_with_who_made_it(self):
        self.post("accounts:login-deactivate")
        self.post("accounts:login-reactivate")
        self.post("accounts:login-password-reset")
        entries = LogEntry.objects.filter(object_id=str(self.joan.pk)).order_by("pk")
        self.assertEqual(
            [e.action for e in entries],
            [AccountAction.DEACTIVATED, AccountAction.REACTIVATED, AccountAction.PASSWORD_RESET],
        )
        self.assertEqual({e.user_name for e in entries}, {"alice"})
        self.assertEqual(entries[0].data["unit"], "区商务局")
        self.assertNotIn("password", str([e.data for e in entries]))

    def test_leaders_and_liaisons_are_refused(self):
        for who in (self.lin, self.bob, self.dave):
            for name in ("accounts:login-deactivate", "accounts:login-password-reset"):
                self.assertEqual(self.post(name, who=who).status_code, 403)
        self.joan.refresh_from_db()
        self.assertTrue(self.joan.is_active)
        self.assertFalse(LogEntry.objects.filter(action__startswith="accounts.login").exists())

    def test_office_log_ins_are_not_managed_here(self):
        response = self.post("accounts:login-deactivate", user=self.alice)
        self.assertEqual(response.status_code, 404)
        response = self.post("accounts:login-password-reset", user=self.admin)
        self.assertEqual(response.status_code, 404)
        self.assertTrue(User.objects.get(username="alice").is_active)

    def test_a_leaders_log_in_can_be_deactivated(self):
        response = self.post("accounts:login-deactivate", user=self.wang)
        self.assertRedirects(
            response, reverse("ledger:people") + f"#official-{self.wang_official.pk}"
        )
        self.wang.refresh_from_db()
        self.assertFalse(self.wang.is_active)
