from io import StringIO
from tempfile import TemporaryDirectory
from unittest import mock

import time_machine
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import TestCase

from duban.accounts.choices import Role as AccountRole
from duban.ledger import demo
from duban.ledger.choices import Role
from duban.ledger.models import Notice, Task
from duban.ledger.tests.reference import reference_notice


def run() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


# The real parser on the real file is exercised by test_import_renderings.py.
@mock.patch("duban.ledger.importing.parse_bytes", lambda data, filename: reference_notice())
class DemoCommandTestCase(TestCase):
    def setUp(self):
        tmp = TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        media = self.settings(MEDIA_ROOT=tmp.name)
        media.enable()
        self.addCleanup(media.disable)

    def test_it_imports_the_reference_notice_and_prints_the_log_ins(self):
        out = run()
        self.assertIn(f"{demo.REFERENCE}.docx：新通知：新增 161 行", out)
        self.assertEqual(Task.objects.count(), 161)
        for username in ["office", "leader", "lead-unit", "support-unit"]:
            with self.subTest(username=username):
                self.assertIn(username, out)
                user = authenticate(username=username, password=demo.PASSWORD)
                self.assertEqual(user.email, f"{username}@example.org")

    def test_the_log_ins_are_tied_to_the_annual_plan(self):
        run()
        leader = authenticate(username="leader", password=demo.PASSWORD).profile
        self.assertEqual((leader.role, leader.official.name), (AccountRole.LEADER, "林杰"))
        lead = authenticate(username="lead-unit", password=demo.PASSWORD).profile
        support = authenticate(username="support-unit", password=demo.PASSWORD).profile
        self.assertTrue(
            Task.objects.for_unit(lead.unit, role=Role.LEAD).filter(plan__annex="2").exists()
        )
        self.assertTrue(
            Task.objects.for_unit(support.unit, role=Role.SUPPORT).filter(plan__annex="2").exists()
        )
        self.assertNotEqual(lead.unit, support.unit)

    @time_machine.travel("2026-11-28 09:00 +0800")
    def test_today_prints_the_date_the_loaded_demo_lives_on(self):
        with self.assertRaisesMessage(CommandError, "演示数据尚未加载") as error:
            call_command("demo", "--today", stdout=StringIO())
        self.assertEqual(error.exception.returncode, 2)
        run()
        out = StringIO()
        call_command("demo", "--today", stdout=out)
        # The reference notice's year is 2022: the demo lives on 10 September of it.
        self.assertEqual(out.getvalue(), "2022-09-10\n")

    def test_running_it_twice_changes_nothing(self):
        run()
        pks = list(Task.objects.values_list("pk", flat=True))
        out = run()
        self.assertIn("该文件已导入，无变化", out)
        self.assertEqual(Notice.objects.count(), 1)
        self.assertEqual(list(Task.objects.values_list("pk", flat=True)), pks)
        self.assertIsNotNone(authenticate(username="office", password=demo.PASSWORD))
