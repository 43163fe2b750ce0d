"""Who the user is: the office, a district leader, a unit's liaison, or nobody.

Each app's `access.py` builds its visibility rules on these (the ledger's in
`duban.ledger.access`); an object outside the user's scope is a 404 there, while an office-only
action page answers 403 to a logged-in user of another role (`office_required`).
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from duban.accounts.choices import LEADER_ROLES, MANAGED_ROLES, UserRole
from duban.accounts.models import Profile


def get_profile(user) -> Profile | None:
    """The user's profile, or None for anonymous users and users without one."""
    if not user.is_authenticated:
        return None
    # A missing reverse one-to-one raises a subclass of AttributeError.
    return getattr(user, "profile", None)


def _profile_as(user, role: str) -> Profile | None:
    """The user's profile when it has `role`, else None."""
    profile = get_profile(user)
    return profile if profile is not None and profile.role == role else None


def is_office(user) -> bool:
    return user.is_superuser or _profile_as(user, UserRole.OFFICE) is not None


def require_office(user) -> None:
    """Refuse (403) anyone but the office; `user` None is the system (a command), which may act."""
    if user is not None and not is_office(user):
        raise PermissionDenied("只有督查室可以执行此操作。")


def unit_id_of(user) -> int | None:
    """The id of the unit a unit liaison acts for, None for every other user."""
    profile = _profile_as(user, UserRole.UNIT)
    return None if profile is None else profile.unit_id


def unit_of(user):
    """The unit a unit liaison acts for (a `ledger.Unit`), None for every other user."""
    profile = _profile_as(user, UserRole.UNIT)
    return None if profile is None else profile.unit


def official_of(user):
    """The district leader a leader's or their secretary's account stands for (a
    `ledger.Official`), else None."""
    profile = get_profile(user)
    return profile.official if profile is not None and profile.role in LEADER_ROLES else None


def is_secretary(user) -> bool:
    """Whether the user is a leader's secretary, who acts for the leader (`official_of`)."""
    return _profile_as(user, UserRole.SECRETARY) is not None


def display_name(user) -> str:
    """The user's full name, else their log-in name, as a record shows who acted."""
    return user.get_full_name() or user.get_username()


def office_required(view):
    """Let only the office in: anonymous users go to the login page, other roles get a 403."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not is_office(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def visible_logins(user):
    """The liaisons' and leaders' log-ins the office manages; nothing for other users."""
    logins = User.objects.filter(profile__role__in=MANAGED_ROLES)
    if not is_office(user):
        logins = logins.none()
    return logins.select_related("profile__unit", "profile__official")


def get_login_for_user(user, pk: int) -> User:
    """A managed log-in, or a 404 when it is missing or not one the user may manage."""
    return get_object_or_404(visible_logins(user), pk=pk)


def acting_names(user_ids) -> dict[int, str]:
    """The name each user acts under in a sentence: their unit, their leader (or the leader
    through their secretary), or 督查室.

    Users without a profile are left out (the caller falls back to the user name). This
    causes a SQL query.
    """
    names = {}
    profiles = Profile.objects.filter(user_id__in=set(user_ids)).select_related(
        "user", "unit", "official"
    )
    for profile in profiles:
        if profile.role == UserRole.UNIT and profile.unit is not None:
            names[profile.user_id] = profile.unit.name
        elif profile.role == UserRole.LEADER and profile.official is not None:
            names[profile.user_id] = profile.official.name
        elif profile.role == UserRole.SECRETARY and profile.official is not None:
            secretary = display_name(profile.user)
            names[profile.user_id] = f"{profile.official.name}（由秘书{secretary}代为）"
        elif profile.role == UserRole.OFFICE:
            names[profile.user_id] = UserRole.OFFICE.label
    return names
