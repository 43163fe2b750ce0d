"""The office recomputes every status from 督办总览 in the background, and watches it finish."""

from django.urls import reverse

from duban.jobs.choices import JobKind, JobState
from duban.jobs.models import Job
from duban.supervision.models import TaskStatus
from duban.testing import BaseTestCase, run_jobs


class RefreshJobTestCase(BaseTestCase):
    def test_the_office_refreshes_every_status_through_a_background_job(self):
        self.client.force_login(self.alice)
        page = self.client.get(reverse("supervision:overview")).content.decode()
        assert reverse("supervision:refresh") in page and "重新计算状态" in page

        response = self.client.post(reverse("supervision:refresh"))
        job = Job.objects.get(kind=JobKind.REFRESH)
        assert response.url == job.get_absolute_url()
        assert job.state == JobState.QUEUED and not TaskStatus.objects.exists()

        run_jobs()

        job.refresh_from_db()
        assert job.state == JobState.DONE and (job.done, job.total) == (2, 2)
        assert set(TaskStatus.objects.values_list("task", flat=True)) == {
            self.task.pk,
            self.other_task.pk,
        }
        page = self.client.get(job.get_absolute_url()).content.decode()
        assert "已重新计算 2 项任务的状态" in page
        assert f'href="{reverse("supervision:overview")}"' in page

    def test_only_the_office_may_start_a_refresh(self):
        for user in (self.lin, self.bob):
            self.client.force_login(user)
            assert self.client.post(reverse("supervision:refresh")).status_code == 403
            page = self.client.get(reverse("supervision:overview")).content.decode()
            assert reverse("supervision:refresh") not in page
        assert not Job.objects.exists()
