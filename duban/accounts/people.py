"""The office's log-ins for unit liaisons and leaders: created, stopped, restarted, reset.

A password is generated, handed back once for the office to pass on, and kept only as a hash.
"""

import re
import secrets
from dataclasses import dataclass

from axes.utils import reset
from django.contrib.auth.models import User
from django.db import transaction

from duban.accounts.access import require_office
from duban.accounts.actions import AccountAction
from duban.accounts.models import Profile
from duban.audit.log import record

# Letters and digits that cannot be mistaken for one another when read out or copied by hand.
_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PASSWORD_LENGTH = 12
PHONE = re.compile(r"\+?[0-9][0-9-]{4,19}")


class LoginError(Exception):
    """A change the log-in's state does not allow now; the message is for the office."""


@dataclass
class NewPassword:
    """A log-in and the password it was just given, to be shown once."""

    user: User
    password: str


def generate_password() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(PASSWORD_LENGTH))


def username_taken(username: str) -> bool:
    # Case-insensitive, so that "Bob" and "bob" are not two log-ins people confuse.
    return User.objects.filter(username__iexact=username).exists()


def login_data(user: User) -> dict:
    profile = user.profile
    return {
        "username": user.get_username(),
        "role": profile.role,
        "unit": profile.unit.name if profile.unit_id else None,
        "official": profile.official.name if profile.official_id else None,
    }


@transaction.atomic
def create_login(
    by,
    *,
    role: str,
    username: str,
    name: str,
    email: str = "",
    phone: str = "",
    unit=None,
    official=None,
) -> NewPassword:
    """A log-in for a unit's liaison (`unit`) or a leader (`official`), with a new password."""
    require_office(by)
    if username_taken(username):
        raise LoginError(f"用户名“{username}”已被使用。")
    password = generate_password()
    user = User.objects.create_user(username, email, password, first_name=name)
    Profile.objects.create(user=user, role=role, unit=unit, official=official, phone=phone)
    record(AccountAction.CREATED, user, user=by, data=login_data(user))
    return NewPassword(user, password)


def _set_active(login: User, active: bool, refusal: str) -> None:
    # Compare-and-set: of two clicks on the same button, the second is refused, not repeated.
    if not User.objects.filter(pk=login.pk, is_active=not active).update(is_active=active):
        raise LoginError(refusal)
    login.is_active = active


@transaction.atomic
def deactivate(login: User, by) -> None:
    """Stop a log-in: it can no longer log in, and its open sessions end on their next request."""
    require_office(by)
    if by is not None and login.pk == by.pk:
        raise LoginError("不能停用自己的账号。")
    _set_active(login, False, "该账号已停用。")
    record(AccountAction.DEACTIVATED, login, user=by, data=login_data(login))


@transaction.atomic
def reactivate(login: User, by) -> None:
    require_office(by)
    _set_active(login, True, "该账号已启用。")
    record(AccountAction.REACTIVATED, login, user=by, data=login_data(login))


@transaction.atomic
def reset_password(login: User, by) -> NewPassword:
    """A new password for the log-in; its lockout, if any, is lifted with it."""
    require_office(by)
    password = generate_password()
    login.set_password(password)
    # A new password hash also ends the log-in's open sessions (their auth hash no longer fits).
    login.save(update_fields=["password"])
    attempts = reset(username=login.get_username())
    data = {**login_data(login), "attempts": attempts}
    record(AccountAction.PASSWORD_RESET, login, user=by, data=data)
    return NewPassword(login, password)
