from datetime import date
from decimal import Decimal

from django.test import TestCase

from duban.audit.models import LogEntry
from duban.ledger.choices import PlanKind, TaskState
from duban.ledger.importing import apply_import, prepare_parsed
from duban.ledger.models import Task
from duban.ledger.tests.reference import reference_notice
from duban.parsing import from_json
from duban.parsing.targets import extract_targets
from duban.targets.choices import LinkState, MetricKind, TargetPeriod, TargetState, ValueSource
from duban.targets.models import Metric, Target, TargetLink
from duban.targets.sync import sync_notice_targets, sync_targets
from duban.targets.tests.base import TargetsTestCase, task_with_targets
from duban.targets.values import record_value
from duban.testing import growth

COUNTS = [
    {
        "metric": "高新技术企业",
        "measure": "increase",
        "comparator": "=",
        "value": 50,
        "unit": "家",
        "period": "annual",
        "text": "新增高新技术企业 50 家",
    },
    {
        "metric": "科技型中小企业",
        "measure": "increase",
        "comparator": ">=",
        "value": 150,
        "unit": "家",
        "period": "annual",
        "text": "科技型中小企业 150 家以上",
    },
]


class SyncTargetsTestCase(TargetsTestCase):
    def test_it_creates_targets_in_printed_order(self):
        task = task_with_targets(self.annual, "新增高新技术企业 50 家、科技型中小企业 150 家以上。")
        result = sync_targets(task, COUNTS)
        self.assertEqual(result.created, 2)
        targets = list(task.targets.all())
        self.assertEqual([t.metric_text for t in targets], ["高新技术企业", "科技型中小企业"])
        self.assertEqual(targets[1].comparator, ">=")
        self.assertEqual(targets[1].value, Decimal(150))
        self.assertEqual(targets[1].metric.kind, MetricKind.OTHER)

    def test_it_is_idempotent(self):
        task = task_with_targets(self.annual, "…", COUNTS)
        entries = LogEntry.objects.count()
        result = sync_targets(task, COUNTS)
        self.assertEqual((result.created, result.updated, result.unchanged), (0, 0, 2))
        self.assertEqual(task.targets.count(), 2)
        self.assertEqual(LogEntry.objects.count(), entries)

    def test_it_updates_a_changed_number_in_place(self):
        task = task_with_targets(self.annual, "…", COUNTS)
        first = task.targets.get(metric_text="高新技术企业")
        changed = [{**COUNTS[0], "value": 60}, COUNTS[1]]
        result = sync_targets(task, changed)
        self.assertEqual(result.updated, 1)
        first.refresh_from_db()
        self.assertEqual(first.value, Decimal(60))

    def test_it_deletes_a_vanished_target_without_history(self):
        task = task_with_targets(self.annual, "…", COUNTS)
        result = sync_targets(task, COUNTS[:1])
        self.assertEqual(result.deleted, 1)
        self.assertEqual(task.targets.count(), 1)

    def test_it_withdraws_a_vanished_target_with_values_and_revives_it(self):
        task = task_with_targets(self.annual, "…", COUNTS)
        second = task.targets.get(metric_text="科技型中小企业")
        record_value(second, 40, date(2022, 6, 30), user=self.alice, source=ValueSource.OFFICE)
        sync_targets(task, COUNTS[:1])
        second.refresh_from_db()
        self.assertEqual(second.status, TargetState.WITHDRAWN)
        sync_targets(task, COUNTS)
        second.refresh_from_db()
        self.assertEqual(second.status, TargetState.ACTIVE)

    def test_a_link_counts_as_history_once_a_person_made_or_confirmed_it(self):
        five_year = task_with_targets(self.five_year, "…", COUNTS).targets.get(
            metric_text="高新技术企业"
        )
        task = task_with_targets(self.annual, "…", COUNTS)
        annual = task.targets.get(metric_text="高新技术企业")
        link = TargetLink.objects.create(five_year=five_year, annual=annual)
        assert not annual.has_history()
        assert not five_year.has_history()
        link.state = LinkState.CONFIRMED
        link.save()
        assert annual.has_history()
        assert five_year.has_history()
        assert list(Target.objects.with_history()) == [five_year, annual]
        assert Target.keeps_task(task)
        sync_targets(task, COUNTS[1:])
        annual.refresh_from_db()
        self.assertEqual(annual.status, TargetState.WITHDRAWN)

    def test_it_binds_aliases_to_one_metric(self):
        a = task_with_targets(
            self.annual, "…", [{**COUNTS[0], "metric": "城镇新增就业", "unit": "人"}]
        )
        b = task_with_targets(self.annual, "…", [{**COUNTS[0], "metric": "城镇就业", "unit": "人"}])
        self.assertEqual(a.targets.get().metric, b.targets.get().metric)
        self.assertEqual(a.targets.get().metric, Metric.objects.get(name="城镇就业"))

    def test_it_binds_macro_indicators_to_the_seeded_metric(self):
        task = task_with_targets(self.five_year, "地区生产总值年均增长 7%。", [growth("GDP", 7)])
        self.assertEqual(task.targets.get().metric.name, "地区生产总值")
        self.assertTrue(task.targets.get().metric.is_macro)

    def test_it_takes_the_period_from_the_plan_when_the_row_has_none(self):
        five = task_with_targets(
            self.five_year,
            "…",
            [{**growth("地区生产总值", 7), "period": None, "text": "地区生产总值年均增长 7%"}],
        )
        annual = task_with_targets(self.annual, "…", [{**COUNTS[0], "period": None}])
        self.assertEqual(five.targets.get().period, TargetPeriod.ANNUAL_AVERAGE)
        self.assertEqual(annual.targets.get().period, TargetPeriod.ANNUAL)

    def test_it_reports_dicts_without_a_number(self):
        task = task_with_targets(self.annual, "…")
        result = sync_targets(task, [{**COUNTS[0], "value": None}])
        self.assertEqual(len(result.errors), 1)
        self.assertFalse(Target.objects.filter(task=task).exists())


