"""Who may see which ledger objects (tasks, units, leaders, plans, notices, import previews).

The rules, one for each object type:

- The office (督查室, and every superuser) sees everything.
- A district leader sees the tasks they lead (the task's effective leaders, see
  `TaskLeader`), their own leader page, and the pages of the units, plans and notices
  those tasks belong to.
- A unit liaison sees the tasks their unit is assigned to in any role, including tasks
  where the office resolved a placeholder (相关街镇) to their unit and tasks whose remark
  moves the lead to their unit (由区委政法委牵头), their own unit's page, and the plans and
  notices of those tasks. They do not open leader pages.
- A logged-in user without a profile sees no object at all.
- An import preview (ImportDraft) is the office's: every office user may open it, nobody
  else (404).

Every page lists only the tasks of `visible_tasks(user)`, so a leader opening a unit's page
sees that unit's tasks in their portfolio, not the unit's whole workload.

Two kinds of denial, on purpose: an object outside the user's scope is a 404 (the page
does not say whether it exists), while an office-only action page (import, the unit
registry, placeholder resolution, merging units, editing a unit's kind) answers 403 to a
logged-in user of another role, because such a page exists for everybody and only the role
is missing. Anonymous users are sent to the login page by both.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from duban.accounts.access import is_office, official_of, unit_id_of, unit_of
from duban.ledger.models import (
    Assignment,
    ImportDraft,
    Notice,
    Official,
    Plan,
    Task,
    TaskLeader,
    Unit,
)


def visible_tasks(user) -> QuerySet[Task]:
    """The tasks the user may see, in any state."""
    if is_office(user):
        return Task.objects.all()
    if (official := official_of(user)) is not None:
        return Task.objects.for_official(official)
    if (unit := unit_of(user)) is not None:
        return Task.objects.for_unit(unit)
    return Task.objects.none()


def visible_units(user) -> QuerySet[Unit]:
    if is_office(user):
        return Unit.objects.all()
    if (unit_id := unit_id_of(user)) is not None:
        return Unit.objects.filter(pk=unit_id)
    if official_of(user) is not None:
        tasks = visible_tasks(user)
        assigned = Assignment.objects.filter(task__in=tasks).values("unit_id")
        overriding = Task.lead_override_units.through.objects.filter(task__in=tasks)
        return Unit.objects.filter(Q(pk__in=assigned) | Q(pk__in=overriding.values("unit_id")))
    return Unit.objects.none()


def visible_officials(user) -> QuerySet[Official]:
    if is_office(user):
        return Official.objects.all()
    if (official := official_of(user)) is not None:
        return Official.objects.filter(pk=official.pk)
    return Official.objects.none()


def filterable_units(user) -> QuerySet[Unit]:
    """The units the user may filter lists by: all for the office, else those assigned to the
    user's own tasks (a liaison filters by partner units whose pages they do not open)."""
    if is_office(user):
        return Unit.objects.all()
    return Unit.objects.filter(
        pk__in=Assignment.objects.filter(task__in=visible_tasks(user)).values("unit_id")
    )


def filterable_officials(user) -> QuerySet[Official]:
    """The leaders the user may filter lists by: all for the office, else those leading the
    user's own tasks."""
    if is_office(user):
        return Official.objects.all()
    return Official.objects.filter(
        pk__in=TaskLeader.objects.filter(task__in=visible_tasks(user)).values("official_id")
    )


def visible_plans(user) -> QuerySet[Plan]:
    if is_office(user):
        return Plan.objects.all()
    return Plan.objects.filter(pk__in=visible_tasks(user).values("plan_id"))


def visible_notices(user) -> QuerySet[Notice]:
    if is_office(user):
        return Notice.objects.all()
    return Notice.objects.filter(pk__in=visible_tasks(user).values("plan__notice_id"))


def get_task_for_user(user, pk: int) -> Task:
    """The task, or 404 when it does not exist or lies outside the user's scope."""
    return get_object_or_404(visible_tasks(user).select_related("plan__notice", "section"), pk=pk)


def get_unit_for_user(user, pk: int) -> Unit:
    return get_object_or_404(visible_units(user), pk=pk)


def get_official_for_user(user, pk: int) -> Official:
    return get_object_or_404(visible_officials(user), pk=pk)


def get_plan_for_user(user, pk: int) -> Plan:
    return get_object_or_404(visible_plans(user).select_related("notice"), pk=pk)


def get_notice_for_user(user, pk: int) -> Notice:
    return get_object_or_404(visible_notices(user), pk=pk)


def get_draft_for_user(user, pk: int) -> ImportDraft:
    """An import preview, for any office user; a 404 for everybody else, as for objects
    outside their scope."""
    if not is_office(user):
        raise Http404
    return get_object_or_404(ImportDraft.objects.select_related("uploaded_by"), pk=pk)
