"""The office's people pages: each unit's liaisons and each leader's log-ins, new log-ins and
the import of a liaison list. A new password is shown in the answer to the POST that made it,
once: it is never stored where a later page could read it back.
"""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from duban.accounts.access import office_required
from duban.accounts.choices import LEADER_ROLES, UserRole
from duban.accounts.forms import LeaderLoginForm, LiaisonFileForm, LoginForm
from duban.accounts.models import Profile
from duban.accounts.people import LoginError, create_login
from duban.ledger.forms import UnitFilterForm
from duban.ledger.liaisons import LiaisonFileError, from_signed, import_liaisons, read_liaisons
from duban.ledger.models import Official, Unit


def _logins(roles: list[str]) -> Prefetch:
    profiles = (
        Profile.objects.filter(role__in=roles).select_related("user").order_by("user__username")
    )
    return Prefetch("profiles", queryset=profiles, to_attr="logins")


@office_required
def people(request):
    form = UnitFilterForm(request.GET)
    units = Unit.objects.concrete().prefetch_related(_logins([UserRole.UNIT]))
    if form.is_valid() and form.cleaned_data["q"]:
        units = units.filter(name__contains=form.cleaned_data["q"])
    ctx = {
        "form": form,
        "officials": Official.objects.prefetch_related(_logins(LEADER_ROLES)),
        "units": units,
    }
    return render(request, "accounts/people.html", ctx)


def _create(request, form, *, unit=None, official=None):
    if request.method == "POST" and form.is_valid():
        # A unit's log-in is its liaison's; a leader's form says whose it is (leader, secretary).
        fields = {"role": UserRole.UNIT, **form.cleaned_data}
        try:
            new = create_login(request.user, unit=unit, official=official, **fields)
        except LoginError as error:
            form.add_error("username", str(error))
        else:
            return render(request, "accounts/new_password.html", {"new": [new], "created": True})
    ctx = {"form": form, "unit": unit, "official": official}
    return render(request, "accounts/login_form.html", ctx)


@office_required
@never_cache
def unit_login_create(request, pk: int):
    unit = get_object_or_404(Unit.objects.concrete(), pk=pk)
    return _create(request, LoginForm(request.POST or None), unit=unit)


@office_required
@never_cache
def official_login_create(request, pk: int):
    official = get_object_or_404(Official, pk=pk)
    return _create(request, LeaderLoginForm(request.POST or None), official=official)


@office_required
def liaison_import(request):
    form = LiaisonFileForm(request.POST or None, request.FILES or None)
    liaisons = None
    if request.method == "POST" and form.is_valid():
        try:
            liaisons = read_liaisons(form.cleaned_data["file"].read())
        except LiaisonFileError as error:
            form.add_error("file", str(error))
    return render(request, "accounts/liaison_import.html", {"form": form, "liaisons": liaisons})


@office_required
@require_POST
@never_cache
def liaison_import_confirm(request):
    try:
        liaisons = from_signed(request.POST.get("rows", ""))
    except LiaisonFileError as error:
        messages.error(request, str(error))
        return redirect("ledger:liaison-import")
    if not liaisons.ok:
        # Checked again on confirming: a user name may have been taken since the preview.
        messages.error(request, "名单中有错误的行，未导入任何账号。")
        ctx = {"form": LiaisonFileForm(), "liaisons": liaisons}
        return render(request, "accounts/liaison_import.html", ctx)
    try:
        created = import_liaisons(liaisons, request.user)
    except LiaisonFileError as error:
        messages.error(request, str(error))
        return redirect("ledger:liaison-import")
    return render(request, "accounts/new_password.html", {"new": created, "created": True})
