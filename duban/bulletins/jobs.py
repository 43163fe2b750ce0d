"""Issuing a 通报 in the background: it counts the whole ledger, which at a province's scale
takes longer than a page may wait."""

from datetime import date

from django.tasks import task

from duban.accounts.access import require_office
from duban.bulletins.models import Bulletin
from duban.jobs.choices import JobKind
from duban.jobs.models import Job
from duban.jobs.running import JobError, Outcome, run
from duban.progress.models import ReportingCycle


@task
def issue_bulletin(job_id: int) -> None:
    run(job_id, _issue)


def _issue(job: Job) -> Outcome:
    cycle = None
    if job.params["cycle"] is not None:
        cycle = ReportingCycle.objects.filter(pk=job.params["cycle"]).first()
        if cycle is None:
            raise JobError("该报送周期已被删除，请重新选择。")
    job.progress(0, 1, "统计台账并生成通报")
    bulletin = Bulletin.issue(
        on=date.fromisoformat(job.params["on"]), cycle=cycle, user=job.started_by
    )
    return Outcome(url=bulletin.get_absolute_url(), note=f"已生成{bulletin.doc_number}。")


def start_issue(user, on: date, cycle: ReportingCycle | None) -> Job:
    """Queue a bulletin counted as of `on` (on `cycle`, if given), for the office."""
    require_office(user)
    subject = cycle.name if cycle else f"{on.year}年{on.month}月{on.day}日"
    return Job.start(
        issue_bulletin,
        kind=JobKind.BULLETIN,
        title=f"生成通报（{subject}）",
        user=user,
        params={"on": on.isoformat(), "cycle": cycle.pk if cycle else None},
    )
