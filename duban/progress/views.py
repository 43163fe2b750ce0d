from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from duban.accounts.access import is_office, office_required, unit_id_of, unit_of
from duban.ledger.access import get_task_for_user
from duban.ledger.choices import AssignmentRole
from duban.ledger.models import Assignment, Task
from duban.lib import clock
from duban.lib.keyset import keyset_page, page_query
from duban.lib.params import parse_count, parse_id
from duban.lib.stored_files import download_response
from duban.lib.transitions import StaleRecord, TransitionError
from duban.progress.access import (
    get_attachment_for_user,
    get_cycle_for_user,
    get_milestone_for_user,
    get_report_for_user,
    visible_reports,
)
from duban.progress.choices import CycleState, ReportKind, ReportState, ReviewDecision
from duban.progress.cycles import generate_cycles
from duban.progress.forms import (
    EvidenceUploadForm,
    GenerateCyclesForm,
    MilestoneForm,
    ReportForm,
    ReviewForm,
)
from duban.progress.milestones import propose_milestones
from duban.progress.models import Attachment, Milestone, Report, ReportingCycle
from duban.progress.owed import Deliveries
from duban.progress.targets import reportable_targets, value_rows
from duban.supervision.quality import flags_for_reports


def _require_own_report(user, report: Report) -> None:
    # Those who may read a report but not write it get a 403, the rest a 404 before this.
    if unit_id_of(user) != report.unit_id:
        raise PermissionDenied


@login_required
def my_reports(request):
    """A unit's tasks in the open cycles of their plans, with the state of its report on each."""
    unit_id = unit_id_of(request.user)
    if unit_id is None:
        if is_office(request.user):
            return redirect("progress:review-queue")
        raise PermissionDenied
    tasks = list(Task.objects.active().reported().for_unit(unit_id).select_related("plan"))
    cycles = ReportingCycle.objects.open().filter(plan__in={t.plan_id for t in tasks})
    # The unit's own reports, and the lead units' consolidated ones that settle its parts.
    found = Report.objects.filter(
        Q(unit_id=unit_id) | Q(kind=ReportKind.CONSOLIDATED, task__in=tasks), cycle__in=cycles
    ).select_related("cycle")
    deliveries = Deliveries.of(found)
    reports = {(r.cycle_id, r.task_id): r for r in found if r.unit_id == unit_id}
    roles = dict(
        Assignment.objects.filter(unit_id=unit_id, task__in=tasks).values_list("task_id", "role")
    )
    today = clock.today()
    rows = []
    for cycle in cycles:
        for task in tasks:
            if task.plan_id != cycle.plan_id:
                continue
            report = reports.get((cycle.pk, task.pk))
            rows.append(
                {
                    "cycle": cycle,
                    "task": task,
                    # No assignment: a remark made the unit lead the task (由区委政法委牵头).
                    "role": AssignmentRole(roles.get(task.pk, AssignmentRole.LEAD)),
                    "report": report,
                    # Late only while the unit still owes it, by the reminders' rule.
                    "overdue": cycle.due_on < today and deliveries.owes(cycle.pk, task.pk, unit_id),
                    # Owed no more: the lead unit's consolidated report speaks for the task.
                    "consolidated": (cycle.pk, task.pk) in deliveries.consolidated,
                }
            )
    return render(request, "progress/my_reports.html", {"rows": rows})


@require_POST
@login_required
def start_report(request, cycle_pk: int, task_pk: int):
    task = get_task_for_user(request.user, task_pk)
    cycle = get_cycle_for_user(request.user, cycle_pk)
    if unit_id_of(request.user) is None:
        raise PermissionDenied
    try:
        report = Report.start(task, unit_of(request.user), cycle, request.user)
    except TransitionError as exc:
        messages.error(request, str(exc))
        return redirect("progress:my-reports")
    return redirect("progress:report-edit", report.pk)


@login_required
def report_detail(request, pk: int):
    report = get_report_for_user(request.user, pk)
    is_lead = unit_id_of(request.user) == report.task.lead_unit_id
    returnable = report.state in (ReportState.SUBMITTED, ReportState.CONSOLIDATED)
    parts = Report.objects.none()
    if report.is_consolidated_kind:
        parts = (
            visible_reports(request.user)
            .parts_of(report)
            .not_draft()
            .select_related("unit")
            .prefetch_related("attachments")
            .order_by("unit__name")
        )
    ctx = {
        "report": report,
        "parts": parts,
        "reviews": report.reviews.select_related("reviewer"),
        "value_rows": value_rows(report),
        "is_own": unit_id_of(request.user) == report.unit_id,
        "can_review": is_office(request.user) and report.is_consolidated_kind,
        "can_return_part": is_lead and not report.is_consolidated_kind and returnable,
        "review_form": ReviewForm(),
    }
    return render(request, "progress/report_detail.html", ctx)