class SyncNoticeTargetsTestCase(TargetsTestCase):
    def test_it_extracts_targets_from_every_active_task(self):
        task = task_with_targets(self.annual, "地区生产总值增长 7%以上。")
        result = sync_notice_targets(self.notice)
        self.assertEqual(result.created, 1)
        target = task.targets.get()
        self.assertEqual(
            (target.metric.name, target.comparator, target.value), ("地区生产总值", ">=", 7)
        )

    def test_it_drops_the_targets_of_withdrawn_tasks(self):
        task = task_with_targets(self.annual, "地区生产总值增长 7%以上。")
        sync_notice_targets(self.notice)
        task.status = TaskState.WITHDRAWN
        task.save()
        self.assertEqual(sync_notice_targets(self.notice).deleted, 1)
        self.assertFalse(task.targets.exists())

    def test_it_takes_the_parsed_targets_it_is_given_instead_of_reading_the_text(self):
        given = task_with_targets(
            self.annual, "新增高新技术企业 50 家，科技型中小企业 150 家以上。"
        )
        read = task_with_targets(self.annual, "地区生产总值增长 7%以上。")
        sync_notice_targets(self.notice, parsed={given.pk: COUNTS[:1]})
        self.assertEqual([t.metric_text for t in given.targets.all()], ["高新技术企业"])
        self.assertEqual([t.metric_text for t in read.targets.all()], ["地区生产总值"])


class ImportedTargetsTestCase(TestCase):
    def test_an_import_syncs_the_targets_the_parser_read_from_each_row(self):
        data = reference_notice()
        first = data["plans"][1]["sections"][0]["items"][0]
        first["targets"] = [{**COUNTS[0], "text": first["text"]}]
        data["plans"][1]["sections"][0]["items"][1]["targets"] = []
        apply_import(prepare_parsed(from_json(data)))
        tasks = Task.objects.filter(plan__kind=PlanKind.ANNUAL).order_by("position")
        self.assertEqual([t.metric_text for t in tasks[0].targets.all()], ["高新技术企业"])
        self.assertFalse(tasks[1].targets.exists())
        # A row parsed without targets has them read from its text.
        unread = next(t for t in tasks[2:] if extract_targets(t.text, PlanKind.ANNUAL))
        self.assertEqual(
            [t.metric_text for t in unread.targets.all()],
            [t["metric"] for t in extract_targets(unread.text, PlanKind.ANNUAL)],
        )
