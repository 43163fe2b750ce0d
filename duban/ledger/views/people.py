"""Leader and unit pages, the unit registry and the office's unit actions."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from duban.accounts.access import is_office, office_required
from duban.exports.ledger import ledger_response, wants_xlsx
from duban.ledger.access import (
    get_official_for_user,
    get_unit_for_user,
    visible_plans,
    visible_tasks,
)
from duban.ledger.choices import AssignmentRole, UnitKind
from duban.ledger.forms import MergeUnitsForm, UnitFilterForm, UnitKindForm
from duban.ledger.models import Assignment, Plan, Unit
from duban.ledger.registry import merge_units, set_kind
from duban.ledger.rows import ledger_rows
from duban.ledger.views.tasks import PAGE_SIZE
from duban.lib.counts import bounded_count
from duban.lib.keyset import keyset_page, page_query
from duban.lib.transitions import TransitionError

# Tasks a leader's or a unit's page lists per group, as many as a page of the ledger, which
# lists the rest: a province's unit answers for hundreds of tasks, each row costing ~0.5 ms
# to render.
GROUP_SIZE = PAGE_SIZE


@dataclass
class Group:
    """Some of a person's or a unit's tasks: the first GROUP_SIZE, the total, and where the
    ledger lists them all."""

    label: str
    tasks: list
    total: int
    query: str = ""
    plan: Plan | None = None


def _group(
    user, label: str, tasks, query: dict | None = None, total: int | None = None, **fields
) -> Group:
    # A page costs what it shows: a province's unit may answer for thousands of tasks.
    rows = list(ledger_rows(tasks, user)[:GROUP_SIZE])
    if total is None:
        total = len(rows) if len(rows) < GROUP_SIZE else tasks.count()
    return Group(label, rows, total, urlencode(query) if query else "", **fields)


@login_required
def official_detail(request, pk: int):
    official = get_official_for_user(request.user, pk)
    tasks = visible_tasks(request.user).active().for_official(official)
    if wants_xlsx(request):
        return ledger_response(tasks, f"{official.name}牵头任务", request.user)
    counts = dict(tasks.order_by().values_list("plan").annotate(n=Count("pk")))
    plans = visible_plans(request.user).filter(pk__in=counts).select_related("notice")
    groups = [
        _group(
            request.user,
            plan.title,
            tasks.filter(plan=plan),
            {"leader": official.pk, "plan": plan.pk},
            total=counts[plan.pk],
            plan=plan,
        )
        for plan in plans.order_by("notice_id", "position")
    ]
    ctx = {"official": official, "groups": groups, "total": sum(counts.values())}
    return render(request, "ledger/official_detail.html", ctx)


@login_required
def unit_detail(request, pk: int):
    unit = get_unit_for_user(request.user, pk)
    tasks = visible_tasks(request.user).active().for_unit(unit)
    if wants_xlsx(request):
        return ledger_response(tasks, f"{unit.name}任务", request.user)
    overridden = tasks.filter(lead_override_units=unit)
    # A unit has one assignment per task (ledger_assignment_unique_task_unit).
    assigned = tasks.exclude(pk__in=overridden.values("pk"))
    groups = [_group(request.user, "改由本单位牵头", overridden)] + [
        _group(
            request.user,
            role.label,
            assigned.filter(assignments__unit=unit, assignments__role=role),
            {"unit": unit.pk, "role": role.value},
        )
        for role in AssignmentRole
    ]
    shown = [group for group in groups if group.total or group.label in AssignmentRole.labels]
    ctx = {"unit": unit, "groups": shown}
    if is_office(request.user):
        ctx["aliases"] = list(unit.aliases.all())
        ctx["kind_form"] = UnitKindForm(initial={"kind": unit.kind})
        ctx["merge_form"] = MergeUnitsForm(keep=unit)
    return render(request, "ledger/unit_detail.html", ctx)


@office_required
def unit_list(request):
    units = Unit.objects.all()
    filters = UnitFilterForm(request.GET).filters()
    kind, q = filters.get("kind", ""), filters.get("q", "")
    if kind:
        units = units.filter(kind=kind)
    if q:
        units = units.filter(Q(name__icontains=q) | Q(aliases__alias__icontains=q)).distinct()
    # By name, along the unique index on it.
    page = keyset_page(units, ["name", "pk"], request.GET, size=PAGE_SIZE)
    _count_roles(page.object_list)
    ctx = {
        "page": page,
        "total": bounded_count(units),
        "kinds": UnitKind.choices,
        "kind": kind,
        "q": q,
        "query": page_query(request.GET),
    }
    return render(request, "ledger/unit_list.html", ctx)


def _count_roles(units: list[Unit]) -> None:
    """Set each unit's lead, joint and support: its tasks per role, for the page's units only."""
    counts = (
        Assignment.objects.filter(unit__in=units)
        .values("unit_id", "role")
        .annotate(n=Count("pk"))
        .order_by()
    )
    found = {(row["unit_id"], row["role"]): row["n"] for row in counts}
    for unit in units:
        unit.lead = found.get((unit.pk, AssignmentRole.LEAD), 0)
        unit.joint = found.get((unit.pk, AssignmentRole.JOINT), 0)
        unit.support = found.get((unit.pk, AssignmentRole.SUPPORT), 0)


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
    try:
        merge_units(keep, drop, user=request.user)
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"已将“{name}”并入“{keep.name}”，原名称保留为别名。")
    return redirect(keep)