@login_required
def edit_report(request, pk: int):
    """The unit's report form. Every button saves the draft first, so nothing typed is lost:
    then a chosen file is attached, a file removed or the report submitted."""
    report = get_report_for_user(request.user, pk)
    _require_own_report(request.user, report)
    if not report.is_editable:
        messages.info(request, "该报告当前不能修改。")
        return redirect(report)
    targets = reportable_targets(report)
    submitting = "submit" in request.POST
    data = request.POST if request.method == "POST" else None
    form = ReportForm(data, report=report, targets=targets, submitting=submitting)
    upload_form = EvidenceUploadForm(data, request.FILES or None)
    stale, conflicts = False, []
    if data is not None and form.is_valid() and upload_form.is_valid():
        try:
            report.save_content(
                request.user, version=form.cleaned_data["version"], **form.content()
            )
        except StaleRecord:
            report.refresh_from_db()
            stale, conflicts = True, form.conflicts(report)
            # The typed text stays, now on the saved version: saving again replaces it knowingly.
            data = data.copy()
            data["version"] = report.version
            form = ReportForm(data, report=report, targets=targets, submitting=submitting)
            form.is_valid()
        except TransitionError as exc:
            form.add_error(None, str(exc))
        else:
            return _after_draft_saved(request, report, upload_form.cleaned_data["file"])
    ctx = {
        "report": report,
        "form": form,
        "upload_form": upload_form,
        "stale": stale,
        "conflicts": conflicts,
        "attachments": report.attachments.all(),
        # Any render after a POST means a file sent with it was not attached.
        "file_dropped": bool(request.FILES),
        "previous": report.previous(),
    }
    return render(request, "progress/report_form.html", ctx)


def _after_draft_saved(request, report: Report, upload):
    """Attach the chosen file, remove the one asked for, then submit if asked."""
    done = ["草稿已保存"]
    if upload is None and "upload" in request.POST:
        messages.error(request, "草稿已保存，但没有选择要上传的文件。")
        return redirect("progress:report-edit", report.pk)
    try:
        if upload is not None:
            Attachment.add(report, upload, request.user)
            done.append("佐证材料已上传")
        if (remove := parse_id(request.POST.get("remove"))) is not None:
            get_object_or_404(report.attachments, pk=remove).remove(request.user)
            done.append("已删除佐证材料")
    except TransitionError as exc:
        messages.error(request, f"{'，'.join(done)}，但佐证材料未能处理：{exc}")
        return redirect("progress:report-edit", report.pk)
    if "submit" not in request.POST:
        messages.success(request, "，".join(done) + "。")
        return redirect("progress:report-edit", report.pk)
    try:
        report.submit(request.user)
    except TransitionError as exc:
        messages.error(request, f"{'，'.join(done)}，但未能报送：{exc}")
        return redirect("progress:report-edit", report.pk)
    messages.success(request, "，".join([*done[1:], "报告已报送"]) + "。")
    return redirect(report)


@login_required
def consolidate(request, pk: int):
    """The lead unit's page: its cooperating units' parts beside its own report, and consolidating."""
    report = get_report_for_user(request.user, pk)
    _require_own_report(request.user, report)
    if not report.is_consolidated_kind:
        raise Http404
    if request.method == "POST":
        try:
            # A page without a version is as stale as one with an old version.
            version = parse_count(request.POST.get("version")) or 0
            report.consolidate(request.user, version=version)
        except TransitionError as exc:
            messages.error(request, str(exc))
            return redirect("progress:report-consolidate", report.pk)
        messages.success(request, "已汇总并报送督查室。")
        return redirect(report)
    parts = Report.objects.parts_of(report)
    assigned = report.task.assignments.exclude(unit_id=report.unit_id).select_related("unit")
    by_unit = {p.unit_id: p for p in parts.prefetch_related("attachments")}
    rows = [{"unit": a.unit, "part": by_unit.get(a.unit_id)} for a in assigned]
    ctx = {"report": report, "rows": rows, "editable": report.is_editable}
    return render(request, "progress/consolidate.html", ctx)


@require_POST
@login_required
def review(request, pk: int):
    """The office accepts or returns a consolidated report; the lead unit returns a part."""
    report = get_report_for_user(request.user, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, "；".join(errors))
        return redirect(report)
    decision, comment = form.cleaned_data["decision"], form.cleaned_data["comment"]
    try:
        if decision == ReviewDecision.ACCEPT:
            report.accept(request.user, comment)
        else:
            report.return_for_changes(request.user, comment)
    except TransitionError as exc:
        messages.error(request, str(exc))
        return redirect(report)
    messages.success(request, f"已{ReviewDecision(decision).label}。")
    if is_office(request.user):
        return redirect("progress:review-queue")
    return redirect(report)


