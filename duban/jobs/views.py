"""A user's background jobs: the list, a job's page (polled while it runs), its result, 重试."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from duban.jobs.access import get_job_for_user, visible_jobs
from duban.jobs.choices import JobState
from duban.jobs.models import Job
from duban.lib.stored_files import file_download
from duban.lib.transitions import TransitionError

LIST_SIZE = 50


@login_required
def job_list(request):
    jobs = list(visible_jobs(request.user)[:LIST_SIZE])
    Job.check_all_alive(jobs)
    return render(request, "jobs/job_list.html", {"jobs": jobs})


@login_required
def job_detail(request, pk: int):
    job = get_job_for_user(request.user, pk)
    job.check_alive()
    return render(request, "jobs/job_detail.html", {"job": job})


@login_required
def job_status(request, pk: int):
    """The job's state and progress, which its page polls while it runs."""
    job = get_job_for_user(request.user, pk)
    job.check_alive()
    return JsonResponse(
        {
            "state": job.state,
            "label": job.get_state_display(),
            "done": job.done,
            "total": job.total,
            "percent": job.percent,
            "step": job.step,
            "finished": job.is_finished,
            "url": job.result_url,
        }
    )


@login_required
def job_download(request, pk: int):
    job = get_job_for_user(request.user, pk)
    if job.state != JobState.DONE or not job.result:
        raise Http404("没有可下载的文件")
    return file_download(job.result, job.result_name, job.result_type)


@require_POST
@login_required
def job_retry(request, pk: int):
    job = get_job_for_user(request.user, pk)
    try:
        job.retry(request.user)
    except TransitionError as error:
        messages.error(request, str(error))
    return redirect(job)
