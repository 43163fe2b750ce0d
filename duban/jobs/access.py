"""Who sees a job: the user who started it, and nobody else (its result is what they may see)."""

from django.shortcuts import get_object_or_404

from duban.jobs.models import Job


def visible_jobs(user):
    if not user.is_authenticated:
        return Job.objects.none()
    return Job.objects.filter(started_by=user)


def get_job_for_user(user, pk: int) -> Job:
    """The user's own job, or a 404 when it is missing or another user's."""
    return get_object_or_404(visible_jobs(user), pk=pk)
