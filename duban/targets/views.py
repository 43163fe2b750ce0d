from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from duban.accounts.access import is_office, office_required
from duban.ledger.access import get_notice_for_user, visible_tasks
from duban.lib import clock
from duban.lib.transitions import TransitionError
from duban.targets import access
from duban.targets.chart import trajectory
from duban.targets.choices import MetricKind, ValueSource
from duban.targets.forms import LinkAddForm, RevisionForm, ValueForm, ValueImportForm
from duban.targets.importing import ReleaseFileError, apply_values, read_values
from duban.targets.links import add_link, linked_path
from duban.targets.models import Measurement, Metric, Target, TargetLink
from duban.targets.pacing import status_of
from duban.targets.values import record_value


@login_required
def notice_links(request, pk: int):
    notice = get_notice_for_user(request.user, pk)
    links = (
        TargetLink.objects.in_notice(notice)
        .filter(annual__task__in=visible_tasks(request.user))
        .select_related("annual__task__plan", "five_year__task__plan__notice", "annual__metric")
        .order_by("five_year__task__plan__position", "five_year__task__position", "annual__pk")
    )
    groups: dict[int, dict] = {}
    for link in links:
        group = groups.setdefault(link.five_year_id, {"five_year": link.five_year, "links": []})
        group["links"].append(link)
    for group in groups.values():
        group["path"] = linked_path(group["five_year"])
    form = LinkAddForm(notice=notice) if is_office(request.user) else None
    ctx = {"notice": notice, "groups": list(groups.values()), "form": form}
    return render(request, "targets/notice_links.html", ctx)


@require_POST
@office_required
def change_link(request, pk: int, action: str):
    link = get_object_or_404(TargetLink.objects.select_related("annual__task__plan"), pk=pk)
    try:
        if action == "confirm":
            link.confirm(request.user)
        else:
            link.remove(request.user)
    except TransitionError as exc:
        messages.error(request, str(exc))
    return redirect(link)


@require_POST
@office_required
def link_add(request, pk: int):
    notice = get_notice_for_user(request.user, pk)
    form = LinkAddForm(request.POST, notice=notice)
    if form.is_valid():
        try:
            add_link(form.cleaned_data["annual"], form.cleaned_data["five_year"], request.user)
            messages.success(request, "已添加关联。")
        except TransitionError as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, "请选择年度目标和五年目标。")
    return redirect("targets:notice-links", notice.pk)


def _detail(request, target: Target, value_form: ValueForm | None = None):
    """The target page; `value_form` is the office's value form as posted, if it was refused."""
    today = clock.today()
    five_year_links = target.five_year_links.live().select_related("five_year__task__plan")
    if value_form is None and is_office(request.user):
        value_form = ValueForm(target=target)
    ctx = {
        "target": target,
        "status": status_of(target, today),
        "measurements": target.measurements_in_effect().select_related(
            "reported_by", "report__cycle", "report__unit"
        ),
        "revisions": target.revisions.select_related("user"),
        "paths": [linked_path(link.five_year) for link in five_year_links],
        "own_path": linked_path(target),
        "annual_links": target.annual_links.live().select_related("annual__task__plan"),
        "chart": trajectory(target, today),
        "value_form": value_form,
        "revision_form": RevisionForm(target=target) if is_office(request.user) else None,
    }
    return render(request, "targets/target_detail.html", ctx)


@login_required
def target_detail(request, pk: int):
    return _detail(request, access.get_target_for_user(request.user, pk))


@require_POST
@office_required
def target_value(request, pk: int):
    """The office enters a value; units report theirs with their consolidated report."""
    target = access.get_target_for_user(request.user, pk)
    form = ValueForm(request.POST, target=target)
    if not form.is_valid():
        messages.error(request, "未保存：" + " ".join(e for es in form.errors.values() for e in es))
        return _detail(request, target, form)
    try:
        record_value(
            target,
            form.cleaned_data["value"],
            form.cleaned_data["on_date"],
            user=request.user,
            source=ValueSource.OFFICE,
            note=form.cleaned_data["note"],
        )
    except TransitionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "数值已保存。")
    return redirect(target)


@office_required
def target_revise(request, pk: int):
    target = access.get_target_for_user(request.user, pk)
    form = RevisionForm(request.POST or None, target=target)
    if request.method == "POST" and form.is_valid():
        target.revise(
            form.cleaned_data["new_value"],
            reason=form.cleaned_data["reason"],
            document=form.cleaned_data["document"],
            effective_on=form.cleaned_data["effective_on"],
            user=request.user,
        )
        messages.success(request, "指标调整已登记。")
        return redirect(target)
    return render(request, "targets/target_revise.html", {"target": target, "form": form})


@login_required
def metric_list(request):
    """The macro indicators with their latest value, and the metrics of the user's targets."""
    targets = Target.objects.active().for_tasks(visible_tasks(request.user))
    latest = Measurement.objects.filter(metric=OuterRef("pk")).order_by("-on_date", "-pk")
    metrics = (
        access.visible_metrics(request.user)
        .filter(Q(kind=MetricKind.MACRO) | Q(targets__in=targets))
        .annotate(
            bound=Count("targets", filter=Q(targets__in=targets), distinct=True),
            latest_on=Subquery(latest.values("on_date")[:1]),
            latest_value=Subquery(latest.values("value")[:1]),
            latest_unit=Subquery(latest.values("unit")[:1]),
        )
        .order_by("kind", "name")
    )
    ctx = {"metrics": metrics, "office": is_office(request.user)}
    return render(request, "targets/metric_list.html", ctx)


@login_required
def metric_detail(request, pk: int):
    metric = access.get_metric_for_user(request.user, pk)
    targets = (
        metric.targets.active().for_tasks(visible_tasks(request.user)).select_related("task__plan")
    )
    ctx = {"metric": metric, "targets": targets, "measurements": metric.measurements.all()}
    return render(request, "targets/metric_detail.html", ctx)


@office_required
def import_values(request):
    form = ValueImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = read_values(upload.name, upload.read())
        except ReleaseFileError as exc:
            form.add_error("file", str(exc))
        else:
            if result.ok and not form.cleaned_data["dry_run"]:
                count = apply_values(result, user=request.user)
                messages.success(request, f"已导入 {count} 条统计数据。")
                return redirect("targets:import-values")
    ctx = {"form": form, "result": result, "metrics": Metric.objects.macro()}
    return render(request, "targets/import_values.html", ctx)
