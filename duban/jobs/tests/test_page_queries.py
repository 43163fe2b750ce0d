"""Query-count baseline of the job list: it costs the same with N queued jobs and with 3N."""

from django.tasks import default_task_backend
from django.urls import reverse

from duban.jobs.choices import JobKind, JobState
from duban.jobs.models import LOST_MESSAGE, Job
from duban.jobs.tests.test_jobs import write_upper
from duban.testing import BaseTestCase


class JobListQueriesTestCase(BaseTestCase):
    def add_jobs(self, count: int) -> None:
        """Queued jobs of bob's, which the list checks are still alive."""
        for _ in range(count):
            Job.start(write_upper, kind=JobKind.EXPORT, title="测试", user=self.bob, params={})

    def test_the_job_list_costs_the_same_with_three_times_the_queued_jobs(self):
        # The session, the user, the profile and his unit, the jobs, their task results (one
        # query for all) and the header's notifications.
        response = self.assert_flat(self.bob, reverse("jobs:jobs"), self.add_jobs, 7)
        assert len(response.context["jobs"]) == Job.objects.count()

    def test_the_list_marks_failed_a_job_whose_task_failed_outside_it(self):
        self.add_jobs(2)
        lost, alive = Job.objects.order_by("pk")
        default_task_backend.get_result(lost.task_id).db_result.set_failed(ImportError("x"))
        self.client.force_login(self.bob)
        self.client.get(reverse("jobs:jobs"))
        lost.refresh_from_db()
        alive.refresh_from_db()
        assert (lost.state, lost.error) == (JobState.FAILED, LOST_MESSAGE)
        assert alive.state == JobState.QUEUED
