from django import template
from django.db.models import Count, Q
from django.urls import reverse

from duban.accounts.access import is_office, unit_id_of
from duban.ledger.access import visible_tasks
from duban.supervision import access
from duban.supervision.choices import Colour, FeedbackState, InstructionState, ProblemState
from duban.supervision.models import TaskStatus, by_severity
from duban.supervision.quality import flags_for_report
from duban.supervision.timeline import timeline_for_task

register = template.Library()


@register.inclusion_tag("supervision/inc/task_panel.html")
def task_supervision_panel(task, user):
    """The task page's supervision panel: status with reasons, 督办单, problems, audit timeline."""
    status = getattr(task, "supervision_status", None)
    return {
        "task": task,
        "status": status,
        "changes": task.status_changes.all()[:10],
        "notices": access.visible_supervision_notices(user)
        .filter(task=task)
        .select_related("unit"),
        "problems": access.visible_problems(user).filter(task=task).select_related("unit"),
        "timeline": timeline_for_task(task, user),
        "may_issue": is_office(user),
        "may_raise": access.is_responsible_unit(user, task),
    }


def _instructions_panel(instructions, user, *, new_url: str, hide_empty: bool = False) -> dict:
    """The 批示 with their named units' 落实反馈, the leader's button to write one (`new_url`
    empty for anyone else) and the liaison's link to answer."""
    instructions = list(
        instructions.select_related(
            "official", "report__cycle", "report__unit", "problem"
        ).prefetch_related(access.RECIPIENTS)
    )
    unit_id = unit_id_of(user)
    return {
        "instructions": instructions,
        "new_url": new_url,
        "hide_empty": hide_empty,
        "to_answer": {
            instruction.pk
            for instruction in instructions
            if instruction.state == InstructionState.OPEN
            for feedback in instruction.recipients.all()
            if feedback.unit_id == unit_id and feedback.state == FeedbackState.PENDING
        },
    }


@register.inclusion_tag("supervision/inc/instruction_panel.html")
def task_instructions_panel(task, user):
    """The task page's 批示, on the task and on its reports."""
    new_url = reverse("supervision:instruction-new", args=[task.pk])
    return _instructions_panel(
        access.visible_instructions(user).filter(task=task),
        user,
        new_url=new_url if access.may_instruct(user, task) else "",
    )


@register.inclusion_tag("supervision/inc/instruction_panel.html")
def report_instructions_panel(report, user):
    """A report page's 批示 on the report; its task's leader may write one on it."""
    new_url = reverse("supervision:instruction-new", args=[report.task_id])
    return _instructions_panel(
        access.visible_instructions(user).filter(report=report),
        user,
        new_url=f"{new_url}?report={report.pk}" if access.may_instruct(user, report.task) else "",
        hide_empty=True,
    )


# Unread notifications the header's badge counts, at most.
BADGE_CAP = 99

# Tasks a leader's portfolio lists as needing attention, at most.
ATTENTION_SHOWN = 10


@register.inclusion_tag("supervision/inc/portfolio_panel.html")
def leader_portfolio_panel(official, user):
    """A leader's portfolio at a glance: tasks by status, those lagging, problems to decide,
    批示 still awaiting 落实反馈."""
    tasks = visible_tasks(user).active().for_official(official)
    counts = TaskStatus.counts(tasks)
    lagging = (
        TaskStatus.objects.filter(task__in=tasks, colour__in=[Colour.RED, Colour.YELLOW])
        .select_related("task")
        .order_by(by_severity("colour"), "since", "task__position")
    )
    return {
        "official": official,
        "counts": TaskStatus.count_rows(counts),
        "lagging": lagging[:ATTENTION_SHOWN],
        "lagging_total": counts.get(Colour.RED, 0) + counts.get(Colour.YELLOW, 0),
        "problems": access.visible_problems(user)
        .filter(task__in=tasks, state=ProblemState.ESCALATED)
        .select_related("task", "unit"),
        "instructions": access.visible_instructions(user)
        .filter(official=official)
        .open()
        .select_related("task")
        .annotate(
            named=Count("recipients"),
            answered=Count("recipients", filter=Q(recipients__state=FeedbackState.ANSWERED)),
        )[:ATTENTION_SHOWN],
        "overview": access.may_see_overview(user),
        "leader_filter": is_office(user),
    }


@register.inclusion_tag("supervision/inc/colour.html")
def status_colour(colour: str):
    return {"colour": colour, "label": Colour(colour).label}


@register.inclusion_tag("supervision/inc/quality_flags.html")
def report_quality_flags(report):
    """The substance flags of a report, for the reviewer (empty when there are none)."""
    return {"flags": flags_for_report(report)}


@register.simple_tag
def unread_notifications(user) -> str:
    """The header's badge: the user's unread notifications, "99+" past BADGE_CAP, "" for none.

    Every page shows it: an office that never reads its messages must not have each page
    count all of them."""
    if not user.is_authenticated:
        return ""
    n = user.notifications.unread().order_by()[: BADGE_CAP + 1].count()
    return f"{BADGE_CAP}+" if n > BADGE_CAP else str(n or "")
