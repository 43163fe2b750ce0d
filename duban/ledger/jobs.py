"""Reading an uploaded notice in the background: parsing a large PDF takes seconds. The file
is staged (ledger.staging) before the job is queued, so 重试 reads it again; the job ends on
the import preview, which the office corrects and confirms as before."""

from django.tasks import task

from duban.accounts.access import require_office
from duban.jobs.choices import JobKind
from duban.jobs.models import Job
from duban.jobs.running import JobError, Outcome, run
from duban.ledger.forms import read_notice
from duban.ledger.models import ImportDraft
from duban.ledger.staging import path, stage


@task
def read_upload(job_id: int) -> None:
    run(job_id, _read)


def _read(job: Job) -> Outcome:
    require_office(job.started_by)
    filename = job.params["filename"]
    job.progress(0, 2, "解析通知文件")
    found = path(job.params["file_hash"])
    if found is None:
        raise JobError("上传的文件已超过一天被清除，请重新上传。")
    content = found.read_bytes()
    try:
        parsed = read_notice(content, filename)
    except ValueError as exc:
        raise JobError(str(exc)) from None
    job.progress(1, 2, "生成导入预览")
    draft = ImportDraft.start(content, filename, job.started_by, parsed)
    return Outcome(url=draft.get_absolute_url(), note=f"已读取“{filename}”，请核对预览后确认导入。")


def start_import(user, content: bytes, filename: str) -> Job:
    """Stage the upload, then queue its reading, for the office."""
    require_office(user)
    return Job.start(
        read_upload,
        kind=JobKind.IMPORT,
        title=f"导入通知“{filename}”",
        user=user,
        params={"file_hash": stage(content), "filename": filename},
    )
