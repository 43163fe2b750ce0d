from datetime import date

from django.db import connection

from duban.ledger.choices import AssignmentRole, TaskState
from duban.ledger.models import Official, Task
from duban.testing import BaseTestCase, make_plan, make_section, make_task


class TaskQuerySetTestCase(BaseTestCase):
    def test_for_unit_finds_tasks_in_any_role(self):
        self.assertEqual(set(Task.objects.for_unit(self.caizheng)), {self.task, self.other_task})
        self.assertEqual(list(Task.objects.for_unit(self.jiaoyu)), [])

    def test_for_unit_narrows_to_one_role(self):
        self.assertEqual(
            list(Task.objects.for_unit(self.fagai, role=AssignmentRole.LEAD)), [self.task]
        )
        self.assertEqual(
            list(Task.objects.for_unit(self.caizheng, role=AssignmentRole.SUPPORT)), [self.task]
        )
        self.assertEqual(list(Task.objects.for_unit(self.caizheng, role=AssignmentRole.LEAD)), [])

    def test_for_official_follows_effective_leaders(self):
        zhang = Official.objects.create(name="张伟")
        section = make_section(self.plan, [zhang], position=1)
        theirs = make_task(section, "1", "张伟牵头的任务。", [(self.jiaoyu, AssignmentRole.JOINT)])
        self.assertEqual(list(Task.objects.for_official(zhang)), [theirs])
        self.assertEqual(
            list(Task.objects.for_official(self.lin_official)), [self.task, self.other_task]
        )

    def test_in_plan_and_active_chain(self):
        other_plan = make_plan(self.notice, annex="1", position=1)
        self.other_task.status = TaskState.WITHDRAWN
        self.other_task.save()
        self.assertEqual(list(Task.objects.in_plan(self.plan).active()), [self.task])
        self.assertEqual(list(Task.objects.in_plan(other_plan)), [])

    def test_search_matches_every_word(self):
        self.assertEqual(list(Task.objects.search("生产总值 7%")), [self.task])
        self.assertEqual(list(Task.objects.search("预算")), [self.other_task])
        self.assertEqual(list(Task.objects.search("生产总值 预算")), [])

    def test_search_reads_the_name_remark_and_seq_but_never_across_two_fields(self):
        Task.objects.filter(pk=self.task.pk).update(name="重点项目GDP", remark="由区委牵头")
        self.assertEqual(list(Task.objects.search("gdp 区委")), [self.task])
        self.assertEqual(list(Task.objects.search(self.other_task.seq)), [self.other_task])
        # The name's end and the text's start together are no word of the task.
        self.assertEqual(list(Task.objects.search(f"GDP{self.task.text[:2]}")), [])

    def test_the_search_on_postgresql_can_answer_from_the_trigram_index(self):
        if connection.vendor != "postgresql":
            self.skipTest("the trigram index is PostgreSQL's")
        with connection.cursor() as cursor:
            # A test database is too small for the planner to prefer the index unasked, and
            # would rather walk another index in order: leave it the bitmap scans alone.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
            plan = Task.objects.search("老旧小区改造").order_by().explain()
        self.assertIn("ledger_task_search_trgm", plan)

    def test_it_reads_as_seq_and_text(self):
        self.assertEqual(str(self.task), "1. 地区生产总值增长 7%。")
        self.assertEqual(self.task.get_absolute_url(), f"/tasks/{self.task.pk}/")

    def test_matching_keeps_active_tasks_unless_asked_for_all(self):
        self.other_task.status = TaskState.WITHDRAWN
        self.other_task.save()
        assert list(Task.objects.matching()) == [self.task]
        assert list(Task.objects.matching(status="all")) == [self.task, self.other_task]
        assert list(Task.objects.matching(status=TaskState.WITHDRAWN)) == [self.other_task]

    def test_matching_reads_a_role_alone_as_the_own_units_role(self):
        assert list(Task.objects.matching(role=AssignmentRole.SUPPORT)) == [self.task]
        assert list(Task.objects.matching(role=AssignmentRole.JOINT, own_unit=self.caizheng)) == [
            self.other_task
        ]
        assert list(Task.objects.matching(role=AssignmentRole.LEAD, own_unit=self.caizheng)) == []
        assert list(
            Task.objects.matching(unit=self.fagai, role=AssignmentRole.LEAD, q="生产总值")
        ) == [self.task]


class LeadUnitTestCase(BaseTestCase):
    def test_the_lead_unit_is_the_first_leading_unit_and_none_without_one(self):
        support_only = make_task(
            self.section, "9", "配合事项。", [(self.caizheng, AssignmentRole.SUPPORT)]
        )
        assert self.task.lead_unit == self.fagai
        assert support_only.lead_unit is None

    def test_the_queryset_gives_every_tasks_lead_units_in_two_queries(self):
        with self.assertNumQueries(2):
            leads = Task.objects.all().lead_unit_ids()
        assert leads == {self.task.pk: [self.fagai.pk], self.other_task.pk: [self.caizheng.pk]}


class TaskPeriodTestCase(BaseTestCase):
    def test_a_task_runs_over_its_plans_years_to_its_dated_deadline(self):
        self.task.deadline, self.task.due = "6月底前", date(2022, 6, 30)
        assert self.task.period(date(2022, 9, 10)) == (
            date(2022, 1, 1),
            date(2022, 6, 30),
            date(2022, 6, 30),
        )

    def test_without_a_deadline_it_ends_with_the_plans_last_year(self):
        five_year = make_plan(self.notice, annex="1", position=1, start_year=2021, end_year=2025)
        task = Task(plan=five_year, deadline="长期坚持")
        assert task.period(date(2022, 9, 10)) == (date(2021, 1, 1), date(2025, 12, 31), None)

    def test_a_plan_without_years_spans_todays_year(self):
        plan = make_plan(self.notice, annex="3", position=2, start_year=None, end_year=None)
        task = Task(plan=plan, deadline="")
        assert task.period(date(2023, 5, 1)) == (date(2023, 1, 1), date(2023, 12, 31), None)
