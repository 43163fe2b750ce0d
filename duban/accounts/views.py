from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from duban.accounts.access import office_required
from duban.accounts.forms import UnlockForm
from duban.accounts.lockouts import current_locks, unlock


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
