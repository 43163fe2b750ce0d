"""Downloads: annexes, a cycle's reports, 督办单 and leader packs as Word, Excel or PDF."""

from datetime import date
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse

from duban.accounts.access import office_required
from duban.exports.annexes import annexes_docx, annexes_xlsx
from duban.exports.cycle import cycle_reports_xlsx
from duban.exports.jobs import pdf_job_response
from duban.exports.leader_pack import pack_docx
from duban.exports.ledger import XLSX
from duban.exports.supervision_notice import notice_docx
from duban.ledger.access import get_notice_for_user, get_official_for_user, visible_tasks
from duban.lib import clock
from duban.progress.models import ReportingCycle
from duban.supervision.access import get_supervision_notice_for_user

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def download(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


def word_or_pdf(request, data: bytes, name: str) -> HttpResponse:
    """The Word file at once (it takes a moment to build), or with ?format=pdf a background
    job converting it, whose page the user is sent to."""
    if request.GET.get("format") == "pdf":
        return pdf_job_response(request, data, name)
    return download(data, f"{name}.docx", DOCX)


@office_required
def notice_annexes(request, pk: int, fmt: str):
    notice = get_notice_for_user(request.user, pk)
    name = f"{notice.doc_number or notice.pk}附件"
    if fmt == "docx":
        return download(annexes_docx(notice), f"{name}.docx", DOCX)
    if fmt == "xlsx":
        return download(annexes_xlsx(notice), f"{name}.xlsx", XLSX)
    raise Http404


@office_required
def cycle_reports(request, pk: int):
    cycle = ReportingCycle.objects.select_related("plan").filter(pk=pk).first()
    if cycle is None:
        raise Http404
    return download(cycle_reports_xlsx(cycle), f"{cycle.plan.title}{cycle.name}报送情况.xlsx", XLSX)


@login_required
def supervision_notice(request, pk: int):
    notice = get_supervision_notice_for_user(request.user, pk)
    return word_or_pdf(request, notice_docx(notice), notice.number)


@login_required
def leader_pack(request, pk: int):
    official = get_official_for_user(request.user, pk)
    try:
        on = date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        on = clock.today()
    tasks = visible_tasks(request.user).active().for_official(official)
    return word_or_pdf(
        request, pack_docx(official, tasks, on), f"{official.name}盘点材料{on:%Y%m%d}"
    )