@office_required
def review_queue(request):
    reports = (
        Report.objects.awaiting_review()
        .filter(cycle__state=CycleState.OPEN)
        .select_related("task", "unit", "cycle")
        .annotate(due_on=F("cycle__due_on"))
    )
    # The earliest due first, then the first delivered.
    page = keyset_page(reports, ["due_on", "submitted_at", "pk"], request.GET)
    flags = flags_for_reports(page.object_list)
    for report in page:
        report.flags = flags[report.pk]
    ctx = {"page": page, "query": page_query(request.GET)}
    return render(request, "progress/review_queue.html", ctx)


@login_required
def download_attachment(request, pk: int):
    """Serve an evidence file as a download: never rendered inline, never sniffed."""
    attachment = get_attachment_for_user(request.user, pk)
    return download_response(attachment)


@office_required
def cycle_list(request):
    plan_id = parse_id(request.GET.get("plan"))
    # The overview and a plan's page link here with ?plan= to schedule that plan's cycles.
    form = GenerateCyclesForm(initial={"year": clock.today().year, "plan": plan_id})
    return _cycle_list(request, form, plan_id)


def _cycle_list(request, form: GenerateCyclesForm, plan_id: int | None = None):
    cycles = ReportingCycle.objects.select_related("plan")
    if plan_id is not None:
        cycles = cycles.filter(plan_id=plan_id)
    # In the models' order, along the unique index (plan, period_start, kind, …).
    page = keyset_page(cycles, ["plan_id", "period_start", "kind", "pk"], request.GET)
    _count_reports(page.object_list)
    ctx = {"page": page, "form": form, "query": page_query(request.GET)}
    return render(request, "progress/cycle_list.html", ctx)


def _count_reports(cycles: list[ReportingCycle]) -> None:
    """Set each cycle's report_count and awaiting_count, counting the page's cycles only."""
    counts = (
        Report.objects.filter(cycle__in=cycles)
        .values("cycle_id")
        .annotate(
            reports=Count("pk"),
            awaiting=Count(
                "pk", filter=Q(kind=ReportKind.CONSOLIDATED, state=ReportState.SUBMITTED)
            ),
        )
        .order_by()
    )
    found = {row["cycle_id"]: row for row in counts}
    for cycle in cycles:
        row = found.get(cycle.pk, {})
        cycle.report_count, cycle.awaiting_count = row.get("reports", 0), row.get("awaiting", 0)


@require_POST
@office_required
def generate(request):
    form = GenerateCyclesForm(request.POST)
    if not form.is_valid():
        return _cycle_list(request, form)
    data = form.cleaned_data
    created = generate_cycles(
        data["plan"],
        data["year"],
        data["kind"],
        due_day=data["due_day"],
        periods=data.get("periods", ()),
        user=request.user,
    )
    messages.success(request, f"新建报送周期 {len(created)} 个。")
    return redirect("progress:cycle-list")


@require_POST
@office_required
def change_cycle(request, pk: int, action: str):
    cycle = get_object_or_404(ReportingCycle, pk=pk)
    try:
        if action == "open":
            cycle.open(request.user)
        else:
            cycle.lock(request.user)
    except TransitionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"“{cycle}”已{cycle.get_state_display()}。")
    return redirect("progress:cycle-list")


@login_required
def milestones(request, task_pk: int, year: int):
    """A task's milestones of a year; the lead unit proposes, confirms and edits them."""
    task = get_task_for_user(request.user, task_pk)
    unit_id = unit_id_of(request.user)
    is_lead = unit_id is not None and unit_id == task.lead_unit_id
    if request.method == "POST":
        if not is_lead:
            raise PermissionDenied
        propose_milestones(task, year, user=request.user)
        return redirect("progress:milestones", task.pk, year)
    items = [
        (m, MilestoneForm(initial={"description": m.description, "due_on": m.due_on}))
        for m in Milestone.objects.filter(task=task, year=year)
    ]
    ctx = {"task": task, "year": year, "items": items, "is_lead": is_lead}
    return render(request, "progress/milestones.html", ctx)


@require_POST
@login_required
def confirm_milestone(request, pk: int):
    milestone = get_milestone_for_user(request.user, pk)
    form = MilestoneForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请填写形象进度和完成时间。")
        return redirect(milestone)
    try:
        milestone.confirm(request.user, **form.cleaned_data)
    except TransitionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"已确认“{milestone.title}”。")
    return redirect(milestone)


@require_POST
@login_required
def complete_milestone(request, pk: int):
    milestone = get_milestone_for_user(request.user, pk)
    try:
        milestone.mark_done(request.user)
    except TransitionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"“{milestone.title}”已标记完成。")
    return redirect(milestone)
