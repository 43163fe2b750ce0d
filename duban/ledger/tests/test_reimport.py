from datetime import date
from unittest import mock

from django.test import TestCase

from duban.audit.models import LogEntry
from duban.ledger.choices import TaskState
from duban.ledger.importing import apply_import, prepare_parsed
from duban.ledger.importing.writer import Writer
from duban.ledger.models import Assignment, Notice, Task, Unit
from duban.ledger.registry import resolve_placeholder
from duban.ledger.tests.reference import reference_notice
from duban.parsing import from_json


def state():
    """What the ledger holds, row by row, to compare before and after."""
    return list(
        Task.objects.order_by("pk").values_list(
            "pk", "seq", "text", "remark", "status", "updated_at"
        )
    ), list(Assignment.objects.order_by("pk").values_list("pk", "task", "unit", "role"))


def another_rendering():
    """The reference notice as another file would give it: other hash, spacing and locations."""
    data = reference_notice()
    data["source"] = {"filename": "notice.docx", "format": "docx", "sha256": "d" * 64}
    for plan in data["plans"]:
        for section in plan["sections"]:
            for i, item in enumerate(section["items"]):
                item["text"] = item["text"].replace(" ", "")
                item["location"] = {"page": None, "line": None, "table": 2, "row": i + 1}
    return data


def items(data, annex):
    return [item for s in data["plans"][annex - 1]["sections"] for item in s["items"]]


def revised():
    """A revision of the reference: 3 rows edited, 1 removed, 1 added."""
    data = reference_notice()
    data["source"]["sha256"] = "a" * 64
    annual = items(data, 2)
    annual[0]["text"] = annual[0]["text"].replace("7%", "7.5%")
    annual[1]["units"].append({"name": "区统计局", "role": "support", "raw": "区统计局"})
    annual[2]["remark"] = "根据区委工作安排，由区委办牵头。"
    section = data["plans"][1]["sections"][0]
    section["items"].remove(annual[5])
    section["items"].append(
        {
            **annual[3],
            "seq": "99",
            "text": "新增一项重点工作，年内完成。",
            "units": [{"name": "区发改局", "role": "joint", "raw": "区发改局"}],
        }
    )
    return data


class ReimportTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.notice = apply_import(prepare_parsed(from_json(reference_notice())))

    def test_importing_the_same_file_again_changes_nothing(self):
        before, entries = state(), LogEntry.objects.count()
        preview = prepare_parsed(from_json(reference_notice()))
        self.assertTrue(preview.same_file)
        self.assertEqual(preview.notice, self.notice)
        self.assertEqual(apply_import(preview), self.notice)
        self.assertEqual(state(), before)
        self.assertEqual(LogEntry.objects.count(), entries)

    def test_importing_another_rendering_changes_nothing(self):
        before, entries = state(), LogEntry.objects.count()
        preview = prepare_parsed(from_json(another_rendering()))
        self.assertFalse(preview.same_file)
        self.assertEqual(preview.notice, self.notice)
        self.assertTrue(preview.report.is_empty)
        self.assertEqual(preview.report.unchanged, 161)
        apply_import(preview)
        self.assertEqual(state(), before)
        self.assertEqual(LogEntry.objects.count(), entries)
        self.assertEqual(Notice.objects.count(), 1)

    def test_a_revision_reports_exactly_what_changed(self):
        report = prepare_parsed(from_json(revised())).report
        self.assertEqual(
            report.counts(), {"added": 1, "removed": 1, "changed": 3, "unchanged": 157}
        )
        self.assertEqual(
            [[f.field for f in row.fields] for row in report.changed],
            [["text"], ["units"], ["remark"]],
        )
        self.assertEqual(report.removed[0].seq, "6")
        self.assertEqual(report.added[0].text, "新增一项重点工作，年内完成。")
        self.assertEqual(report.new_units, ["区统计局"])
        lines = report.lines()
        self.assertIn("~ [附件2] 1. 地区生产总值增长 7.5%以上。", lines)
        self.assertIn(
            "    任务内容：地区生产总值增长 7%以上。 → 地区生产总值增长 7.5%以上。", lines
        )
        self.assertIn(
            "- [附件2] 6. 市区联动推进滨江商务区开发建设，统筹抓好瓯江新城招商引资、征…", lines
        )
        self.assertIn("+ [附件2] 99. 新增一项重点工作，年内完成。", lines)

    def test_a_revision_keeps_the_identity_of_the_other_tasks(self):
        before = set(Task.objects.values_list("pk", flat=True))
        annual = list(Task.objects.filter(plan__annex="2").order_by("position"))
        removed = annual[5]
        preview = prepare_parsed(from_json(revised()))
        apply_import(preview)
        after = set(Task.objects.values_list("pk", flat=True))
        added = Task.objects.get(text="新增一项重点工作，年内完成。")
        self.assertEqual(before - after, {removed.pk})
        self.assertEqual(after - before, {added.pk})
        self.assertEqual(
            [row.task_id for row in preview.report.changed], [t.pk for t in annual[:3]]
        )
        annual[0].refresh_from_db()
        self.assertIn("7.5%", annual[0].text)
        self.assertIn("区统计局", annual[1].units.values_list("name", flat=True))
        self.assertEqual(annual[2].remark, "")
        annual[2].refresh_from_db()
        self.assertEqual(annual[2].remark, "根据区委工作安排，由区委办牵头。")

    def test_a_revision_is_audited_row_by_row(self):
        apply_import(prepare_parsed(from_json(revised())))
        actions = list(
            LogEntry.objects.filter(action__startswith="ledger.")
            .order_by("pk")
            .values_list("action", flat=True)
        )
        self.assertEqual(
            sorted(actions[1:]),
            sorted(
                ["ledger.task.changed"] * 3
                + ["ledger.task.added", "ledger.task.removed", "ledger.notice.updated"]
            ),
        )
        changed = LogEntry.objects.filter(action="ledger.task.changed").order_by("pk").first()
        self.assertEqual(changed.data["fields"][0]["field"], "text")

    def test_a_renumbered_row_keeps_its_identity(self):
        data = reference_notice()
        data["source"]["sha256"] = "b" * 64
        section = data["plans"][0]["sections"][0]
        del section["items"][2]
        for i, item in enumerate(section["items"]):
            item["seq"] = str(i + 1)
        section["items"][3]["text"] += "（修订）"
        fourth = Task.objects.get(plan__annex="1", section__position=0, seq="5")
        report = prepare_parsed(from_json(data)).report
        self.assertEqual(report.counts()["removed"], 1)
        self.assertEqual(report.removed[0].seq, "3")
        self.assertEqual(report.counts()["added"], 0)
        apply_import(prepare_parsed(from_json(data)))
        renumbered = [row for row in report.changed if row.task_id == fourth.pk][0]
        self.assertEqual([f.field for f in renumbered.fields], ["seq", "text"])
        fourth.refresh_from_db()
        self.assertEqual(fourth.seq, "4")
        self.assertTrue(fourth.text.endswith("（修订）"))

    def test_a_row_moved_to_another_leader_keeps_its_identity(self):
        data = reference_notice()
        data["source"]["sha256"] = "e" * 64
        first, second = data["plans"][1]["sections"][:2]
        moved = first["items"].pop(0)
        second["items"].append(moved)
        task = Task.objects.get(plan__annex="2", position=0)
        report = prepare_parsed(from_json(data)).report
        self.assertEqual(report.counts()["added"] + report.counts()["removed"], 0)
        row = next(row for row in report.changed if row.task_id == task.pk)
        self.assertEqual(
            [(f.field, f.old, f.new) for f in row.fields], [("leaders", ("林杰",), ("张伟",))]
        )
        apply_import(prepare_parsed(from_json(data)))
        task.refresh_from_db()
        self.assertEqual([o.name for o in task.leaders.all()], ["张伟"])
        self.assertEqual(task.section.leaders.get().name, "张伟")
        self.assertEqual(
            Task.objects.for_official(task.leaders.get()).filter(pk=task.pk).count(), 1
        )

    def test_a_plan_dropped_from_the_notice_goes_with_its_rows(self):
        data = reference_notice()
        data["source"]["sha256"] = "7" * 64
        del data["plans"][2]
        report = prepare_parsed(from_json(data)).report
        self.assertEqual(
            report.counts(), {"added": 0, "removed": 14, "changed": 0, "unchanged": 147}
        )
        apply_import(prepare_parsed(from_json(data)))
        self.assertEqual(list(self.notice.plans.values_list("annex", flat=True)), ["1", "2"])
        self.assertEqual(Task.objects.count(), 147)

    def test_another_notice_is_imported_beside_this_one(self):
        data = reference_notice()
        data["source"]["sha256"] = "8" * 64
        data["notice"]["doc_number"] = "温鹿政办〔2023〕1号"
        preview = prepare_parsed(from_json(data))
        self.assertTrue(preview.report.new_notice)
        self.assertEqual(preview.report.new_units, [])
        apply_import(preview)
        self.assertEqual(Notice.objects.count(), 2)
        self.assertEqual(Task.objects.count(), 322)

    def test_a_new_notice_stores_each_rows_deadline_as_the_parser_dates_it(self):
        data = reference_notice()
        data["source"]["sha256"] = "9" * 64
        data["notice"]["doc_number"] = "温鹿政办〔2023〕1号"
        items(data, 1)[0]["deadline"] = "年底前"
        items(data, 2)[0]["deadline"] = "6月底前"
        items(data, 2)[1]["deadline"] = "长期坚持"
        notice = apply_import(prepare_parsed(from_json(data)))
        dated = Task.objects.filter(plan__notice=notice).exclude(due=None)
        self.assertEqual(
            sorted(dated.values_list("plan__annex", "due")),
            [("1", date(2026, 12, 31)), ("2", date(2022, 6, 30))],
        )

    def test_a_reimport_dates_a_changed_deadline(self):
        data = reference_notice()
        data["source"]["sha256"] = "6" * 64
        items(data, 2)[0]["deadline"] = "第三季度"
        apply_import(prepare_parsed(from_json(data)))
        task = Task.objects.get(plan__annex="2", position=0)
        self.assertEqual((task.deadline, task.due), ("第三季度", date(2022, 9, 30)))
        self.assertEqual(Task.objects.exclude(due=None).count(), 1)

    def test_a_removed_task_the_office_worked_on_is_withdrawn(self):
        task = Task.objects.get(plan__annex="2", section__heading__startswith="二、", seq="16")
        placeholder = task.assignments.get(unit__name="相关街镇")
        resolve_placeholder(placeholder, [Unit.objects.get(name="五马街道")])
        data = reference_notice()
        data["source"]["sha256"] = "b" * 64
        data["plans"][1]["sections"][1]["items"] = [
            item for item in data["plans"][1]["sections"][1]["items"] if item["seq"] != "16"
        ]
        apply_import(prepare_parsed(from_json(data)))
        task.refresh_from_db()
        self.assertEqual(task.status, TaskState.WITHDRAWN)
        self.assertTrue(LogEntry.objects.filter(action="ledger.task.withdrawn").exists())

        # The next version has the row again: it comes back, with the office's resolution.
        data = reference_notice()
        data["source"]["sha256"] = "c" * 64
        report = prepare_parsed(from_json(data)).report
        self.assertEqual(
            report.counts(), {"added": 0, "removed": 0, "changed": 1, "unchanged": 160}
        )
        self.assertEqual(report.changed[0].task_id, task.pk)
        self.assertEqual([f.field for f in report.changed[0].fields], ["status"])
        apply_import(prepare_parsed(from_json(data)))
        task.refresh_from_db()
        self.assertEqual(task.status, TaskState.ACTIVE)
        self.assertIn("五马街道", task.units.values_list("name", flat=True))

    def test_a_failure_mid_import_leaves_the_ledger_as_it_was(self):
        before, entries = state(), LogEntry.objects.count()
        create_tasks = Writer.create_tasks

        def create_then_fail(writer, rows, sections):
            create_tasks(writer, rows, sections)
            raise RuntimeError("disk full")

        with mock.patch.object(Writer, "create_tasks", create_then_fail):
            with self.assertRaises(RuntimeError):
                apply_import(prepare_parsed(from_json(revised())))
        self.assertEqual(state(), before)
        self.assertEqual(LogEntry.objects.count(), entries)
        self.assertFalse(Unit.objects.filter(name="区统计局").exists())

    def test_a_failed_first_import_leaves_no_notice(self):
        data = reference_notice()
        data["notice"]["doc_number"] = "另一文号"
        data["source"]["sha256"] = "9" * 64
        with mock.patch.object(Writer, "create_tasks", side_effect=RuntimeError("boom")):
            with self.assertRaises(RuntimeError):
                apply_import(prepare_parsed(from_json(data)))
        self.assertEqual(Notice.objects.count(), 1)


class ExtraColumnsTestCase(TestCase):
    def test_cells_of_unknown_columns_are_kept_and_their_changes_reported(self):
        data = reference_notice()
        items(data, 3)[0]["extra"] = {"计划投资（亿元）": "5.2"}
        notice = apply_import(prepare_parsed(from_json(data)))
        task = Task.objects.get(plan__notice=notice, plan__annex="3", seq=items(data, 3)[0]["seq"])
        self.assertEqual(task.extra, {"计划投资（亿元）": "5.2"})

        data["source"]["sha256"] = "b" * 64
        items(data, 3)[0]["extra"] = {"计划投资（亿元）": "6"}
        preview = prepare_parsed(from_json(data))
        (change,) = preview.report.changed
        self.assertEqual(
            [field.line() for field in change.fields],
            ["其他列：计划投资（亿元）：5.2 → 计划投资（亿元）：6"],
        )
        apply_import(preview)
        task.refresh_from_db()
        self.assertEqual(task.extra, {"计划投资（亿元）": "6"})
