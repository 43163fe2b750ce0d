"""A task the notice prints twice is linked to the copy it is reported on."""

from duban.ledger.choices import PlanKind, TaskState
from duban.ledger.importing import apply_import, prepare_parsed
from duban.ledger.models import Task
from duban.ledger.tests.reference import reference_notice
from duban.ledger.twins import link_twins
from duban.parsing import from_json
from duban.testing import BaseTestCase

ENERGY = "确保完成上级下达的能源指标计划目标。"
ENVIRONMENT = "确保完成上级下达的环境指标计划目标。"


def copies(text: str) -> dict[str, Task]:
    return {task.plan.kind: task for task in Task.objects.filter(text=text).select_related("plan")}


class TwinsTestCase(BaseTestCase):
    def setUp(self):
        self.notice = apply_import(prepare_parsed(from_json(reference_notice())))

    def test_the_five_year_copy_of_an_annual_task_is_reported_on_the_annual_one(self):
        for text in (ENERGY, ENVIRONMENT):
            with self.subTest(text):
                found = copies(text)
                five_year, annual = found[PlanKind.FIVE_YEAR], found[PlanKind.ANNUAL]
                self.assertEqual(five_year.twin_of, annual)
                self.assertIsNone(annual.twin_of)
                self.assertEqual(five_year.reported_on, annual)
        self.assertEqual(Task.objects.exclude(twin_of=None).count(), 2)

    def test_the_same_text_with_other_units_is_not_a_twin(self):
        annual = copies(ENERGY)[PlanKind.ANNUAL]
        annual.assignments.all().delete()
        self.assertEqual(link_twins(self.notice), 1)
        self.assertIsNone(copies(ENERGY)[PlanKind.FIVE_YEAR].twin_of)

    def test_a_withdrawn_copy_unlinks_its_twin(self):
        Task.objects.filter(pk=copies(ENERGY)[PlanKind.ANNUAL].pk).update(
            status=TaskState.WITHDRAWN
        )
        link_twins(self.notice)
        self.assertIsNone(copies(ENERGY)[PlanKind.FIVE_YEAR].twin_of)

    def test_a_revision_that_rewords_one_copy_unlinks_them(self):
        data = reference_notice()
        data["source"]["sha256"] = "e" * 64
        for item in data["plans"][1]["sections"][0]["items"]:
            if item["text"] == ENERGY:
                item["text"] = "确保完成上级下达的能源“双控”指标计划目标。"
        apply_import(prepare_parsed(from_json(data)))
        self.assertIsNone(copies(ENERGY)[PlanKind.FIVE_YEAR].twin_of)
        self.assertEqual(Task.objects.exclude(twin_of=None).count(), 1)

    def test_each_copys_page_names_the_other(self):
        found = copies(ENERGY)
        self.client.force_login(self.alice)
        five_year_page = self.client.get(found[PlanKind.FIVE_YEAR].get_absolute_url())
        self.assertContains(five_year_page, "进展在以下任务下报送")
        self.assertContains(five_year_page, f'href="{found[PlanKind.ANNUAL].get_absolute_url()}"')
        annual_page = self.client.get(found[PlanKind.ANNUAL].get_absolute_url())
        self.assertContains(annual_page, "同一任务也印发于")
