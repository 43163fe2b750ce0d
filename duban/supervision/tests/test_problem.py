import pytest
from django.core.exceptions import PermissionDenied

from duban.audit.models import LogEntry
from duban.lib.transitions import TransitionError
from duban.supervision.choices import ProblemState
from duban.supervision.models import Notification, Problem
from duban.testing import BaseTestCase, make_problem


class ProblemTestCase(BaseTestCase):
    def raise_problem(self):
        return make_problem(self.task, self.caizheng, self.charlie)

    def test_raising_it_audits_and_tells_the_lead_unit(self):
        problem = self.raise_problem()
        assert problem.state == ProblemState.RAISED
        assert LogEntry.objects.filter(action="supervision.problem.raised").count() == 1
        assert list(Notification.objects.values_list("user__username", flat=True)) == ["bob"]

    def test_the_first_coordination_note_starts_coordination(self):
        problem = self.raise_problem()
        problem.coordinate(unit=self.fagai, text="召开协调会", user=self.bob)
        problem.coordinate(unit=self.fagai, text="再次对接", user=self.bob)
        problem.refresh_from_db()
        assert problem.state == ProblemState.COORDINATING
        assert problem.coordinating_at is not None
        assert problem.notes.count() == 2

    def test_escalation_tells_the_task_leader_only(self):
        problem = self.raise_problem()
        problem.escalate(reason="部门层面无法解决", user=self.bob)
        problem.refresh_from_db()
        assert problem.state == ProblemState.ESCALATED
        assert problem.escalated_at is not None
        to_leaders = Notification.objects.filter(text__startswith="问题提请批示")
        assert list(to_leaders.values_list("user__username", flat=True)) == ["lin"]

    def test_an_instruction_moves_it_to_instructed_and_another_may_follow(self):
        problem = self.raise_problem()
        problem.escalate(reason="无法解决", user=self.alice)
        problem.instruct(official=self.lin_official, text="请区财政局牵头研究", user=self.lin)
        problem.instruct(official=self.lin_official, text="月底前办结", user=self.lin)
        problem.refresh_from_db()
        assert problem.state == ProblemState.INSTRUCTED
        assert problem.instructed_at is not None
        assert problem.instructions.count() == 2

    def test_resolve_then_close_keeps_each_time(self):
        problem = self.raise_problem()
        problem.resolve(resolution="已调剂指标", user=self.bob)
        problem.close(user=self.alice)
        problem.refresh_from_db()
        assert problem.state == ProblemState.CLOSED
        assert problem.resolved_at <= problem.closed_at
        actions = set(LogEntry.objects.values_list("action", flat=True))
        assert {"supervision.problem.resolved", "supervision.problem.closed"} <= actions

    def test_it_refuses_an_instruction_before_escalation(self):
        problem = self.raise_problem()
        with pytest.raises(TransitionError):
            problem.instruct(official=self.lin_official, text="批示", user=self.lin)
        assert problem.instructions.count() == 0

    def test_it_refuses_coordination_once_escalated(self):
        problem = self.raise_problem()
        problem.escalate(reason="无法解决", user=self.bob)
        with pytest.raises(TransitionError):
            problem.coordinate(unit=self.fagai, text="协调", user=self.bob)

    def test_a_problem_resolved_meanwhile_is_not_escalated_from_an_older_copy(self):
        problem = self.raise_problem()
        held = Problem.objects.get(pk=problem.pk)
        problem.resolve(resolution="已解决", user=self.bob)
        with pytest.raises(TransitionError, match="已被他人修改"):
            held.escalate(reason="无法解决", user=self.bob)
        problem.refresh_from_db()
        assert (problem.state, problem.escalation_reason) == (ProblemState.RESOLVED, "")

    def test_a_user_whose_role_does_not_allow_the_action_is_refused(self):
        problem = self.raise_problem()
        with pytest.raises(PermissionDenied):
            problem.coordinate(unit=self.caizheng, text="协调", user=self.charlie)
        with pytest.raises(PermissionDenied):
            problem.close(user=self.bob)
        assert problem.notes.count() == 0

    def test_it_refuses_escalating_twice(self):
        problem = self.raise_problem()
        problem.escalate(reason="无法解决", user=self.bob)
        with pytest.raises(TransitionError):
            problem.escalate(reason="再提", user=self.bob)

    def test_it_refuses_closing_an_unresolved_problem(self):
        problem = self.raise_problem()
        with pytest.raises(TransitionError):
            problem.close(user=self.alice)
        problem.refresh_from_db()
        assert problem.state == ProblemState.RAISED

    def test_it_refuses_resolving_a_closed_problem(self):
        problem = self.raise_problem()
        problem.resolve(resolution="已解决", user=self.bob)
        problem.close(user=self.alice)
        with pytest.raises(TransitionError):
            problem.resolve(resolution="再次解决", user=self.bob)
