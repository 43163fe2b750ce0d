"""Running a job's work inside its django.tasks task, and reporting its progress.

An app's task is a plain `@task` function that hands its job's id and its work to `run`:

    @task
    def export_ledger(job_id: int) -> None:
        run(job_id, _export_ledger)
"""

import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile

from duban.jobs.models import Job
from duban.lib.transitions import StaleRecord, TransitionError

# Progress is written at most this often (seconds): a row per tick would slow the work.
TICK_SECONDS = 0.5
UNEXPECTED = "处理时出错（已记录），请重试；仍不成功请联系管理员。"


class JobError(Exception):
    """The work cannot be done; the message tells the user why."""


@dataclass
class Outcome:
    """What a finished job leaves: a link to open, or a file to download, and a sentence."""

    url: str = ""
    file: ContentFile | None = None
    content_type: str = ""
    note: str = ""


def message_for(exc: Exception) -> str:
    """What the job page says about a failure: the refusal's own words, else a general one."""
    if isinstance(exc, JobError | TransitionError):
        return str(exc)
    if isinstance(exc, PermissionDenied):
        return "你已无权执行此操作。"
    return UNEXPECTED


def run(job_id: int, work: Callable[[Job], Outcome]) -> None:
    """Claim the queued job, run `work` on it and store its outcome; on an exception mark the
    job failed and raise it on, so that the TaskResult records it with its traceback."""
    job = Job.objects.select_related("started_by").filter(pk=job_id).first()
    if job is None or not job.begin():
        return
    try:
        outcome = work(job)
    except Exception as exc:
        # StaleRecord: marked failed already, as lost (Job.check_alive).
        with suppress(StaleRecord):
            job.fail(message_for(exc))
        raise
    # StaleRecord: marked failed as lost meanwhile; 重试 runs it again.
    with suppress(StaleRecord):
        job.finish(
            url=outcome.url,
            file=outcome.file,
            content_type=outcome.content_type,
            note=outcome.note,
        )


class Ticker:
    """Counts the items of a step and writes the job's progress now and then."""

    def __init__(self, job: Job, total: int, step: str):
        self.job, self.done, self.last = job, 0, time.monotonic()
        job.progress(0, total, step)

    def __call__(self, count: int = 1) -> None:
        self.done += count
        if time.monotonic() - self.last >= TICK_SECONDS:
            self.job.progress(self.done)
            self.last = time.monotonic()
