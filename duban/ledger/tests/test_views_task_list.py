"""The ledger (台账): filters, pagination, query count, escaping."""

from base64 import urlsafe_b64encode

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from duban.ledger.choices import AssignmentRole, PlanKind, TaskState, UnitKind
from duban.lib.counts import Tally
from duban.testing import BaseTestCase, make_plan, make_section, make_task, make_unit


class TaskListTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.street = make_unit("七都街道", UnitKind.SUBDISTRICT)
        cls.five_year = make_plan(cls.notice, PlanKind.FIVE_YEAR, "1", title="今后五年重点工作")
        cls.wang_section = make_section(cls.five_year, [cls.wang_official])
        cls.street_task = make_task(
            cls.wang_section,
            "1",
            "推进未来科技岛建设。",
            [(cls.street, AssignmentRole.LEAD), (cls.fagai, AssignmentRole.SUPPORT)],
        )

    def setUp(self):
        self.client.force_login(self.alice)

    def get(self, **params):
        response = self.client.get(reverse("ledger:tasks"), params)
        assert response.status_code == 200
        return response

    def shown(self, **params) -> set:
        return set(self.get(**params).context["page"].object_list)

    def test_it_lists_every_active_task_for_the_office(self):
        assert self.shown() == {self.task, self.other_task, self.street_task}

    def test_it_filters_by_plan(self):
        assert self.shown(plan=self.five_year.pk) == {self.street_task}

    def test_it_filters_by_leader(self):
        assert self.shown(leader=self.wang_official.pk) == {self.street_task}
        assert self.shown(leader=self.lin_official.pk) == {self.task, self.other_task}

    def test_it_filters_by_unit_in_any_role(self):
        assert self.shown(unit=self.fagai.pk) == {self.task, self.street_task}

    def test_it_filters_by_unit_as_lead(self):
        assert self.shown(unit=self.fagai.pk, role=AssignmentRole.LEAD) == {self.task}
        assert self.shown(unit=self.fagai.pk, role=AssignmentRole.SUPPORT) == {self.street_task}

    def test_it_filters_by_unit_kind(self):
        assert self.shown(kind=UnitKind.SUBDISTRICT) == {self.street_task}
        assert self.shown(kind=UnitKind.SUBDISTRICT, role=AssignmentRole.SUPPORT) == set()

    def test_it_searches_the_text(self):
        assert self.shown(q="科技岛") == {self.street_task}
        assert self.shown(q="  预算   收入 ") == {self.other_task}

    def test_it_combines_filters(self):
        assert self.shown(unit=self.caizheng.pk, q="生产总值") == {self.task}

    def test_it_ignores_invalid_filter_values(self):
        assert self.shown(plan="abc", unit=999_999, kind="nope") == {
            self.task,
            self.other_task,
            self.street_task,
        }

    def test_it_hides_withdrawn_tasks_unless_asked(self):
        self.other_task.status = TaskState.WITHDRAWN
        self.other_task.save()
        assert self.other_task not in self.shown()
        assert self.shown(status=TaskState.WITHDRAWN) == {self.other_task}
        assert self.other_task in self.shown(status="all")

    def test_a_role_alone_means_the_liaisons_own_unit(self):
        self.client.force_login(self.bob)
        assert self.shown(role=AssignmentRole.LEAD) == {self.task}
        assert self.shown(role=AssignmentRole.SUPPORT) == {self.street_task}

    def test_a_liaison_only_sees_own_tasks_and_filter_choices(self):
        self.client.force_login(self.charlie)
        response = self.get()
        assert set(response.context["page"].object_list) == {self.task, self.other_task}
        form = response.context["form"]
        assert set(form.fields["unit"].queryset) == {self.fagai, self.shangwu, self.caizheng}
        assert set(form.fields["leader"].queryset) == {self.lin_official}
        assert self.wang_official.name not in response.content.decode()

    def test_it_shows_counts_by_plan_kind(self):
        counts = dict(self.get().context["counts"])
        assert counts == {"五年": Tally(1), "年度": Tally(2)}
        self.assertContains(self.get(), 'data-count="3">共 3 项')

    def test_it_pages_by_fifty_with_links_that_keep_the_filters(self):
        for i in range(60):
            make_task(
                self.wang_section,
                str(i + 2),
                f"第{i}项任务。",
                [(self.street, AssignmentRole.LEAD)],
            )
        first = self.get(plan=self.five_year.pk)
        page = first.context["page"]
        assert len(page.object_list) == 50
        assert first.context["total"] == Tally(61)
        assert not page.has_previous
        self.assertContains(first, f"plan={self.five_year.pk}&amp;after={page.next_cursor}")
        second = self.get(plan=self.five_year.pk, after=page.next_cursor)
        rest = second.context["page"]
        assert len(rest.object_list) == 11
        assert not rest.has_next
        shown = [t.pk for t in page.object_list] + [t.pk for t in rest.object_list]
        assert shown == list(
            self.five_year.tasks.order_by("position", "pk").values_list("pk", flat=True)
        )
        back = self.get(plan=self.five_year.pk, before=rest.previous_cursor).context["page"]
        assert back.object_list == page.object_list
        assert not back.has_previous

    def test_a_bad_cursor_shows_the_first_page(self):
        first = self.get().context["page"].object_list
        forged = ["{}", "[0,1]", "[9,1,2,3]", "[null]", '[0,"x",1,2]', f"[0,{10**30},1,2]"]
        cursors = ["x", "!!", *(urlsafe_b64encode(text.encode()).decode() for text in forged)]
        for cursor in cursors:
            assert self.get(after=cursor).context["page"].object_list == first
            assert self.get(before=cursor).context["page"].object_list == first

    def test_its_query_count_does_not_grow_with_the_page(self):
        with CaptureQueriesContext(connection) as few:
            self.get()
        for i in range(40):
            make_task(
                self.wang_section,
                str(i + 2),
                f"第{i}项任务。",
                [(self.street, AssignmentRole.LEAD), (self.fagai, AssignmentRole.SUPPORT)],
            )
        with self.assertNumQueries(len(few)):
            self.get()

    def test_it_escapes_notice_text(self):
        make_task(
            self.section, "9", "<script>alert('x')</script>", [(self.fagai, AssignmentRole.LEAD)]
        )
        response = self.get()
        self.assertNotContains(response, "<script>alert")
        self.assertContains(response, "&lt;script&gt;alert(")

    def test_it_tells_a_user_without_profile_to_ask_the_office(self):
        self.client.force_login(self.nobody)
        response = self.get()
        assert not response.context["page"].object_list
        self.assertContains(response, "尚未分配角色")

    def test_it_requires_login(self):
        self.client.logout()
        response = self.client.get(reverse("ledger:tasks"))
        assert response.status_code == 302
