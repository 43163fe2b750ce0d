"""The anonymous 民生实事 page, and the office's publish / take-down actions."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from duban.accounts.access import office_required
from duban.ledger.access import get_task_for_user
from duban.lib.transitions import TransitionError
from duban.progress.models import Report
from duban.public.models import PublicProject, PublicReport
from duban.public.page import public_entries


def index(request):
    """Anyone, logged in or not, reads the projects and progress the office published."""
    return render(request, "public/index.html", {"entries": public_entries()})


def _change(request, action, subject):
    try:
        action()
        messages.success(request, "已更新公开状态。")
    except TransitionError as error:
        messages.error(request, str(error))
    return redirect(subject)


@require_POST
@office_required
def project_publish(request, pk: int):
    task = get_task_for_user(request.user, pk)
    return _change(request, lambda: PublicProject.publish(task, request.user), task)


@require_POST
@office_required
def project_take_down(request, pk: int):
    task = get_task_for_user(request.user, pk)
    project = get_object_or_404(PublicProject, task=task)
    return _change(request, lambda: project.take_down(request.user), task)


@require_POST
@office_required
def report_publish(request, pk: int):
    report = get_object_or_404(Report.objects.select_related("task__plan"), pk=pk)
    return _change(request, lambda: PublicReport.publish(report, request.user), report)


@require_POST
@office_required
def report_take_down(request, pk: int):
    public = get_object_or_404(PublicReport.objects.select_related("report"), report_id=pk)
    return _change(request, lambda: public.take_down(request.user), public.report)
