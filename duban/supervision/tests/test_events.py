"""Statuses follow explicit events (duban.ledger.signals.tasks_changed), not the audit table."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from django.db.models.signals import post_save
from django.dispatch.dispatcher import _make_id
from django.urls import reverse

from duban.audit.models import LogEntry
from duban.ledger.importing import apply_import, prepare_parsed
from duban.ledger.models import Task
from duban.ledger.tests.reference import reference_notice
from duban.lib.counts import Tally
from duban.parsing import from_json
from duban.progress.choices import CycleKind, CycleState, ReportKind, ReportState
from duban.progress.models import Report, ReportingCycle
from duban.supervision.choices import Colour
from duban.supervision.models import TaskStatus
from duban.testing import BaseTestCase

IN_2022 = datetime(2022, 2, 10, 9, tzinfo=ZoneInfo("Asia/Shanghai"))


class EventsTestCase(BaseTestCase):
    @time_machine.travel(IN_2022, tick=False)
    def test_an_imported_notices_tasks_are_on_the_overview_without_a_refresh(self):
        with self.captureOnCommitCallbacks(execute=True):
            notice = apply_import(prepare_parsed(from_json(reference_notice())))
        tasks = Task.objects.active().filter(plan__notice=notice)
        assert tasks.count() == 161
        assert TaskStatus.objects.filter(task__in=tasks).count() == 161
        self.client.force_login(self.alice)
        response = self.client.get(reverse("supervision:overview"), {"plan": tasks[0].plan_id})
        listed = sum(n for _, _, n in response.context["counts"])
        assert listed == Tally(tasks.filter(plan=tasks[0].plan).count())

    @time_machine.travel(IN_2022, tick=False)
    def test_a_reviewed_report_changes_the_status_with_no_audit_listener(self):
        audit_receivers = [r for r in post_save.receivers if r[0][1] == _make_id(LogEntry)]
        assert audit_receivers == []
        cycle = ReportingCycle.objects.create(
            plan=self.plan,
            kind=CycleKind.MONTHLY,
            name="2022年1月",
            period_start=date(2022, 1, 1),
            period_end=date(2022, 1, 31),
            due_on=date(2022, 2, 5),
            state=CycleState.OPEN,
        )
        report = Report.objects.create(
            task=self.task,
            unit=self.fagai,
            cycle=cycle,
            kind=ReportKind.CONSOLIDATED,
            progress="全部完成",
            percent_complete=100,
            state=ReportState.SUBMITTED,
        )
        with self.captureOnCommitCallbacks(execute=True):
            report.accept(self.alice)
        assert TaskStatus.objects.get(task=self.task).colour == Colour.DONE
