"""Supervision pages: the office's overview, 督办单, problems, 批示 and notifications.

Objects outside the user's scope are 404s (see `duban.supervision.access`); an action the
user's role does not allow on a visible object is a 403. State changes are POST-then-redirect.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import F, Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from duban.accounts.access import is_office, office_required, official_of, unit_of
from duban.exports.ledger import ledger_response, wants_xlsx
from duban.ledger.access import (
    filterable_units,
    get_official_for_user,
    get_task_for_user,
    visible_plans,
    visible_tasks,
)
from duban.ledger.models import Assignment, Plan, Task
from duban.lib import clock
from duban.lib.ages import AGES, date_range
from duban.lib.counts import Tally, bounded_count, group_counts
from duban.lib.keyset import keyset_page, page_query
from duban.lib.params import parse_id
from duban.lib.stored_files import download_response
from duban.lib.transitions import TransitionError
from duban.progress.access import visible_reports
from duban.progress.files import EvidenceError
from duban.supervision import access
from duban.supervision.choices import SEVERITY, Colour, InstructionState, NoticeState, ProblemState
from duban.supervision.forms import (
    CloseForm,
    FeedbackForm,
    InstructionForm,
    NoticeForm,
    OverviewFilterForm,
    ProblemActionForm,
    ProblemForm,
    ResponseForm,
)
from duban.supervision.jobs import start_refresh
from duban.supervision.models import (
    Instruction,
    Problem,
    SupervisionNotice,
    TaskStatus,
    notice_units,
    responsible_units,
)
from duban.supervision.tallies import kept_counts

PAGE_SIZE = 50
ACTION_DONE = {
    "coordinate": "已记录协调情况。",
    "escalate": "已提请区领导研究。",
    "instruct": "批示已送达牵头单位和提出单位。",
    "resolve": "已标记为解决。",
    "close": "问题已关闭。",
}


def _list_by_state(request, queryset, states, *, open_states, started) -> dict:
    """A page of the records filtered by ?state=, ?open=1, ?age= (lib.ages) and ?leader=;
    bad values are ignored. The overview links here with the same filters it counts by."""
    state = request.GET.get("state")
    if state in states.values:
        queryset = queryset.filter(state=state)
    if request.GET.get("open") == "1":
        queryset = queryset.filter(state__in=open_states)
    if request.GET.get("age") in AGES:
        first, last = date_range(request.GET["age"], clock.today())
        queryset = queryset.filter(**{f"{started}__date__lte": last})
        if first is not None:
            queryset = queryset.filter(**{f"{started}__date__gte": first})
    leader = parse_id(request.GET.get("leader"))
    if leader is not None:
        official = get_official_for_user(request.user, leader)
        queryset = queryset.filter(task__in=Task.objects.for_official(official))
    # Newest first, as the models order them; the index on the start time cuts the page.
    page = keyset_page(queryset, [f"-{started}", "-pk"], request.GET, size=PAGE_SIZE)
    return {
        "page": page,
        "total": bounded_count(queryset),
        "states": states.choices,
        "query": page_query(request.GET),
    }


def _unscheduled_plans(user, visible):
    """For the office: the plans of the visible tasks that have no reporting cycle yet."""
    if not is_office(user):
        return []
    plans = Plan.objects.filter(pk__in=visible.active().values("plan_id"), cycles__isnull=True)
    return list(plans.order_by("notice_id", "annex", "pk"))


@login_required
def overview(request):
    """Tasks by status colour, most urgent first, with counts for each colour under the
    other filters.

    The office sees every task; a leader sees their portfolio.
    """
    if not access.may_see_overview(request.user):
        raise PermissionDenied
    office = is_office(request.user)
    visible = visible_tasks(request.user)
    form = OverviewFilterForm(
        request.GET,
        plans=visible_plans(request.user),
        units=filterable_units(request.user),
        all_leaders=office,
    )
    filters = form.filters()
    # Each colour is counted under the other filters: exactly from the kept tallies when one
    # row answers, else up to the cap.
    counts = {colour: Tally(0) for colour in Colour.values}
    kept = kept_counts(filters, None if office else official_of(request.user))
    if kept is not None:
        counts |= {colour: Tally(n) for colour, n in kept.items()}
    else:
        statuses = TaskStatus.objects.filter(task__in=visible.matching(**{**filters, "colour": ""}))
        counts |= group_counts(statuses, "colour", Colour.values)
    rated = visible.matching(**filters).filter(supervision_status__isnull=False)
    if wants_xlsx(request):
        return ledger_response(rated, "督办总览", request.user)
    rated = rated.select_related("plan", "supervision_status").prefetch_related(
        Prefetch("assignments", Assignment.objects.select_related("unit"))
    )
    if form.cleaned_data.get("sort") == "order":
        # Printed order walks the ledger_task_plan_position index.
        page = keyset_page(rated, ["plan_id", "position", "pk"], request.GET, size=PAGE_SIZE)
    else:
        # By severity: one colour after the other, each longest in its colour first along
        # the supervision_status_severity index, so no page sorts every status.
        rated = rated.annotate(
            status_since=F("supervision_status__since"),
            status_task=F("supervision_status__task_id"),
        )
        colours = [Q(supervision_status__colour=colour) for colour in SEVERITY]
        keys = ["status_since", "status_task"]
        page = keyset_page(rated, keys, request.GET, size=PAGE_SIZE, groups=colours)
    ctx = {
        "form": form,
        "counts": TaskStatus.count_rows(counts),
        "unscheduled_plans": _unscheduled_plans(request.user, visible),
        "page": page,
        "query": page_query(request.GET),
    }
    return render(request, "supervision/overview.html", ctx)


@require_POST
@office_required
def refresh(request):
    """Recompute every task's status in the background; the job's page shows how far it got."""
    return redirect(start_refresh(request.user))


@office_required
def notice_issue(request, task_pk: int):
    task = get_task_for_user(request.user, task_pk)
    units = notice_units(task)
    if not units:
        messages.error(request, "该任务没有责任单位，无法下发督办单。")
        return redirect(task)
    initial = {
        "reason": SupervisionNotice.suggested_reason(task),
        "signer": request.user.get_full_name() or request.user.get_username(),
        "copied_to": list(task.leaders.all()),
    }
    form = NoticeForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            notice = SupervisionNotice.issue(task=task, user=request.user, **form.cleaned_data)
        except TransitionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, f"已向{notice.unit}下发{notice.get_tier_display()}督办单{notice.number}。"
            )
            return redirect(notice)
    return render(request, "supervision/notice_form.html", {"task": task, "form": form})


@login_required
def notice_list(request):
    notices = access.visible_supervision_notices(request.user).select_related("task", "unit")
    ctx = _list_by_state(
        request, notices, NoticeState, open_states=[NoticeState.ISSUED], started="issued_at"
    )
    return render(request, "supervision/notice_list.html", ctx)


def _notice_page(request, notice, form=None):
    office = is_office(request.user)
    ctx = {
        "notice": notice,
        "attachments": notice.attachments.all(),
        "form": form or ResponseForm(),
        "close_form": CloseForm(),
        "may_respond": notice.state == NoticeState.ISSUED
        and access.may_respond(request.user, notice),
        "may_close": office and notice.state == NoticeState.RESPONDED,
        "may_escalate": office
        and notice.state in (NoticeState.ISSUED, NoticeState.RESPONDED)
        and notice.next_tier is not None,
    }
    return render(request, "supervision/notice_detail.html", ctx)


@login_required
def notice_detail(request, pk: int):
    notice = access.get_supervision_notice_for_user(request.user, pk)
    return _notice_page(request, notice)


@require_POST
@login_required
def notice_respond(request, pk: int):
    """The unit answers, with files; a refused file shows the form again with the text kept."""
    notice = access.get_supervision_notice_for_user(request.user, pk)
    if not access.may_respond(request.user, notice):
        raise PermissionDenied
    form = ResponseForm(request.POST, request.FILES)
    if not form.is_valid():
        return _notice_page(request, notice, form)
    try:
        notice.respond(form.cleaned_data["response"], request.user, form.cleaned_data["files"])
    except EvidenceError as error:
        form.add_error("files", str(error))
        return _notice_page(request, notice, form)
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "已反馈。")
    return redirect(notice)


@login_required
def notice_attachment(request, pk: int):
    """Serve a 反馈 file as a download: never rendered inline, never sniffed."""
    attachment = access.get_notice_attachment_for_user(request.user, pk)
    return download_response(attachment)


@require_POST
@office_required
def notice_escalate(request, pk: int):
    notice = access.get_supervision_notice_for_user(request.user, pk)
    try:
        notice = notice.escalate(request.user)
        messages.success(request, f"已升级为{notice.get_tier_display()}督办单。")
    except TransitionError as error:
        messages.error(request, str(error))
    return redirect(notice)


@require_POST
@office_required
def notice_close(request, pk: int):
    notice = access.get_supervision_notice_for_user(request.user, pk)
    form = CloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请填写办结意见。")
        return redirect(notice)
    try:
        notice.close(request.user, form.cleaned_data["remarks"])
        messages.success(request, "督办单已办结。")
    except TransitionError as error:
        messages.error(request, str(error))
    return redirect(notice)


@login_required
def problem_raise(request, task_pk: int):
    """Any responsible unit of the task raises a problem on it."""
    task = get_task_for_user(request.user, task_pk)
    if not access.is_responsible_unit(request.user, task):
        raise PermissionDenied
    form = ProblemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        unit = unit_of(request.user)
        problem = Problem.raise_on(task=task, unit=unit, user=request.user, **form.cleaned_data)
        messages.success(request, "问题已提出，牵头单位将收到通知。")
        return redirect(problem)
    return render(request, "supervision/problem_form.html", {"task": task, "form": form})


@login_required
def problem_list(request):
    problems = access.visible_problems(request.user).select_related("task", "unit")
    ctx = _list_by_state(
        request, problems, ProblemState, open_states=Problem.OPEN_STATES, started="raised_at"
    )
    return render(request, "supervision/problem_list.html", ctx)


@login_required
def problem_detail(request, pk: int):
    problem = access.get_problem_for_user(request.user, pk)
    actions = access.problem_actions(request.user, problem)
    forms = [(a, ProblemActionForm(action=a)) for a in access.PROBLEM_ACTION_STATES if a in actions]
    ctx = {
        "problem": problem,
        "notes": problem.notes.select_related("unit", "author"),
        "instructions": problem.instructions.select_related("official").prefetch_related(
            access.RECIPIENTS
        ),
        "forms": forms,
    }
    return render(request, "supervision/problem_detail.html", ctx)


@require_POST
@login_required
def problem_action(request, pk: int, action: str):
    problem = access.get_problem_for_user(request.user, pk)
    if action not in access.PROBLEM_ACTION_STATES:
        raise Http404
    if not access.may_act_on_problem(request.user, problem, action):
        raise PermissionDenied
    form = ProblemActionForm(request.POST, action=action)
    if not form.is_valid():
        messages.error(request, f"请填写{form.fields['text'].label}。")
        return redirect(problem)
    text, user = form.cleaned_data["text"], request.user
    try:
        if action == "coordinate":
            unit = unit_of(user)
            problem.coordinate(unit=unit, text=text, user=user)
        elif action == "escalate":
            problem.escalate(reason=text, user=user)
        elif action == "instruct":
            problem.instruct(official=official_of(user), text=text, user=user)
        elif action == "resolve":
            problem.resolve(resolution=text, user=user)
        else:
            problem.close(user=user)
        messages.success(request, ACTION_DONE[action])
    except TransitionError as error:
        messages.error(request, str(error))
    return redirect(problem)


@login_required
def instruction_new(request, task_pk: int):
    """A task's leader (or their secretary) writes a 批示 on the task or one of its reports."""
    task = get_task_for_user(request.user, task_pk)
    if not access.may_instruct(request.user, task):
        raise PermissionDenied
    reports = visible_reports(request.user).filter(task=task).not_draft()
    form = InstructionForm(
        request.POST or None,
        initial={"report": parse_id(request.GET.get("report"))},
        units=responsible_units(task).order_by("name"),
        reports=reports.select_related("cycle", "unit", "task").order_by("-cycle__due_on"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            instruction = Instruction.write(
                task=task,
                official=official_of(request.user),
                user=request.user,
                **form.cleaned_data,
            )
        except TransitionError as error:
            form.add_error(None, str(error))
        else:
            names = "、".join(unit.name for unit in form.cleaned_data["units"])
            messages.success(request, f"批示已送达{names}。")
            return redirect(instruction)
    return render(request, "supervision/instruction_form.html", {"task": task, "form": form})


@login_required
def instruction_detail(request, pk: int):
    instruction = access.get_instruction_for_user(request.user, pk)
    feedback = access.pending_feedback(request.user, instruction)
    ctx = {
        "instruction": instruction,
        "feedback": feedback,
        "form": FeedbackForm() if feedback else None,
        "may_close": instruction.state == InstructionState.OPEN
        and access.may_close_instruction(request.user, instruction),
    }
    return render(request, "supervision/instruction_detail.html", ctx)


@require_POST
@login_required
def instruction_answer(request, pk: int):
    """A named unit's liaison answers a 批示 with its 落实反馈."""
    instruction = access.get_instruction_for_user(request.user, pk)
    unit = unit_of(request.user)
    if unit is None:
        raise PermissionDenied
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请填写落实情况。")
        return redirect(instruction)
    try:
        instruction.answer(unit=unit, text=form.cleaned_data["answer"], user=request.user)
        messages.success(request, "落实情况已反馈。")
    except TransitionError as error:
        messages.error(request, str(error))
    return redirect(instruction)


@require_POST
@login_required
def instruction_close(request, pk: int):
    instruction = access.get_instruction_for_user(request.user, pk)
    if not access.may_close_instruction(request.user, instruction):
        raise PermissionDenied
    try:
        instruction.close(request.user)
        messages.success(request, "批示已办结。")
    except TransitionError as error:
        messages.error(request, str(error))
    return redirect(instruction)


@login_required
def notifications(request):
    items = request.user.notifications.all()
    page = keyset_page(items, ["-created_at", "-pk"], request.GET, size=PAGE_SIZE)
    ctx = {"page": page, "unread": bounded_count(items.unread()), "query": page_query(request.GET)}
    return render(request, "supervision/notifications.html", ctx)


@require_POST
@login_required
def notification_read(request, pk: int):
    """Mark one notification read and follow its link (only a link within duban)."""
    notification = access.get_notification_for_user(request.user, pk)
    notification.mark_read()
    safe = url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None)
    return redirect(notification.url if notification.url and safe else "supervision:notifications")
