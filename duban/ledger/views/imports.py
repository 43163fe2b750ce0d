"""The office imports a notice: upload, a preview it corrects, confirm.

The uploaded file waits in the staging folder (outside the web root, see staging.py); the
preview (ImportDraft) is stored, so every office user can open, correct and confirm it.
Each correction is a POST that redirects back to the preview, read again with it. Nothing is
written to the ledger before the confirming POST. The upload is staged and read in a
background job (ledger.jobs), whose page ends on the preview or says why the file was refused.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from duban.accounts.access import office_required
from duban.ledger.access import get_draft_for_user
from duban.ledger.forms import (
    COLUMN_ROLES,
    AliasForm,
    ColumnRolesForm,
    NoticeUploadForm,
    RowCorrectionForm,
    parse_error_message,
)
from duban.ledger.importing.review import review
from duban.ledger.jobs import start_import
from duban.ledger.models import ImportDraft
from duban.lib.params import parse_count
from duban.parsing import ParseError


@office_required
def upload(request):
    form = NoticeUploadForm()
    if request.method == "POST":
        form = NoticeUploadForm(request.POST, request.FILES)
        if form.is_valid():
            name = form.cleaned_data["file"].name
            return redirect(start_import(request.user, form.content, name))
    ctx = {
        "form": form,
        "limit": settings.DUBAN_MAX_UPLOAD_BYTES,
        "drafts": ImportDraft.objects.open().select_related("uploaded_by")[:20],
    }
    return render(request, "ledger/import_upload.html", ctx)


def _open_draft(request, pk: int) -> ImportDraft:
    draft = get_draft_for_user(request.user, pk)
    if not draft.is_open or draft.content() is None:
        raise Http404("该导入预览已导入或已失效，请重新上传。")
    return draft


@login_required
def preview(request, pk: int):
    draft = get_draft_for_user(request.user, pk)
    if draft.notice is not None:
        messages.info(request, "该预览已确认导入。")
        return redirect(draft.notice)
    draft = _open_draft(request, pk)
    try:
        result = review(draft)
    except ParseError as exc:
        ctx = {"draft": draft, "error": parse_error_message(exc)}
        return render(request, "ledger/import_preview.html", ctx)
    ctx = {
        "draft": draft,
        "review": result,
        "preview": result.prepared,
        "report": result.prepared.report,
        "warnings": result.warnings,
        "column_roles": COLUMN_ROLES,
        "corrections": draft.corrections.get("rows", []),
    }
    return render(request, "ledger/import_preview.html", ctx)


@login_required
@require_POST
def columns(request, pk: int):
    draft = _open_draft(request, pk)
    table = parse_count(request.POST.get("table"))
    if "reset" in request.POST and table is not None:
        try:
            draft.reset_columns(table, request.user)
        except ParseError as exc:
            messages.error(request, "按这样的列读取不出任务：" + parse_error_message(exc))
        return redirect(f"{draft.get_absolute_url()}#table-{table}")
    width = sum(1 for name in request.POST if name.startswith("role_"))
    form = ColumnRolesForm(request.POST, width=width)
    if not form.is_valid():
        messages.error(request, "；".join(e for errs in form.errors.values() for e in errs))
        return redirect(draft)
    table, roles = form.cleaned_data["table"], form.cleaned_data["roles"]
    try:
        draft.set_columns(table, roles, request.user)
    except ParseError as exc:
        messages.error(request, "按这样的列读取不出任务：" + parse_error_message(exc))
    return redirect(f"{draft.get_absolute_url()}#table-{table}")


@login_required
@require_POST
def row(request, pk: int):
    draft = _open_draft(request, pk)
    form = RowCorrectionForm(request.POST)
    found = review(draft).row(request.POST.get("ref", ""), request.POST.get("text", ""))
    if not form.is_valid() or found is None:
        messages.error(request, "该行已变化或提交的内容有误，请核对后重试。")
        return redirect(draft)
    key, current = found
    if form.cleaned_data["op"] == "join" and current.first:
        messages.error(request, "计划的第一行上面没有可以并入的行。")
        return redirect(draft)
    draft.correct_row(form.correction(key), request.user)
    return redirect(f"{draft.get_absolute_url()}#row-{current.ref}")


@login_required
@require_POST
def undo(request, pk: int):
    draft = _open_draft(request, pk)
    index = parse_count(request.POST.get("index"))
    try:
        if index is None:
            raise ValueError(index)
        draft.undo_row(index, request.user)
    except ValueError:
        messages.error(request, "没有这项更正。")
    return redirect(draft)


@login_required
@require_POST
def alias(request, pk: int):
    draft = _open_draft(request, pk)
    form = AliasForm(request.POST)
    proposed = dict(review(draft).proposals) if form.is_valid() else {}
    name = form.cleaned_data.get("name") if form.is_valid() else None
    if name not in proposed:
        messages.error(request, "该名称没有待确认的单位建议。")
    elif form.cleaned_data["accept"]:
        draft.accept_alias(name, proposed[name], request.user)
        messages.success(request, f"已将“{name}”登记为“{proposed[name]}”的别名。")
    else:
        draft.reject_alias(name, request.user)
    return redirect(f"{draft.get_absolute_url()}#units")


@login_required
@require_POST
def confirm(request, pk: int):
    draft = _open_draft(request, pk)
    try:
        imported = draft.confirm(request.user)
    except ParseError as exc:
        messages.error(request, parse_error_message(exc))
        return redirect(draft)
    messages.success(request, f"导入完成。{imported.report.summary()}")
    return redirect(imported.notice)
