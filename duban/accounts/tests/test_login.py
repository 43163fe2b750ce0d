from django.contrib.auth.models import User
from django.urls import reverse

from duban.testing import PASSWORD, BaseTestCase


class LoginTestCase(BaseTestCase):
    def test_it_shows_the_login_page(self):
        response = self.client.get(reverse("accounts:login"))
        assert response.status_code == 200
        self.assertContains(response, "登录")
        self.assertContains(response, "csrfmiddlewaretoken")

    def test_it_logs_in_and_goes_to_the_ledger(self):
        response = self.client.post(
            reverse("accounts:login"), {"username": "joan", "password": PASSWORD}
        )
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        response = self.client.get("/", follow=True)
        self.assertRedirects(response, reverse("ledger:tasks"))

    def test_it_follows_next_after_login(self):
        url = self.task.get_absolute_url()
        response = self.client.post(
            reverse("accounts:login"), {"username": "joan", "password": PASSWORD, "next": url}
        )
        self.assertRedirects(response, url)

    def test_it_rejects_a_wrong_password(self):
        response = self.client.post(
            reverse("accounts:login"), {"username": "bob", "password": "wrong"}
        )
        assert response.status_code == 200
        assert "_auth_user_id" not in self.client.session

    def test_it_sends_anonymous_users_to_the_login_page(self):
        response = self.client.get(reverse("ledger:tasks"))
        self.assertRedirects(
            response, reverse("accounts:login") + "?next=" + reverse("ledger:tasks")
        )

    def test_it_logs_out_on_post(self):
        self.client.force_login(self.bob)
        response = self.client.post(reverse("accounts:logout"))
        self.assertRedirects(response, reverse("accounts:login"))
        assert "_auth_user_id" not in self.client.session

    def test_it_stores_passwords_hashed(self):
        user = User.objects.get(username="joan")
        assert user.password != PASSWORD
        assert user.check_password(PASSWORD)

    def test_it_changes_the_password(self):
        self.client.force_login(self.joan)
        response = self.client.post(
            reverse("accounts:password-change"),
            {
                "old_password": PASSWORD,
                "new_password1": "a-much-longer-passphrase-9",
                "new_password2": "a-much-longer-passphrase-9",
            },
        )
        self.assertRedirects(response, reverse("accounts:password-done"))
        self.joan.refresh_from_db()
        assert self.joan.check_password("a-much-longer-passphrase-9")
