"""The status refresh the office starts on 督办总览, run in the background: at a province's
scale it takes longer than a page may wait (the nightly `refresh-status` does the same)."""

from django.tasks import task
from django.urls import reverse

from duban.accounts.access import require_office
from duban.jobs.choices import JobKind
from duban.jobs.models import Job
from duban.jobs.running import Outcome, Ticker, run
from duban.ledger.models import Task
from duban.lib import clock
from duban.supervision.choices import Colour
from duban.supervision.refresh import refresh_tasks


@task
def refresh_statuses(job_id: int) -> None:
    run(job_id, _refresh)


def _refresh(job: Job) -> Outcome:
    require_office(job.started_by)
    tasks = Task.objects.active()
    tick = Ticker(job, tasks.count(), "重新计算任务状态")
    counts = refresh_tasks(tasks, clock.today(), user=job.started_by, progress=tick)
    summary = "，".join(f"{label} {counts.get(value, 0)}" for value, label in Colour.choices)
    note = f"已重新计算 {sum(counts.values())} 项任务的状态：{summary}。"
    return Outcome(url=reverse("supervision:overview"), note=note)


def start_refresh(user) -> Job:
    """Queue a refresh of every active task's status, for the office."""
    require_office(user)
    return Job.start(refresh_statuses, kind=JobKind.REFRESH, title="重新计算任务状态", user=user)
