import pytest
from django.http import Http404

from duban.ledger.choices import AssignmentRole
from duban.ledger.models import Assignment
from duban.supervision.access import (
    get_problem_for_user,
    is_lead_unit,
    is_responsible_unit,
    is_task_leader,
)
from duban.supervision.models import Problem
from duban.testing import BaseTestCase


class AccessTestCase(BaseTestCase):
    def test_the_lead_unit_is_the_marked_one(self):
        assert self.task.lead_unit_ids() == [self.fagai.pk]

    def test_a_remark_override_takes_the_lead(self):
        self.task.lead_override_units.add(self.jiaoyu)
        assert self.task.lead_unit_ids() == [self.jiaoyu.pk]

    def test_without_a_marked_lead_the_joint_units_lead(self):
        assert self.other_task.lead_unit_ids() == [self.caizheng.pk]

    def test_a_task_with_only_supporting_units_has_no_lead(self):
        Assignment.objects.filter(task=self.task).update(role=AssignmentRole.SUPPORT)
        assert self.task.lead_unit_ids() == []

    def test_the_role_helpers(self):
        assert is_lead_unit(self.bob, self.task) and not is_lead_unit(self.charlie, self.task)
        assert is_responsible_unit(self.charlie, self.task)
        assert not is_responsible_unit(self.dave, self.task)
        assert not is_responsible_unit(self.alice, self.task)
        assert is_task_leader(self.lin, self.task) and not is_task_leader(self.wang, self.task)

    def test_it_checks_ownership_of_problems(self):
        problem = Problem.raise_on(task=self.task, unit=self.caizheng, title="t", description="d")
        assert get_problem_for_user(self.lin, problem.pk) == problem
        for outsider in (self.dave, self.wang):
            with pytest.raises(Http404):
                get_problem_for_user(outsider, problem.pk)
