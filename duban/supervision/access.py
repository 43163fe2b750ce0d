"""Who may act on problems and 督办单, on top of `duban.ledger.access`.

As there: an object outside the user's scope is a 404; an action on a visible object that the
user's role does not allow is a 403. The office may do everything except write a leader's 批示;
a leader (or their secretary, for them) reads their portfolio and instructs; a unit acts only
on tasks it is assigned to, and answers the 批示 that name it.
"""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404

from duban.accounts.access import is_office, official_of, unit_id_of
from duban.ledger.access import visible_tasks
from duban.supervision.choices import FeedbackState, InstructionState
from duban.supervision.models import (
    PROBLEM_ACTIONS,
    Instruction,
    InstructionUnit,
    NoticeAttachment,
    Notification,
    Problem,
    SupervisionNotice,
)


def may_see_overview(user) -> bool:
    """The status overview: the office for every task, a leader for their portfolio."""
    return is_office(user) or official_of(user) is not None


def is_responsible_unit(user, task) -> bool:
    unit_id = unit_id_of(user)
    return unit_id is not None and task.is_responsible(unit_id)


def is_lead_unit(user, task) -> bool:
    unit_id = unit_id_of(user)
    return unit_id is not None and unit_id in task.lead_unit_ids()


def is_task_leader(user, task) -> bool:
    official = official_of(user)
    return official is not None and task.task_leaders.filter(official=official).exists()


# The states in which each problem action is possible: the ones the model methods check.
PROBLEM_ACTION_STATES = {action: set(states) for action, (states, _) in PROBLEM_ACTIONS.items()}


def problem_actions(user, problem: Problem) -> set[str]:
    """The actions the user may take on the problem in its current state (the buttons shown)."""
    return {
        action
        for action, states in PROBLEM_ACTION_STATES.items()
        if problem.state in states and may_act_on_problem(user, problem, action)
    }


def may_act_on_problem(user, problem: Problem, action: str) -> bool:
    """Whether the user's role allows the action on this problem, whatever its state."""
    task = problem.task
    if action == "coordinate":
        return is_lead_unit(user, task)
    if action in ("escalate", "resolve"):
        return is_office(user) or is_lead_unit(user, task)
    if action == "instruct":
        return is_task_leader(user, task)
    if action == "close":
        return is_office(user)
    return False


def may_respond(user, notice: SupervisionNotice) -> bool:
    return unit_id_of(user) == notice.unit_id


def visible_problems(user):
    return Problem.objects.filter(task__in=visible_tasks(user))


def visible_supervision_notices(user):
    """督办单 the user may read: the office all, a unit its own, a leader those in the portfolio
    and those copied (抄送) to them."""
    if is_office(user):
        return SupervisionNotice.objects.all()
    unit_id = unit_id_of(user)
    if unit_id is not None:
        return SupervisionNotice.objects.filter(unit_id=unit_id)
    in_portfolio = Q(task__in=visible_tasks(user))
    official = official_of(user)
    if official is None:
        return SupervisionNotice.objects.filter(in_portfolio)
    copies = SupervisionNotice.copied_to.through.objects.filter(official=official)
    return SupervisionNotice.objects.filter(
        in_portfolio | Q(pk__in=copies.values("supervisionnotice_id"))
    )


def get_problem_for_user(user, pk: int) -> Problem:
    """The problem, or 404 when its task lies outside the user's scope."""
    return get_object_or_404(visible_problems(user).select_related("task", "unit"), pk=pk)


def get_supervision_notice_for_user(user, pk: int) -> SupervisionNotice:
    return get_object_or_404(
        visible_supervision_notices(user).select_related("task", "unit"), pk=pk
    )


def get_notice_attachment_for_user(user, pk: int) -> NoticeAttachment:
    """A file of a 督办单 反馈, or 404 when the notice lies outside the user's scope."""
    notices = visible_supervision_notices(user)
    return get_object_or_404(NoticeAttachment.objects.filter(notice__in=notices), pk=pk)


# A 批示's named units with their names, as its partial lists them.
RECIPIENTS = Prefetch("recipients", InstructionUnit.objects.select_related("unit"))


def visible_instructions(user):
    """批示 the user may read: the office all, a leader those in the portfolio, a unit those that
    name it and those on the problems it sees."""
    if is_office(user):
        return Instruction.objects.all()
    if official_of(user) is not None:
        return Instruction.objects.filter(task__in=visible_tasks(user))
    if (unit_id := unit_id_of(user)) is not None:
        on_problems = Instruction.objects.filter(
            problem__isnull=False, task__in=visible_tasks(user)
        )
        return Instruction.objects.naming(unit_id) | on_problems
    return Instruction.objects.none()


def get_instruction_for_user(user, pk: int) -> Instruction:
    """The 批示, or 404 when it lies outside the user's scope."""
    queryset = visible_instructions(user).select_related(
        "task", "report__cycle", "report__unit", "problem", "official"
    )
    return get_object_or_404(queryset.prefetch_related(RECIPIENTS), pk=pk)


def may_instruct(user, task) -> bool:
    """A 批示 on the task: its leaders, or their secretaries for them."""
    return is_task_leader(user, task)


def may_close_instruction(user, instruction: Instruction) -> bool:
    return official_of(user) == instruction.official


def pending_feedback(user, instruction: Instruction) -> InstructionUnit | None:
    """The user's unit's unanswered 落实反馈 on an open 批示 (its answer form), else None."""
    unit_id = unit_id_of(user)
    if unit_id is None or instruction.state != InstructionState.OPEN:
        return None
    return instruction.recipients.filter(unit_id=unit_id, state=FeedbackState.PENDING).first()


def get_notification_for_user(user, pk: int) -> Notification:
    return get_object_or_404(Notification.objects.filter(user=user), pk=pk)
