from duban.audit.models import LogEntry
from duban.ledger.choices import AssignmentRole, KindSource, UnitKind
from duban.ledger.models import Assignment, Task, Unit, UnitAlias
from duban.ledger.registry import merge_units, resolve_placeholder, set_kind
from duban.testing import BaseTestCase, make_task, make_unit


class RegistryServicesTestCase(BaseTestCase):
    def test_by_name_resolves_through_aliases_and_widths(self):
        UnitAlias.objects.create(unit=self.caizheng, alias="区财政局（区国资办）")
        self.assertEqual(Unit.objects.by_name("区财政局(区国资办)").get(), self.caizheng)
        self.assertFalse(Unit.objects.by_name("区国资办").exists())

    def test_an_alias_is_stored_normalised_and_a_known_name_is_refused(self):
        self.caizheng.add_alias("区财政局(区国资办)", note="括注")
        self.assertEqual(Unit.objects.by_name("区财政局（区国资办）").get(), self.caizheng)
        entry = LogEntry.objects.get(action="ledger.unit.alias_added")
        self.assertEqual(entry.data, {"alias": "区财政局（区国资办）", "note": "括注"})
        with self.assertRaises(ValueError):
            self.fagai.add_alias("区财政局 (区国资办)")

    def test_merge_units_moves_assignments_aliases_and_profiles(self):
        duplicate = make_unit("区发展和改革局")
        UnitAlias.objects.create(unit=duplicate, alias="区发改委")
        task = make_task(self.section, "3", "新任务。", [(duplicate, AssignmentRole.LEAD)])
        # Both units on one task: the kept unit's assignment stays.
        Assignment.objects.create(
            task=self.task, unit=duplicate, role=AssignmentRole.JOINT, position=5
        )
        self.bob.profile.unit = duplicate
        self.bob.profile.save()

        merge_units(self.fagai, duplicate, user=self.alice)

        self.assertFalse(Unit.objects.filter(pk=duplicate.pk).exists())
        self.assertEqual(task.assignments.get().unit, self.fagai)
        self.assertEqual(
            self.task.assignments.filter(unit=self.fagai).get().role, AssignmentRole.LEAD
        )
        self.assertEqual(Unit.objects.by_name("区发展和改革局").get(), self.fagai)
        self.assertEqual(Unit.objects.by_name("区发改委").get(), self.fagai)
        self.bob.profile.refresh_from_db()
        self.assertEqual(self.bob.profile.unit, self.fagai)
        entry = LogEntry.objects.get(action="ledger.unit.merged")
        self.assertEqual(entry.user, self.alice)
        self.assertEqual(entry.user_name, "alice")
        self.assertEqual(entry.data["dropped"]["name"], "区发展和改革局")

    def test_merge_units_refuses_to_merge_a_unit_with_itself(self):
        with self.assertRaises(ValueError):
            merge_units(self.fagai, self.fagai)

    def test_resolve_placeholder_adds_concrete_units_in_the_same_role(self):
        towns = make_unit("相关街镇", UnitKind.PLACEHOLDER)
        wuma = make_unit("五马街道", UnitKind.SUBDISTRICT)
        placeholder = Assignment.objects.create(
            task=self.task, unit=towns, role=AssignmentRole.SUPPORT, position=2
        )

        created = resolve_placeholder(placeholder, [wuma, self.caizheng], user=self.alice)

        # 区财政局 is already on the task, so only 五马街道 is added.
        self.assertEqual([a.unit for a in created], [wuma])
        self.assertEqual(created[0].role, AssignmentRole.SUPPORT)
        self.assertEqual(created[0].resolved_from, placeholder)
        self.assertIn(self.task, Task.objects.for_unit(wuma))
        self.assertTrue(LogEntry.objects.filter(action="ledger.assignment.resolved").exists())

    def test_resolve_placeholder_refuses_a_concrete_unit(self):
        with self.assertRaises(ValueError):
            resolve_placeholder(self.task.assignments.first(), [self.jiaoyu])

    def test_set_kind_marks_the_kind_as_edited(self):
        set_kind(self.fagai, UnitKind.OTHER, user=self.alice)
        self.fagai.refresh_from_db()
        self.assertEqual(
            (self.fagai.kind, self.fagai.kind_source), (UnitKind.OTHER, KindSource.EDITED)
        )
        self.assertEqual(LogEntry.objects.get().action, "ledger.unit.kind_changed")
