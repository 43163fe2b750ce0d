"""PDF conversions run in the background: LibreOffice takes seconds a document, longer than
a click should wait. The Word file is built in the request (what the user may see then) and
kept as the job's input, so 重试 converts the same file."""

from django.core.files.base import ContentFile
from django.shortcuts import redirect
from django.tasks import task

from duban.exports.pdf import PdfUnavailable, to_pdf
from duban.jobs.choices import JobKind
from duban.jobs.models import Job
from duban.jobs.running import JobError, Outcome, run


@task
def convert_to_pdf(job_id: int) -> None:
    run(job_id, _convert)


def _convert(job: Job) -> Outcome:
    job.progress(0, 1, "用 LibreOffice 转换为 PDF")
    with job.source.open("rb") as source:
        data = source.read()
    try:
        pdf = to_pdf(data, ".docx")
    except PdfUnavailable as exc:
        raise JobError(str(exc)) from exc
    name = f"{job.params['name']}.pdf"
    return Outcome(file=ContentFile(pdf, name=name), content_type="application/pdf")


def pdf_job_response(request, docx: bytes, name: str):
    """Queue the Word file's conversion and send the user to the job's page."""
    job = Job.start(
        convert_to_pdf,
        kind=JobKind.EXPORT,
        title=f"{name}（PDF）",
        user=request.user,
        params={"name": name},
        source=ContentFile(docx, name=f"{name}.docx"),
    )
    return redirect(job)
