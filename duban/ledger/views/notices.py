"""Notices and their plans (annexes)."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render

from duban.accounts.access import is_office, office_required
from duban.ledger.access import get_notice_for_user, get_plan_for_user, visible_tasks
from duban.ledger.choices import TaskState
from duban.ledger.models import Notice
from duban.ledger.rows import ledger_rows


@office_required
def notice_list(request):
    notices = (
        Notice.objects.select_related("uploaded_by")
        .annotate(
            plan_count=Count("plans", distinct=True),
            task_count=Count("plans__tasks", filter=Q(plans__tasks__status=TaskState.ACTIVE)),
        )
        .order_by(*Notice._meta.ordering)
    )
    return render(request, "ledger/notice_list.html", {"notices": notices})


@login_required
def notice_detail(request, pk: int):
    notice = get_notice_for_user(request.user, pk)
    visible = visible_tasks(request.user).active()
    # A GROUP BY drops the model's default ordering: the annexes would come in any order.
    plans = notice.plans.annotate(
        task_count=Count("tasks", filter=Q(tasks__in=visible)),
    ).order_by("position")
    ctx = {"notice": notice, "plans": plans, "show_source": is_office(request.user)}
    return render(request, "ledger/notice_detail.html", ctx)


@login_required
def plan_detail(request, pk: int):
    plan = get_plan_for_user(request.user, pk)
    tasks = ledger_rows(visible_tasks(request.user).active().in_plan(plan), request.user)
    sections = {}
    for task in tasks:
        sections.setdefault(task.section, []).append(task)
    # The office is prompted to schedule the reporting that statuses are judged on.
    unscheduled = is_office(request.user) and not plan.cycles.exists()
    ctx = {"plan": plan, "sections": sections, "unscheduled": unscheduled}
    return render(request, "ledger/plan_detail.html", ctx)
