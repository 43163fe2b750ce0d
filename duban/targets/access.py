"""Who may see targets and record their values, on top of `duban.accounts.access`."""

from django.shortcuts import get_object_or_404

from duban.accounts.access import get_profile, is_office, visible_tasks
from duban.accounts.choices import Role
from duban.targets.models import Target


def get_target_for_user(user, pk: int) -> Target:
    """The target, or 404 when its task lies outside the user's scope."""
    targets = Target.objects.for_tasks(visible_tasks(user)).select_related(
        "task__plan__notice", "metric"
    )
    return get_object_or_404(targets, pk=pk)


def can_record(user) -> bool:
    """The office enters values; a unit liaison reports them for the tasks of their unit."""
    profile = get_profile(user)
    return is_office(user) or (profile is not None and profile.role == Role.UNIT)
