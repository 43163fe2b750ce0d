import re

from django.contrib.auth.models import User
from django.urls import reverse

from duban.accounts.access import official_of
from duban.accounts.actions import AccountAction
from duban.accounts.choices import UserRole
from duban.audit.models import LogEntry
from duban.testing import BaseTestCase

PEOPLE = reverse("ledger:people")
PASSWORD_SHOWN = re.compile(r'<code class="password">([A-Za-z0-9]+)</code>')


class PeoplePageTestCase(BaseTestCase):
    def test_the_office_sees_each_units_and_leaders_log_ins(self):
        self.client.force_login(self.alice)
        self.bob.last_login = None
        response = self.client.get(PEOPLE)
        self.assertContains(response, f'id="unit-{self.fagai.pk}"')
        self.assertContains(response, "<strong>bob</strong>", html=False)
        self.assertContains(response, f'id="official-{self.lin_official.pk}"')
        self.assertContains(response, "<strong>lin</strong>", html=False)
        self.assertContains(response, "从未登录")
        self.assertNotContains(response, "<strong>alice</strong>", html=False)

    def test_the_list_shows_last_log_in_and_stopped_log_ins(self):
        self.client.force_login(self.bob)
        self.dave.is_active = False
        self.dave.save(update_fields=["is_active"])
        self.client.force_login(self.alice)
        response = self.client.get(PEOPLE)
        self.assertContains(response, "已停用")
        bob = User.objects.get(username="bob")
        self.assertContains(response, bob.last_login.astimezone().strftime("%Y-%m-%d"))

    def test_the_unit_and_leader_pages_link_the_office_to_their_log_ins(self):
        self.client.force_login(self.alice)
        response = self.client.get(reverse("ledger:unit", args=[self.fagai.pk]))
        self.assertContains(response, f"{PEOPLE}#unit-{self.fagai.pk}")
        response = self.client.get(reverse("ledger:official", args=[self.lin_official.pk]))
        self.assertContains(response, f"{PEOPLE}#official-{self.lin_official.pk}")
        self.client.force_login(self.lin)
        response = self.client.get(reverse("ledger:official", args=[self.lin_official.pk]))
        self.assertNotContains(response, PEOPLE)

    def test_the_unit_filter_narrows_the_units(self):
        self.client.force_login(self.alice)
        response = self.client.get(PEOPLE, {"q": "发改"})
        self.assertContains(response, "区发改局")
        self.assertNotContains(response, "区教育局")

    def test_other_roles_are_refused(self):
        for who in (self.lin, self.bob, self.dave, self.nobody):
            self.client.force_login(who)
            self.assertEqual(self.client.get(PEOPLE).status_code, 403)
        self.client.logout()
        self.assertEqual(self.client.get(PEOPLE).status_code, 302)

    def test_the_office_menu_links_to_it(self):
        self.client.force_login(self.alice)
        self.assertContains(self.client.get(reverse("ledger:tasks")), PEOPLE)
        self.client.force_login(self.bob)
        self.assertNotContains(self.client.get(reverse("ledger:tasks")), PEOPLE)


class CreateLoginTestCase(BaseTestCase):
    def create(self, name, obj, who=None, **data):
        self.client.force_login(who or self.alice)
        fields = {"username": "zhang", "name": "张三", "phone": "138 0000 1111", **data}
        return self.client.post(reverse(name, args=[obj.pk]), fields)

    def test_a_new_liaison_logs_in_and_sees_only_the_units_tasks(self):
        response = self.create("ledger:unit-login-create", self.caizheng, email="z@example.org")
        self.assertContains(response, "密码只在此页显示一次")
        password = PASSWORD_SHOWN.search(response.content.decode())[1]
        zhang = User.objects.get(username="zhang")
        self.assertEqual(zhang.get_full_name(), "张三")
        self.assertEqual(zhang.email, "z@example.org")
        self.assertEqual(zhang.profile.phone, "13800001111")
        self.assertEqual(zhang.profile.role, UserRole.UNIT)
        self.assertEqual(zhang.profile.unit, self.caizheng)
        self.assertNotIn(password, zhang.password)

        self.client.logout()
        login = {"username": "zhang", "password": password}
        self.assertEqual(self.client.post(reverse("accounts:login"), login).status_code, 302)
        response = self.client.get(reverse("ledger:tasks"))
        self.assertEqual(
            [t.pk for t in response.context["page"].object_list], [self.task.pk, self.other_task.pk]
        )
        self.assertEqual(
            self.client.get(reverse("ledger:unit", args=[self.fagai.pk])).status_code, 404
        )

    def test_a_new_leader_log_in_stands_for_the_official(self):
        response = self.create(
            "ledger:official-login-create", self.wang_official, username="wm", role="leader"
        )
        self.assertEqual(response.status_code, 200)
        profile = User.objects.get(username="wm").profile
        self.assertEqual((profile.role, profile.official), (UserRole.LEADER, self.wang_official))

    def test_a_secretary_log_in_acts_for_the_leader_and_is_listed_as_such(self):
        response = self.create(
            "ledger:official-login-create", self.lin_official, username="mishu", role="secretary"
        )
        self.assertContains(response, "林杰（秘书）")
        user = User.objects.get(username="mishu")
        self.assertEqual(official_of(user), self.lin_official)
        self.assertEqual(user.profile.role, UserRole.SECRETARY)
        response = self.client.get(PEOPLE)
        self.assertContains(response, '<strong>mishu</strong> <span class="tag">领导秘书</span>')
        response = self.client.post(reverse("accounts:login-deactivate", args=[user.pk]))
        user.refresh_from_db()
        self.assertFalse(user.is_active)

    def test_the_creation_is_audited_without_the_password(self):
        response = self.create("ledger:unit-login-create", self.caizheng)
        password = PASSWORD_SHOWN.search(response.content.decode())[1]
        entry = LogEntry.objects.get(action=AccountAction.CREATED)
        self.assertEqual(entry.user_name, "alice")
        self.assertEqual(
            entry.data, {"username": "zhang", "role": "unit", "unit": "区财政局", "official": None}
        )
        self.assertNotIn(password, str(entry.data))

    def test_a_taken_user_name_is_refused_whatever_its_case(self):
        response = self.create("ledger:unit-login-create", self.caizheng, username="BOB")
        self.assertContains(response, "该用户名已被使用。")
        self.assertFalse(LogEntry.objects.filter(action=AccountAction.CREATED).exists())

    def test_bad_user_names_and_phones_are_refused(self):
        response = self.create(
            "ledger:unit-login-create", self.caizheng, username="张 三", phone="abc"
        )
        self.assertContains(response, "手机号只能包含数字")
        self.assertFalse(User.objects.filter(first_name="张三").exists())

    def test_other_roles_cannot_create_log_ins(self):
        for who in (self.lin, self.bob, self.dave):
            response = self.create("ledger:unit-login-create", self.fagai, who=who)
            self.assertEqual(response.status_code, 403)
        self.assertFalse(User.objects.filter(username="zhang").exists())
