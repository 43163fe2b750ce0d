"""Leader and unit pages, the unit registry and the office's unit actions."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from duban.accounts.access import (
    get_official_for_user,
    get_unit_for_user,
    is_office,
    office_required,
    visible_tasks,
)
from duban.ledger.choices import Role, UnitKind
from duban.ledger.forms import MergeUnitsForm, UnitKindForm
from duban.ledger.models import Unit
from duban.ledger.registry import merge_units, set_kind
from duban.ledger.views.tasks import PAGE_SIZE, ledger_rows


@login_required
def official_detail(request, pk: int):
    official = get_official_for_user(request.user, pk)
    tasks = ledger_rows(visible_tasks(request.user).active().for_official(official))
    plans = [(plan, list(rows)) for plan, rows in groupby(tasks, key=lambda t: t.plan)]
    ctx = {"official": official, "plans": plans, "total": sum(len(rows) for _, rows in plans)}
    return render(request, "ledger/official_detail.html", ctx)


@login_required
def unit_detail(request, pk: int):
    unit = get_unit_for_user(request.user, pk)
    tasks = visible_tasks(request.user).active().for_unit(unit)
    overridden = set(unit.override_tasks.values_list("pk", flat=True))
    groups = {"改由本单位牵头": [], **{role.label: [] for role in Role}}
    for task in ledger_rows(tasks):
        if task.pk in overridden:
            groups["改由本单位牵头"].append(task)
            continue
        # A unit has one assignment per task (ledger_assignment_unique_task_unit).
        role = next(a for a in task.assignments.all() if a.unit_id == unit.pk).get_role_display()
        groups[role].append(task)
    shown = [(label, rows) for label, rows in groups.items() if rows or label in Role.labels]
    ctx = {"unit": unit, "groups": shown}
    if is_office(request.user):
        ctx["aliases"] = list(unit.aliases.all())
        ctx["kind_form"] = UnitKindForm(initial={"kind": unit.kind})
        ctx["merge_form"] = MergeUnitsForm(keep=unit)
    return render(request, "ledger/unit_detail.html", ctx)


@office_required
def unit_list(request):
    units = Unit.objects.order_by("name").annotate(
        lead=Count("assignments", filter=Q(assignments__role=Role.LEAD)),
        joint=Count("assignments", filter=Q(assignments__role=Role.JOINT)),
        support=Count("assignments", filter=Q(assignments__role=Role.SUPPORT)),
    )
    kind = request.GET.get("kind", "")
    if kind in UnitKind.values:
        units = units.filter(kind=kind)
    q = request.GET.get("q", "").strip()
    if q:
        units = units.filter(Q(name__icontains=q) | Q(aliases__alias__icontains=q)).distinct()
    page = Paginator(units, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    ctx = {
        "page": page,
        "kinds": UnitKind.choices,
        "kind": kind,
        "q": q,
        "query": query.urlencode(),
    }
    return render(request, "ledger/unit_list.html", ctx)


@require_POST
@office_required
def unit_kind(request, pk: int):
    unit = get_unit_for_user(request.user, pk)
    form = UnitKindForm(request.POST)
    if form.is_valid():
        set_kind(unit, form.cleaned_data["kind"], user=request.user)
        messages.success(request, f"已将“{unit.name}”的类别设为{unit.get_kind_display()}。")
    else:
        messages.error(request, "请选择有效的单位类别。")
    return redirect(unit)


@require_POST
@office_required
def unit_merge(request, pk: int):
    keep = get_unit_for_user(request.user, pk)
    form = MergeUnitsForm(request.POST, keep=keep)
    if not form.is_valid():
        messages.error(request, "请选择要并入的单位。")
        return redirect(keep)
    drop = form.cleaned_data["drop"]
    name = drop.name
    merge_units(keep, drop, user=request.user)
    messages.success(request, f"已将“{name}”并入“{keep.name}”，原名称保留为别名。")
    return redirect(keep)
