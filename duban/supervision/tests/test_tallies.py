"""The counts per plan, leader and unit follow every change of a colour or of a task's groups."""

from datetime import date, datetime
from importlib import import_module
from zoneinfo import ZoneInfo

import time_machine
from django.apps import apps
from django.urls import reverse

from duban.ledger.choices import AssignmentRole, LeaderSource, UnitKind
from duban.ledger.importing import apply_import, prepare_import
from duban.ledger.models import Assignment, Task, TaskLeader, Unit
from duban.ledger.registry import merge_units, resolve_placeholder
from duban.progress.choices import ReportState
from duban.supervision.choices import Colour
from duban.supervision.models import LeaderTally, PlanTally, UnitTally
from duban.supervision.refresh import refresh_all
from duban.supervision.tallies import by_leader, by_plan, by_unit
from duban.testing import NOTICE_ROWS, BaseTestCase, make_cycle, make_report, make_unit, notice_text

IN_2026 = datetime(2026, 4, 10, 9, tzinfo=ZoneInfo("Asia/Shanghai"))


@time_machine.travel(IN_2026, tick=False)
class TalliesTestCase(BaseTestCase):
    def setUp(self):
        # 王明 co-leads task 1, so a recount of one leader's tasks meets another leader.
        TaskLeader.objects.create(
            task=self.task, official=self.wang_official, source=LeaderSource.ROW, position=1
        )
        refresh_all()

    def assert_counted(self):
        active = Task.objects.active()
        assert PlanTally.every() == by_plan(active)
        assert LeaderTally.every() == by_leader(active)
        assert UnitTally.every() == by_unit(active)

    def test_a_full_refresh_counts_every_plan_leader_and_unit(self):
        self.assert_counted()
        assert PlanTally.totals() == {Colour.RED: 2}  # the cast's 2022 tasks, overdue
        assert LeaderTally.every()[self.wang_official.pk].total() == 1

    def test_a_reviewed_report_recounts_its_tasks_groups_co_leaders_in_full(self):
        cycle = make_cycle(self.plan, date(2026, 1, 1))
        report = make_report(
            self.task,
            self.fagai,
            cycle,
            progress="全部完成",
            percent_complete=100,
            state=ReportState.SUBMITTED,
        )
        with self.captureOnCommitCallbacks(execute=True):
            report.accept(self.alice)
        self.assert_counted()
        assert LeaderTally.every()[self.lin_official.pk][Colour.DONE] == 1
        assert LeaderTally.every()[self.wang_official.pk] == {Colour.DONE: 1}

    def import_rows(self, rows):
        with self.captureOnCommitCallbacks(execute=True):
            return apply_import(prepare_import(notice_text(rows).encode(), "notice.txt"))

    def test_an_import_is_counted_and_a_unit_dropped_from_a_row_leaves_its_count(self):
        notice = self.import_rows(NOTICE_ROWS)
        self.assert_counted()
        plan = notice.plans.get()
        assert PlanTally.objects.get(plan=plan).counts().total() == 3
        jiaoyu = Unit.objects.get(name="区教育局")
        assert UnitTally.every()[jiaoyu.pk].total() == 1
        moved = [
            row if row[2] != "区教育局" else (*row[:2], "区民政局", *row[3:]) for row in NOTICE_ROWS
        ]
        self.import_rows(moved[:2])
        self.assert_counted()
        assert jiaoyu.pk not in UnitTally.every()
        assert PlanTally.objects.get(plan=plan).counts().total() == 2

    def test_merging_units_moves_the_count(self):
        dropped = self.caizheng.pk
        with self.captureOnCommitCallbacks(execute=True):
            merge_units(self.shangwu, self.caizheng)
        self.assert_counted()
        assert dropped not in UnitTally.every()
        assert UnitTally.every()[self.shangwu.pk].total() == 2

    def test_a_placeholder_resolved_to_a_street_counts_the_task_for_the_street(self):
        streets = make_unit("相关街镇", UnitKind.PLACEHOLDER)
        placeholder = Assignment.objects.create(
            task=self.task, unit=streets, role=AssignmentRole.SUPPORT, raw=streets.name, position=9
        )
        street = make_unit("五马街道", UnitKind.SUBDISTRICT)
        with self.captureOnCommitCallbacks(execute=True):
            resolve_placeholder(placeholder, [street])
        self.assert_counted()
        assert UnitTally.every()[street.pk].total() == 1

    def test_moving_a_task_to_another_unit_in_the_admin_recounts(self):
        self.client.force_login(self.admin)
        url = reverse("admin:ledger_task_change", args=[self.task.pk])
        data = posted(self.client.get(url))
        moved = next(k for k, v in data.items() if k.endswith("-unit") and v == self.caizheng.pk)
        data[moved] = self.jiaoyu.pk
        with self.captureOnCommitCallbacks(execute=True):
            assert self.client.post(url, data).status_code == 302
        self.assert_counted()
        assert UnitTally.every()[self.jiaoyu.pk].total() == 1
        assert UnitTally.every()[self.caizheng.pk].total() == 1  # task 2 only

    def test_the_migration_counts_statuses_stored_before_it(self):
        for model in (PlanTally, LeaderTally, UnitTally):
            model.objects.all().delete()
        import_module("duban.supervision.migrations.0015_fill_tallies").fill(apps, None)
        self.assert_counted()


def posted(response) -> dict:
    """What the admin's change form posts back unchanged: its fields and inline formsets."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for field in form:
            value = field.value()
            if value is not None and value is not False:
                data[field.html_name] = value
    return data
