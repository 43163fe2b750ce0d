"""The office imports a notice: upload, preview of what would change, confirm.

The uploaded file waits in the staging folder (outside the web root, see staging.py)
between the preview and the confirmation; the session remembers its original file name, so
only the office user who uploaded it can confirm it. Nothing is written to the ledger before
the confirming POST, and a file that does not parse is not even stored.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from duban.accounts.access import office_required
from duban.ledger import staging
from duban.ledger.forms import UploadForm
from duban.ledger.importing import apply_import, prepare_import

SESSION_KEY = "duban_uploads"


@office_required
def upload(request):
    form = UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            digest = staging.stage(form.content)
            request.session.setdefault(SESSION_KEY, {})[digest] = form.cleaned_data["file"].name
            request.session.modified = True
            return redirect("ledger:import-preview", digest)
    ctx = {"form": form, "limit": settings.DUBAN_MAX_UPLOAD_BYTES}
    return render(request, "ledger/import_upload.html", ctx)


@office_required
def preview(request, digest: str):
    filename = request.session.get(SESSION_KEY, {}).get(digest)
    path = staging.path(digest)
    if filename is None or path is None:
        raise Http404("上传的文件已失效，请重新上传。")
    prepared = prepare_import(path.read_bytes(), filename)
    if request.method == "POST":
        notice = apply_import(prepared, user=request.user)
        staging.discard(digest)
        del request.session[SESSION_KEY][digest]
        request.session.modified = True
        messages.success(request, f"导入完成。{prepared.report.summary()}")
        return redirect(notice)
    ctx = {
        "preview": prepared,
        "report": prepared.report,
        "warnings": prepared.data.get("warnings") or [],
    }
    return render(request, "ledger/import_preview.html", ctx)
