from datetime import timedelta
from unittest import mock

import time_machine
from django.contrib.auth.backends import ModelBackend
from django.urls import reverse
from django.utils import timezone

from duban.audit.models import LogEntry
from duban.testing import PASSWORD, BaseTestCase

LOGIN = reverse("accounts:login")


class LockoutTestCase(BaseTestCase):
    def log_in(self, username="joan", password=PASSWORD, ip="10.0.0.1"):
        return self.client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)

    def fail(self, times, username="joan", ip="10.0.0.1"):
        for _ in range(times):
            response = self.log_in(username, "wrong", ip)
        return response

    def test_the_right_password_fails_after_five_wrong_ones(self):
        self.assertEqual(self.fail(4).status_code, 200)
        self.assertEqual(self.fail(1).status_code, 429)
        response = self.log_in()
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "暂停登录", status_code=429)
        self.assertContains(response, "30 分钟后再试", status_code=429)
        self.assertContains(response, "联系督查室解除锁定", status_code=429)
        assert "_auth_user_id" not in self.client.session

    def test_four_wrong_passwords_still_let_the_right_one_in(self):
        self.fail(4)
        self.assertRedirects(self.log_in(), "/", fetch_redirect_response=False)

    def test_a_user_name_is_locked_from_every_address(self):
        for i in range(5):
            self.fail(1, ip=f"10.0.1.{i}")
        self.assertEqual(self.log_in(ip="10.0.2.9").status_code, 429)

    def test_an_address_is_locked_for_every_user_name(self):
        for name in ("bob", "charlie", "dave", "zoe", "joan"):
            self.fail(1, username=name, ip="10.0.3.3")
        self.assertEqual(self.log_in("alice", ip="10.0.3.3").status_code, 429)
        self.assertRedirects(
            self.log_in("alice", ip="10.0.3.4"), "/", fetch_redirect_response=False
        )

    def test_behind_a_proxy_the_address_is_the_forwarded_one(self):
        with self.settings(DUBAN_PROXY_COUNT=1):
            for name in ("bob", "charlie", "dave", "zoe", "joan"):
                self.client.post(
                    LOGIN,
                    {"username": name, "password": "wrong"},
                    REMOTE_ADDR="127.0.0.1",
                    HTTP_X_FORWARDED_FOR="10.0.4.4",
                )
            response = self.client.post(
                LOGIN,
                {"username": "alice", "password": PASSWORD},
                REMOTE_ADDR="127.0.0.1",
                HTTP_X_FORWARDED_FOR="10.0.4.5",
            )
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.client.logout()
        with self.settings(DUBAN_PROXY_COUNT=1):
            response = self.client.post(
                LOGIN,
                {"username": "alice", "password": PASSWORD},
                REMOTE_ADDR="127.0.0.1",
                # A forged entry on the left does not hide the address the proxy saw.
                HTTP_X_FORWARDED_FOR="10.0.9.9, 10.0.4.4",
            )
        self.assertEqual(response.status_code, 429)

    def test_a_locked_out_attempt_hashes_no_password(self):
        self.fail(5)
        with mock.patch.object(ModelBackend, "authenticate", autospec=True) as backend:
            self.assertEqual(self.log_in().status_code, 429)
            self.assertEqual(self.log_in(password="wrong").status_code, 429)
        backend.assert_not_called()

    def test_the_lock_lifts_after_the_cool_off(self):
        self.fail(5)
        with time_machine.travel(timezone.now() + timedelta(minutes=31)):
            self.assertRedirects(self.log_in(), "/", fetch_redirect_response=False)

    def test_the_office_sees_and_lifts_a_lock(self):
        self.fail(5)
        self.client.force_login(self.alice)
        page = self.client.get(reverse("accounts:lockouts"))
        self.assertContains(page, "joan")
        self.assertContains(page, "10.0.0.1")
        response = self.client.post(
            reverse("accounts:lockout-lift"), {"kind": "username", "value": "joan"}
        )
        self.assertRedirects(response, reverse("accounts:lockouts"))
        self.assertNotContains(self.client.get(reverse("accounts:lockouts")), "joan")
        entry = LogEntry.objects.get(action="accounts.unlock")
        self.assertEqual((entry.user, entry.data["username"]), (self.alice, "joan"))
        self.client.logout()
        self.assertRedirects(self.log_in(), "/", fetch_redirect_response=False)

    def test_a_unit_liaison_cannot_lift_a_lock(self):
        self.fail(5)
        self.client.force_login(self.bob)
        response = self.client.post(
            reverse("accounts:lockout-lift"), {"kind": "username", "value": "joan"}
        )
        self.assertEqual(response.status_code, 403)
        self.client.logout()
        self.assertEqual(self.log_in(ip="10.0.0.2").status_code, 429)


class PasswordRulesTestCase(BaseTestCase):
    def test_an_all_digit_password_is_refused(self):
        self.client.force_login(self.bob)
        response = self.client.post(
            reverse("accounts:password-change"),
            {
                "old_password": PASSWORD,
                "new_password1": "2022030719",
                "new_password2": "2022030719",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "密码只包含数字")
        self.bob.refresh_from_db()
        assert self.bob.check_password(PASSWORD)
