"""The ledger (台账) list and the task page."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import render

from duban.accounts.access import get_profile, is_office, unit_of
from duban.exports.ledger import ledger_response, wants_xlsx
from duban.ledger.access import (
    filterable_officials,
    filterable_units,
    get_task_for_user,
    visible_officials,
    visible_plans,
    visible_tasks,
    visible_units,
)
from duban.ledger.choices import PlanKind
from duban.ledger.forms import LedgerFilterForm
from duban.ledger.models import LONG_TITLE_FIELDS, Task
from duban.ledger.rows import ledger_rows
from duban.lib.counts import Tally, group_counts
from duban.lib.keyset import keyset_page, page_query

PAGE_SIZE = 50
# The ledger's printed order, which ledger_rows sorts by and the pages are cut along.
LEDGER_KEYS = ["plan_id", "position", "pk"]


def filter_choices(user) -> dict:
    """The plans, leaders and units the user can filter by: those on their own tasks.

    They only validate the chosen id; their type-ahead lists the others.
    """
    return {
        "plans": visible_plans(user).select_related("notice").only(*LONG_TITLE_FIELDS),
        "leaders": filterable_officials(user),
        "units": filterable_units(user),
    }


@login_required
def task_list(request):
    visible = visible_tasks(request.user)
    form = LedgerFilterForm(request.GET, **filter_choices(request.user))
    tasks = visible.matching(**form.filters(), own_unit=unit_of(request.user))
    if wants_xlsx(request):
        return ledger_response(tasks, "督办台账", request.user)
    page = keyset_page(ledger_rows(tasks, request.user), LEDGER_KEYS, request.GET, size=PAGE_SIZE)
    kinds = group_counts(tasks, "plan__kind", PlanKind.values)
    ctx = {
        "form": form,
        "page": page,
        "counts": [(kind.label, kinds[kind]) for kind in PlanKind if kind in kinds],
        "total": sum(kinds.values(), Tally(0)),
        "query": page_query(request.GET),
        "no_profile": get_profile(request.user) is None and not is_office(request.user),
    }
    return render(request, "ledger/task_list.html", ctx)


@login_required
def task_detail(request, pk: int):
    task = get_task_for_user(request.user, pk)
    leaders = list(task.task_leaders.select_related("official"))
    assignments = list(task.assignments.select_related("unit", "resolved_from__unit"))
    unit_ids = {a.unit_id for a in assignments}
    # The other copies of a task printed twice; linked where the user may open them.
    reported_on = task.reported_on
    copies = Task.objects.filter(Q(pk=reported_on.pk) | Q(twin_of=reported_on)).exclude(pk=task.pk)
    ctx = {
        "task": task,
        "copies": list(copies.select_related("plan")),
        "linked_copies": set(
            visible_tasks(request.user).filter(pk__in=copies).values_list("pk", flat=True)
        ),
        "leaders": leaders,
        "assignments": [a for a in assignments if a.from_notice],
        "resolutions": [a for a in assignments if not a.from_notice],
        "override_units": list(task.lead_override_units.all()),
        "linked_units": set(
            visible_units(request.user).filter(pk__in=unit_ids).values_list("pk", flat=True)
        ),
        "linked_officials": set(
            visible_officials(request.user)
            .filter(pk__in=[tl.official_id for tl in leaders])
            .values_list("pk", flat=True)
        ),
    }
    return render(request, "ledger/task_detail.html", ctx)
