from io import StringIO
from tempfile import TemporaryDirectory
from unittest import mock

import time_machine
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings

from duban.accounts.access import display_name
from duban.accounts.choices import UserRole
from duban.audit.models import LogEntry
from duban.ledger import demo
from duban.ledger.choices import AssignmentRole
from duban.ledger.models import Notice, Task
from duban.ledger.tests.reference import reference_notice
from duban.parsing import from_json
from duban.progress.models import Milestone, ReportingCycle
from duban.supervision.models import Problem


def log_in(username: str, password: str = demo.PASSWORD) -> User | None:
    """The user when the password is right (django-axes keeps `authenticate` for requests)."""
    user = User.objects.filter(username=username).first()
    return user if user is not None and user.check_password(password) else None


def run() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


# The real parser on the real file is exercised by test_import_renderings.py.
PARSE = mock.patch(
    "duban.ledger.importing.parse_notice", lambda data, filename: from_json(reference_notice())
)


class DemoLoadedTestCase(TestCase):
    """The demo loaded once for the class; each test only reads it (or rolls back its writes)."""

    @classmethod
    def setUpTestData(cls):
        tmp = TemporaryDirectory()
        cls.addClassCleanup(tmp.cleanup)
        media = override_settings(MEDIA_ROOT=tmp.name)
        media.enable()
        cls.addClassCleanup(media.disable)
        with PARSE:
            cls.out = run()

    def test_it_imports_the_reference_notice_and_prints_the_log_ins(self):
        self.assertIn(f"{demo.REFERENCE}.docx：新通知：新增 161 行", self.out)
        self.assertEqual(Task.objects.count(), 161)
        for username in ["office", "leader", "secretary", "lead-unit", "support-unit"]:
            with self.subTest(username=username):
                self.assertIn(username, self.out)
                user = log_in(username)
                self.assertEqual(user.email, f"{username}@example.org")

    def test_the_summary_counts_the_tasks_without_scheduled_reporting(self):
        # The five-year and 民生实事 plans have no cycle: their tasks are not "正常" but
        # 未安排报送, except those judged on macro figures or on their annual twin.
        self.assertIn("未安排报送 50\n", self.out)

    def test_the_leader_and_secretary_log_ins_act_under_a_name(self):
        # Records and 批示 name who acted: "由秘书张秘书代为批示", not a log-in name.
        names = {u: display_name(log_in(u)) for u in ["leader", "secretary", "lead-unit"]}
        self.assertEqual(names, {"leader": "林杰", "secretary": "张秘书", "lead-unit": "lead-unit"})

    def test_the_log_ins_are_tied_to_the_annual_plan(self):
        leader = log_in("leader").profile
        self.assertEqual((leader.role, leader.official.name), (UserRole.LEADER, "林杰"))
        secretary = log_in("secretary").profile
        self.assertEqual((secretary.role, secretary.official.name), (UserRole.SECRETARY, "林杰"))
        lead = log_in("lead-unit").profile
        support = log_in("support-unit").profile
        self.assertTrue(
            Task.objects.for_unit(lead.unit, role=AssignmentRole.LEAD)
            .filter(plan__annex="2")
            .exists()
        )
        self.assertTrue(
            Task.objects.for_unit(support.unit, role=AssignmentRole.SUPPORT)
            .filter(plan__annex="2")
            .exists()
        )
        self.assertNotEqual(lead.unit, support.unit)

    def test_one_task_is_led_by_the_lead_unit_log_in_and_supported_by_the_support_unit(self):
        lead, support = log_in("lead-unit").profile.unit, log_in("support-unit").profile.unit
        task = demo.shared_task(lead, support)
        self.assertEqual(task.lead_unit_id, lead.pk)
        self.assertTrue(task.is_responsible(support))
        # Consolidation can be tried: the plan's current cycle is open with nothing reported yet.
        cycle = ReportingCycle.objects.open().filter(plan=task.plan).latest("period_end")
        self.assertFalse(cycle.reports.filter(task=task).exists())
        self.assertIn(f"如任务 {task.seq}", self.out)

    def test_what_the_demo_records_is_dated_in_the_demos_year_not_by_the_real_clock(self):
        self.assertFalse(LogEntry.objects.exclude(timestamp__year=2022).exists())
        self.assertEqual(Notice.objects.get().created_at.year, 2022)

    def test_the_leader_log_in_has_an_escalated_problem_to_instruct(self):
        official = log_in("leader").profile.official
        waiting = Problem.objects.escalated().filter(task__in=Task.objects.for_official(official))
        self.assertTrue(waiting.exists())

    def test_milestones_fall_within_their_tasks_deadline_and_year(self):
        milestones = Milestone.objects.select_related("task__plan")
        self.assertTrue(milestones.exists())
        for milestone in milestones:
            with self.subTest(task=str(milestone.task)):
                _, end, _ = milestone.task.period(milestone.due_on)
                self.assertEqual(milestone.due_on.year, milestone.year)
                self.assertLessEqual(milestone.due_on, end)

    @time_machine.travel("2026-11-28 09:00 +0800")
    def test_today_prints_the_date_the_loaded_demo_lives_on(self):
        out = StringIO()
        call_command("demo", "--today", stdout=out)
        # The reference notice's year is 2022: the demo lives on 10 September of it.
        self.assertEqual(out.getvalue(), "2022-09-10\n")

    @PARSE
    def test_running_it_twice_changes_nothing(self):
        pks = list(Task.objects.values_list("pk", flat=True))
        out = run()
        self.assertIn("该文件已导入，无变化", out)
        self.assertEqual(Notice.objects.count(), 1)
        self.assertEqual(list(Task.objects.values_list("pk", flat=True)), pks)
        self.assertIsNotNone(log_in("office"))


@PARSE
class DemoCommandTestCase(TestCase):
    """Runs that start from an empty database."""

    def setUp(self):
        tmp = TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        media = self.settings(MEDIA_ROOT=tmp.name)
        media.enable()
        self.addCleanup(media.disable)

    @time_machine.travel("2026-11-28 09:00 +0800")
    def test_today_refuses_before_the_demo_is_loaded(self):
        with self.assertRaisesMessage(CommandError, "演示数据尚未加载") as error:
            call_command("demo", "--today", stdout=StringIO())
        self.assertEqual(error.exception.returncode, 2)

    @mock.patch.dict("os.environ", {"DUBAN_DEMO_PASSWORD": ""})
    def test_it_refuses_the_published_password_in_production(self):
        with (
            self.settings(DUBAN_PRODUCTION=True),
            self.assertRaisesMessage(CommandError, "DUBAN_DEMO_PASSWORD"),
        ):
            run()
        self.assertFalse(User.objects.exists())

    @mock.patch.dict("os.environ", {"DUBAN_DEMO_PASSWORD": "Lucheng-2022-ducha"})
    def test_in_production_it_creates_the_log_ins_with_the_password_set(self):
        with self.settings(DUBAN_PRODUCTION=True):
            out = run()
        self.assertIn("Lucheng-2022-ducha", out)
        self.assertIsNotNone(log_in("office", "Lucheng-2022-ducha"))
        self.assertIsNone(log_in("office"))
