"""The reference notice as the parser's dict, built from its gold rows, for import tests."""

import json
from functools import cache

from django.db.models import Count

from duban.ledger.choices import AssignmentRole, PlanKind
from duban.ledger.demo import REFERENCE, seed_dir
from duban.ledger.models import Official, Plan, Task, Unit, UnitAlias
from duban.parsing.text import squeeze

PLANS = {
    1: ("今后五年重点工作责任分解表", "five_year", [2022, 2026]),
    2: ("2022年重点工作责任分解表", "annual", [2022]),
    3: ("2022年度区政府民生实事项目任务分解表", "livelihood", [2022]),
}


@cache
def gold() -> dict:
    return json.loads((seed_dir() / f"{REFERENCE}.gold.json").read_text(encoding="utf-8"))


def gold_units() -> set[str]:
    return {name for row in gold()["tasks"] for name in row["units"]}


def _role(name: str, row: dict) -> str:
    if name in row["lead_units"]:
        return AssignmentRole.LEAD
    return AssignmentRole.SUPPORT if row["lead_units"] else AssignmentRole.JOINT


def reference_notice() -> dict:
    """A fresh copy of the reference notice in the `duban.notice/1` shape."""
    data = gold()
    plans = {}
    for row in data["tasks"]:
        title, kind, years = PLANS[row["annex"]]
        plan = plans.setdefault(
            row["annex"],
            {
                "annex": str(row["annex"]),
                "title": title,
                "kind": kind,
                "years": years,
                "sections": [],
            },
        )
        livelihood = kind == "livelihood"
        if not plan["sections"] or plan["sections"][-1]["heading"] != row["group"]:
            leaders = [] if livelihood else [{"name": row["leader"], "titles": []}]
            plan["sections"].append({"heading": row["group"], "leaders": leaders, "items": []})
        plan["sections"][-1]["items"].append(
            {
                "seq": row["seq"],
                "name": row["name"],
                "text": row["text"],
                "units": [
                    {
                        "name": n,
                        "role": _role(n, row),
                        "raw": n + ("*" if n in row["lead_units"] else ""),
                    }
                    for n in row["units"]
                ],
                "leaders": [{"name": row["leader"], "titles": []}] if livelihood else [],
                "deadline": row["deadline"],
                "remark": row["remark"],
                "lead_override": [],
                "location": {"page": None, "line": None, "table": None, "row": None},
            }
        )
    return {
        "schema": "duban.notice/1",
        "source": {
            "filename": f"{REFERENCE}.json",
            "format": "txt",
            "sha256": "f" * 64,
            "pages": None,
        },
        "notice": {
            "issuer": data["issuer"],
            "doc_number": data["doc_number"],
            "title": data["title"],
            "issued_on": data["date"],
            "printed_on": data["printed"],
            "addressees": [],
            "cc": [],
            "attachments": [],
            "public": None,
            "body": "",
        },
        "plans": [plans[k] for k in sorted(plans)],
        "warnings": [],
    }


class ReferenceLedgerChecks:
    """What the ledger must hold after importing the reference notice, however it was read.

    Mixed into a TestCase whose setUpTestData sets `cls.notice`.
    """

    def test_it_creates_three_plans_with_161_tasks(self):
        plans = (
            Plan.objects.filter(notice=self.notice).annotate(n=Count("tasks")).order_by("position")
        )
        self.assertEqual(
            [(p.annex, p.kind, p.n) for p in plans],
            [
                ("1", PlanKind.FIVE_YEAR, 43),
                ("2", PlanKind.ANNUAL, 104),
                ("3", PlanKind.LIVELIHOOD, 14),
            ],
        )
        self.assertEqual(Task.objects.count(), 161)

    def test_it_keeps_the_leader_sections(self):
        counts = [p.sections.count() for p in Plan.objects.filter(notice=self.notice)[:2]]
        self.assertEqual(counts, [8, 9])
        self.assertEqual(Official.objects.count(), 9)

    def test_every_gold_unit_resolves_to_exactly_one_unit(self):
        for name in sorted(gold_units()):
            with self.subTest(name=name):
                self.assertEqual(Unit.objects.by_name(name).count(), 1)

    def test_it_merges_bracketed_nameplates_into_their_base_unit(self):
        fu = Unit.objects.get(name="区府办")
        self.assertEqual(Unit.objects.by_name("区府办（区大数据发展管理局）").get(), fu)
        self.assertEqual(Unit.objects.by_name("区府办(区“两个健康”办)").get(), fu)
        self.assertEqual(
            UnitAlias.objects.get(alias="区府办（区大数据发展管理局）").note,
            "括注：区大数据发展管理局",
        )
        self.assertEqual(Unit.objects.by_name("区财政局（区国资办）").get().name, "区财政局")
        self.assertEqual(
            Unit.objects.by_name("区应急管理局（区防汛办）").get().name, "区应急管理局"
        )

    def test_every_row_matches_the_gold_field_by_field(self):
        rows = gold()["tasks"]
        tasks = Task.objects.select_related("plan").prefetch_related("assignments__unit", "leaders")
        tasks = sorted(tasks, key=lambda t: (t.plan.position, t.position))
        self.assertEqual(len(tasks), len(rows))
        units = {name: Unit.objects.by_name(name).get() for name in gold_units()}
        for row, task in zip(rows, tasks, strict=True):
            with self.subTest(annex=row["annex"], seq=row["seq"], leader=row["leader"]):
                self.assertEqual(task.plan.annex, str(row["annex"]))
                self.assertEqual(task.seq, row["seq"])
                self.assertEqual(squeeze(task.text or ""), squeeze(row["text"] or ""))
                self.assertEqual(task.remark or None, row["remark"])
                self.assertEqual(task.name or None, row["name"])
                assignments = task.assignments.all()
                self.assertEqual({a.unit for a in assignments}, {units[n] for n in row["units"]})
                self.assertEqual(
                    {a.unit for a in assignments if a.role == AssignmentRole.LEAD},
                    {units[n] for n in row["lead_units"]},
                )
                self.assertEqual([o.name for o in task.leaders.all()], [row["leader"]])
