"""The type-ahead answers of the plan, unit and leader filters, as JSON."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from duban.ledger.suggestions import suggest_officials, suggest_plans, suggest_units


class TypedForm(forms.Form):
    """What the user typed; a NUL or an overlong text matches nothing rather than failing."""

    q = forms.CharField(max_length=50, required=False)


def _answer(request, suggest) -> JsonResponse:
    form = TypedForm(request.GET)
    results = suggest(request.user, form.cleaned_data["q"]) if form.is_valid() else []
    return JsonResponse({"results": results})


@login_required
@require_GET
def unit_suggestions(request):
    return _answer(request, suggest_units)


@login_required
@require_GET
def official_suggestions(request):
    return _answer(request, suggest_officials)


@login_required
@require_GET
def plan_suggestions(request):
    return _answer(request, suggest_plans)
