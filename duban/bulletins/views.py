"""通报: the list, issuing one, its page with linked figures, and its Word/PDF download."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from duban.accounts.access import office_required
from duban.bulletins.document import bulletin_docx, narrative
from duban.bulletins.forms import IssueForm
from duban.bulletins.jobs import start_issue
from duban.bulletins.models import Bulletin
from duban.exports.views import word_or_pdf
from duban.ledger.models import Notice
from duban.lib import clock


@office_required
def bulletin_list(request):
    ctx = {"bulletins": Bulletin.objects.select_related("cycle"), "form": IssueForm()}
    return render(request, "bulletins/bulletin_list.html", ctx)


@require_POST
@office_required
def bulletin_issue(request):
    form = IssueForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "bulletins/bulletin_list.html",
            {"bulletins": Bulletin.objects.all(), "form": form},
        )
    cycle = form.cleaned_data["cycle"]
    on = form.cleaned_data["on"] or (min(cycle.due_on, clock.today()) if cycle else clock.today())
    return redirect(start_issue(request.user, on, cycle))


@office_required
def bulletin_detail(request, pk: int):
    bulletin = get_object_or_404(Bulletin, pk=pk)
    figures = [
        (key, figure["label"], len(figure["items"]))
        for key, figure in bulletin.snapshot["figures"].items()
    ]
    ctx = {"bulletin": bulletin, "figures": figures, "narrative": narrative(bulletin)}
    return render(request, "bulletins/bulletin_detail.html", ctx)


@office_required
def bulletin_figure(request, pk: int, key: str):
    bulletin = get_object_or_404(Bulletin, pk=pk)
    figure = bulletin.figure(key)
    if figure is None:
        raise Http404
    return render(request, "bulletins/figure.html", {"bulletin": bulletin, "figure": figure})


@office_required
def bulletin_download(request, pk: int):
    bulletin = get_object_or_404(Bulletin, pk=pk)
    notice = Notice.objects.exclude(issuer="").order_by("-issued_on").first()
    issuer = notice.issuer if notice else "督查室"
    return word_or_pdf(request, bulletin_docx(bulletin, issuer), bulletin.doc_number)
