import io
import re
from unittest import mock

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from duban.accounts.actions import AccountAction
from duban.accounts.choices import UserRole
from duban.audit.models import LogEntry
from duban.ledger import liaisons
from duban.ledger.choices import UnitKind
from duban.ledger.models import UnitAlias
from duban.testing import BaseTestCase, make_unit

IMPORT = reverse("ledger:liaison-import")
CONFIRM = reverse("ledger:liaison-import-confirm")
HEADER = ["单位", "姓名", "手机", "邮箱", "用户名"]
SIGNED = re.compile(r'name="rows" value="([^"]+)"')
PASSWORD_SHOWN = re.compile(r'<code class="password">([A-Za-z0-9]+)</code>')


def xlsx(rows, header=HEADER) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    for row in [header, *rows]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("联络员.xlsx", out.getvalue())


GOOD = [
    ["区财政局", "赵六", 13800001111, "zhao@example.org", "czj_zhao"],
    # The notice import's normalisation: a stray space, a trailing lead marker.
    ["区 教育局*", "钱七", "139-0000-2222", "", "jyj_qian"],
    # An alias of a unit.
    ["区发展和改革局", "孙八", "", "sun@example.org", "fgj_sun"],
]


def checked_before(rows) -> liaisons.LiaisonList:
    """The check as it went before the user names were taken: every row passing."""
    found = CHECK(rows)
    for row in found.rows:
        row.errors = []
    return found


CHECK = liaisons.check


class LiaisonImportTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        UnitAlias.objects.create(unit=cls.fagai, alias="区发展和改革局")
        make_unit("相关单位", UnitKind.PLACEHOLDER)

    def setUp(self):
        self.client.force_login(self.alice)

    def preview(self, rows, **kwargs):
        return self.client.post(IMPORT, {"file": xlsx(rows, **kwargs)})

    def errors(self, response) -> list[tuple[int, list[str]]]:
        rows = response.context["liaisons"].rows
        return [(r.line, r.errors) for r in rows if r.errors]

    def test_a_good_list_is_previewed_then_imported_in_one_go(self):
        response = self.preview(GOOD)
        self.assertContains(response, "共 3 名联络员，均可导入。")
        self.assertContains(response, "→ 区发改局")
        self.assertFalse(User.objects.filter(username__in=["czj_zhao", "jyj_qian"]).exists())

        payload = SIGNED.search(response.content.decode())[1]
        response = self.client.post(CONFIRM, {"rows": payload})
        self.assertContains(response, "已建立 3 个账号")
        self.assertEqual(len(PASSWORD_SHOWN.findall(response.content.decode())), 3)
        profiles = {
            u.username: (u.profile.role, u.profile.unit, u.profile.phone, u.first_name)
            for u in User.objects.filter(username__in=[r[4] for r in GOOD])
        }
        self.assertEqual(
            profiles,
            {
                "czj_zhao": (UserRole.UNIT, self.caizheng, "13800001111", "赵六"),
                "jyj_qian": (UserRole.UNIT, self.jiaoyu, "139-0000-2222", "钱七"),
                "fgj_sun": (UserRole.UNIT, self.fagai, "", "孙八"),
            },
        )
        self.assertEqual(LogEntry.objects.filter(action=AccountAction.CREATED).count(), 3)
        entry = LogEntry.objects.get(action=AccountAction.LIAISONS_IMPORTED)
        self.assertEqual(entry.data, {"usernames": ["czj_zhao", "jyj_qian", "fgj_sun"]})

    def test_an_imported_liaison_can_log_in(self):
        response = self.preview(GOOD[:1])
        payload = SIGNED.search(response.content.decode())[1]
        response = self.client.post(CONFIRM, {"rows": payload})
        password = PASSWORD_SHOWN.search(response.content.decode())[1]
        self.client.logout()
        login = {"username": "czj_zhao", "password": password}
        self.assertEqual(self.client.post(reverse("accounts:login"), login).status_code, 302)

    def test_a_title_row_above_the_header_and_blank_rows_are_passed_over(self):
        rows = [HEADER, [], GOOD[0], [None, None], GOOD[1]]
        response = self.preview(rows, header=["区督办工作联络员名单"])
        self.assertEqual([r.line for r in response.context["liaisons"].rows], [4, 6])
        self.assertContains(response, "共 2 名联络员，均可导入。")

    def test_an_unknown_or_placeholder_unit_is_reported_not_guessed(self):
        response = self.preview(
            [
                ["区住房和城乡建设局", "周九", "", "", "zjj_zhou"],
                ["相关单位", "吴十", "", "", "xg_wu"],
                ["区发展改革局", "郑一", "", "", "fg_zheng"],
            ]
        )
        self.assertEqual(
            self.errors(response),
            [
                (2, ["单位“区住房和城乡建设局”不在单位名录中，请先在单位名录中添加"]),
                (3, ["单位“相关单位”不在单位名录中，请先在单位名录中添加"]),
                (4, ["单位“区发展改革局”不在单位名录中，是否为“区发改局”？可在单位名录中添加别名"]),
            ],
        )
        self.assertContains(response, "共 3 行，其中 3 行有错误")
        self.assertNotContains(response, 'name="rows"')

    def test_taken_and_repeated_user_names_are_reported(self):
        response = self.preview(
            [
                ["区财政局", "赵六", "", "", "Bob"],
                ["区财政局", "钱七", "", "", "cz"],
                ["区教育局", "孙八", "", "", "CZ"],
            ]
        )
        self.assertEqual(
            self.errors(response),
            [
                (2, ["用户名“Bob”已被使用"]),
                (3, ["用户名“cz”在名单中重复"]),
                (4, ["用户名“CZ”在名单中重复"]),
            ],
        )

    def test_missing_and_malformed_fields_are_reported(self):
        response = self.preview(
            [
                ["", "赵六", "", "", ""],
                ["区财政局", "钱七", "电话号码", "not-an-email", "qian qi"],
            ]
        )
        self.assertEqual(
            self.errors(response),
            [
                (2, ["缺少单位、用户名"]),
                (
                    3,
                    [
                        "用户名“qian qi”只能包含字母、数字和 @ . + - _",
                        "手机号“电话号码”格式不对",
                        "邮箱“not-an-email”格式不对",
                    ],
                ),
            ],
        )

    def test_one_bad_row_keeps_every_row_out(self):
        response = self.preview([*GOOD, ["区外星局", "王五", "", "", "ufo"]])
        self.assertContains(response, "未导入任何账号")
        self.assertNotContains(response, 'name="rows"')
        self.assertFalse(User.objects.filter(username="czj_zhao").exists())

    def test_a_user_name_taken_after_the_preview_stops_the_whole_import(self):
        response = self.preview(GOOD)
        payload = SIGNED.search(response.content.decode())[1]
        User.objects.create_user("JYJ_QIAN")
        response = self.client.post(CONFIRM, {"rows": payload})
        self.assertContains(response, "名单中有错误的行，未导入任何账号。")
        self.assertContains(response, "用户名“jyj_qian”已被使用")
        self.assertFalse(User.objects.filter(username__in=["czj_zhao", "fgj_sun"]).exists())
        self.assertFalse(LogEntry.objects.filter(action__startswith="accounts.").exists())

    def test_the_same_list_confirmed_twice_at_once_imports_it_once(self):
        response = self.preview(GOOD)
        payload = SIGNED.search(response.content.decode())[1]
        self.client.post(CONFIRM, {"rows": payload})
        # The second confirmation passed its checks before the first created the log-ins:
        # the unique user name refuses it.
        with (
            mock.patch("duban.ledger.liaisons.check", side_effect=checked_before),
            mock.patch("duban.accounts.people.username_taken", return_value=False),
        ):
            response = self.client.post(CONFIRM, {"rows": payload}, follow=True)
        self.assertContains(response, "名单中的用户名刚被使用，未导入任何账号，请重新上传名单。")
        self.assertEqual(User.objects.filter(username__in=["czj_zhao", "jyj_qian"]).count(), 2)
        imported = LogEntry.objects.filter(action=AccountAction.LIAISONS_IMPORTED)
        self.assertEqual(imported.count(), 1)

    def test_a_tampered_preview_is_refused(self):
        response = self.preview(GOOD)
        payload = SIGNED.search(response.content.decode())[1]
        response = self.client.post(CONFIRM, {"rows": payload[:-2] + "xx"}, follow=True)
        self.assertContains(response, "预览数据无效，请重新上传名单。")
        self.assertFalse(User.objects.filter(username="czj_zhao").exists())

    def test_bad_files_get_clear_messages(self):
        cases = [
            (SimpleUploadedFile("名单.xls", b"\xd0\xcf\x11\xe0"), "只支持 Excel（.xlsx）文件"),
            (SimpleUploadedFile("名单.xlsx", b"not a zip"), "无法读取该文件"),
            (xlsx([], header=[]), "文件是空的。"),
            (xlsx([], header=HEADER), "文件只有表头，没有联络员。"),
            (xlsx([["区财政局", "赵六"]], header=["单位", "姓名"]), "表头缺少列：用户名"),
        ]
        for upload, message in cases:
            with self.subTest(message):
                response = self.client.post(IMPORT, {"file": upload})
                self.assertContains(response, message)
        self.assertFalse(LogEntry.objects.filter(action__startswith="accounts.").exists())

    def test_other_roles_are_refused(self):
        for who in (self.lin, self.bob, self.dave):
            self.client.force_login(who)
            self.assertEqual(self.client.post(IMPORT, {"file": xlsx(GOOD)}).status_code, 403)
            self.assertEqual(self.client.post(CONFIRM, {"rows": "x"}).status_code, 403)
