import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from duban.accounts.access import is_office
from duban.accounts.choices import UserRole
from duban.ledger.access import (
    get_notice_for_user,
    get_official_for_user,
    get_plan_for_user,
    get_task_for_user,
    get_unit_for_user,
    visible_tasks,
)
from duban.ledger.choices import AssignmentRole, UnitKind
from duban.ledger.models import Task
from duban.ledger.registry import resolve_placeholder
from duban.testing import BaseTestCase, make_task, make_unit, make_user


class VisibleTasksTestCase(BaseTestCase):
    def test_the_office_sees_every_task(self):
        assert set(visible_tasks(self.alice)) == {self.task, self.other_task}

    def test_a_superuser_counts_as_office(self):
        assert is_office(self.admin)
        assert set(visible_tasks(self.admin)) == {self.task, self.other_task}

    def test_a_leader_sees_the_tasks_they_lead(self):
        assert set(visible_tasks(self.lin)) == {self.task, self.other_task}

    def test_a_leader_does_not_see_other_leaders_tasks(self):
        assert not visible_tasks(self.wang).exists()

    def test_a_unit_sees_tasks_in_any_role(self):
        assert set(visible_tasks(self.bob)) == {self.task}
        assert set(visible_tasks(self.charlie)) == {self.task, self.other_task}
        assert not visible_tasks(self.dave).exists()

    def test_a_unit_sees_tasks_resolved_from_a_placeholder(self):
        placeholder = make_unit("相关街镇", UnitKind.PLACEHOLDER)
        task = make_task(
            self.section, "3", "整治违法建筑。", [(placeholder, AssignmentRole.SUPPORT)]
        )
        street = make_unit("七都街道", UnitKind.SUBDISTRICT)
        liaison = make_user("qidu", UserRole.UNIT, unit=street)
        assert not visible_tasks(liaison).exists()
        resolve_placeholder(task.assignments.get(), [street])
        assert set(visible_tasks(liaison)) == {task}

    def test_a_unit_sees_tasks_whose_remark_makes_it_lead(self):
        zhengfa = make_unit("区委政法委", UnitKind.PARTY_BODY)
        self.task.lead_override_units.add(zhengfa)
        liaison = make_user("zhengfa", UserRole.UNIT, unit=zhengfa)
        assert set(visible_tasks(liaison)) == {self.task}
        assert set(Task.objects.for_unit(zhengfa, AssignmentRole.LEAD)) == {self.task}
        assert not Task.objects.for_unit(zhengfa, AssignmentRole.SUPPORT).exists()

    def test_a_user_without_profile_sees_nothing(self):
        assert not visible_tasks(self.nobody).exists()
        assert not visible_tasks(AnonymousUser()).exists()


class GetForUserTestCase(BaseTestCase):
    def test_it_returns_a_task_in_scope(self):
        assert get_task_for_user(self.bob, self.task.pk) == self.task

    def test_it_checks_ownership(self):
        with pytest.raises(Http404):
            get_task_for_user(self.bob, self.other_task.pk)
        with pytest.raises(Http404):
            get_task_for_user(self.dave, self.task.pk)

    def test_it_404s_on_missing_objects(self):
        with pytest.raises(Http404):
            get_task_for_user(self.alice, 999_999)

    def test_a_liaison_opens_only_their_own_unit(self):
        assert get_unit_for_user(self.bob, self.fagai.pk) == self.fagai
        with pytest.raises(Http404):
            get_unit_for_user(self.bob, self.caizheng.pk)

    def test_a_leader_opens_the_units_of_their_tasks(self):
        assert get_unit_for_user(self.lin, self.caizheng.pk) == self.caizheng
        with pytest.raises(Http404):
            get_unit_for_user(self.lin, self.jiaoyu.pk)

    def test_leader_pages_are_for_the_leader_and_the_office(self):
        assert get_official_for_user(self.lin, self.lin_official.pk) == self.lin_official
        assert get_official_for_user(self.alice, self.lin_official.pk) == self.lin_official
        with pytest.raises(Http404):
            get_official_for_user(self.bob, self.lin_official.pk)

    def test_notices_and_plans_open_through_a_visible_task(self):
        assert get_notice_for_user(self.bob, self.notice.pk) == self.notice
        assert get_plan_for_user(self.bob, self.plan.pk) == self.plan
        with pytest.raises(Http404):
            get_notice_for_user(self.dave, self.notice.pk)
        with pytest.raises(Http404):
            get_plan_for_user(self.dave, self.plan.pk)
