from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from duban.accounts.access import get_login_for_user, office_required
from duban.accounts.forms import UnlockForm
from duban.accounts.lockouts import current_locks, unlock
from duban.accounts.people import LoginError, deactivate, reactivate, reset_password


def lockout_terms() -> dict:
    return {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }


def locked_out(request, original_response=None, credentials=None):
    """The page django-axes answers a locked-out log-in with (AXES_LOCKOUT_CALLABLE)."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    ctx = {"username": username, **lockout_terms()}
    return render(request, "accounts/lockout.html", ctx, status=429)


@office_required
def lockout_list(request):
    return render(request, "accounts/lockouts.html", {"locks": current_locks(), **lockout_terms()})


@office_required
@require_POST
def lockout_lift(request):
    form = UnlockForm(request.POST)
    if not form.is_valid():
        messages.error(request, "解除锁定的请求无效。")
        return redirect("accounts:lockouts")
    kind, value = form.cleaned_data["kind"], form.cleaned_data["value"]
    unlock(kind, value, request.user)
    messages.success(request, f"已解除对“{value}”的登录锁定。")
    return redirect("accounts:lockouts")


def _back_to_people(request, login):
    """The people page, at the unit's or the leader's row the log-in belongs to."""
    profile = login.profile
    anchor = f"#unit-{profile.unit_id}" if profile.unit_id else f"#official-{profile.official_id}"
    return redirect(reverse("ledger:people") + anchor)


@office_required
@require_POST
def login_deactivate(request, pk: int):
    login = get_login_for_user(request.user, pk)
    try:
        deactivate(login, request.user)
    except LoginError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"已停用账号“{login.get_username()}”，该账号不能再登录。")
    return _back_to_people(request, login)


@office_required
@require_POST
def login_reactivate(request, pk: int):
    login = get_login_for_user(request.user, pk)
    try:
        reactivate(login, request.user)
    except LoginError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"已启用账号“{login.get_username()}”。")
    return _back_to_people(request, login)


@office_required
@require_POST
@never_cache
def login_password_reset(request, pk: int):
    """A new password, shown in this answer only."""
    new = reset_password(get_login_for_user(request.user, pk), request.user)
    return render(request, "accounts/new_password.html", {"new": [new], "created": False})
