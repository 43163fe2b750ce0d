"""The office resolves placeholder units (相关街镇, 各相关单位) to concrete units per task."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render

from duban.accounts.access import office_required
from duban.ledger.choices import TaskState, UnitKind
from duban.ledger.forms import ResolvePlaceholderForm
from duban.ledger.models import Assignment
from duban.ledger.registry import resolve_placeholder


def placeholder_assignments():
    return Assignment.objects.filter(
        unit__kind=UnitKind.PLACEHOLDER, task__status=TaskState.ACTIVE
    ).select_related("unit", "task__plan")


def choices_by_kind(form) -> list[tuple[str, list]]:
    """The unit checkboxes grouped under their kind, in the order UnitKind declares."""
    groups = {kind: [] for kind in UnitKind}
    for choice in form["units"]:
        groups[choice.data["value"].instance.kind].append(choice)
    return [(kind.label, choices) for kind, choices in groups.items() if choices]


@office_required
def placeholder_list(request):
    assignments = placeholder_assignments().prefetch_related(
        Prefetch("resolutions", Assignment.objects.select_related("unit"))
    )
    return render(request, "ledger/placeholder_list.html", {"assignments": assignments})


@office_required
def placeholder_resolve(request, pk: int):
    placeholder = get_object_or_404(placeholder_assignments(), pk=pk)
    present = placeholder.task.assignments.values_list("unit_id", flat=True)
    data = request.POST if request.method == "POST" else None
    form = ResolvePlaceholderForm(data, exclude=present)
    if request.method == "POST" and form.is_valid():
        created = resolve_placeholder(placeholder, form.cleaned_data["units"], user=request.user)
        names = "、".join(a.unit.name for a in created)
        messages.success(request, f"已将“{placeholder.unit.name}”细化为：{names}。")
        return redirect(placeholder.task)
    resolutions = placeholder.resolutions.select_related("unit")
    ctx = {
        "placeholder": placeholder,
        "form": form,
        "resolutions": resolutions,
        "choice_groups": choices_by_kind(form),
    }
    return render(request, "ledger/placeholder_resolve.html", ctx)
