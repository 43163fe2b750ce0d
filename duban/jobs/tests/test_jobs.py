"""A job goes through the database queue and the real worker to its result; a failure is
shown with its error and 重试; nobody but the user who started a job sees it."""

import shutil
import tempfile
from datetime import timedelta

from django.core.files.base import ContentFile
from django.tasks import TaskResultStatus, default_task_backend, task
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from duban.audit.models import LogEntry
from duban.jobs.actions import JobAction
from duban.jobs.choices import JobKind, JobState
from duban.jobs.models import LOST_MESSAGE, Job
from duban.jobs.running import UNEXPECTED, JobError, Outcome, Ticker, run
from duban.testing import BaseTestCase, run_jobs

MEDIA_ROOT = tempfile.mkdtemp(prefix="duban-test-jobs-")
# What the tasks below find: the failing one fails until a test lets it succeed.
WORLD = {"broken": True}


def _write(job: Job) -> Outcome:
    tick = Ticker(job, 3, "逐行写入")
    for _ in range(3):
        tick()
    text = job.source.read().decode() if job.source else job.params["text"]
    return Outcome(
        file=ContentFile(text.upper().encode(), name="结果.txt"), content_type="text/plain"
    )


def _flaky(job: Job) -> Outcome:
    if WORLD["broken"]:
        raise JobError("文件已过期，请重新上传。")
    return Outcome(url="/tasks/", note="完成 3 项")


def _crash(job: Job) -> Outcome:
    raise ZeroDivisionError


@task
def write_upper(job_id: int) -> None:
    run(job_id, _write)


@task
def flaky(job_id: int) -> None:
    run(job_id, _flaky)


@task
def crash(job_id: int) -> None:
    run(job_id, _crash)


@override_settings(MEDIA_ROOT=MEDIA_ROOT)
class JobTestCase(BaseTestCase):
    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)

    def setUp(self):
        WORLD["broken"] = True

    def start(self, work=write_upper, user=None, **fields) -> Job:
        fields.setdefault("params", {"text": "abc"})
        return Job.start(work, kind=JobKind.EXPORT, title="测试", user=user or self.bob, **fields)

    def test_a_job_goes_through_the_database_queue_and_the_worker_to_its_file(self):
        job = self.start(source=ContentFile(b"hello", name="in.txt"))
        job.refresh_from_db()
        assert job.state == JobState.QUEUED and job.attempts == 1
        assert default_task_backend.get_result(job.task_id).status == TaskResultStatus.READY
        self.client.force_login(self.bob)
        assert "排队中" in self.client.get(job.get_absolute_url()).content.decode()

        run_jobs()

        job.refresh_from_db()
        assert job.state == JobState.DONE and (job.done, job.total) == (3, 3)
        result = default_task_backend.get_result(job.task_id)
        assert result.status == TaskResultStatus.SUCCESSFUL and result.attempts == 1
        page = self.client.get(job.get_absolute_url()).content.decode()
        assert "已完成" in page and "下载 结果.txt" in page
        download = self.client.get(reverse("jobs:job-download", args=[job.pk]))
        assert b"".join(download.streaming_content) == b"HELLO"
        assert download["X-Content-Type-Options"] == "nosniff"
        actions = LogEntry.objects.filter(object_id=str(job.pk)).values_list("action", flat=True)
        assert set(actions) == {JobAction.STARTED, JobAction.FINISHED}

    def test_a_failed_job_shows_its_error_and_succeeds_when_retried(self):
        job = self.start(flaky)
        run_jobs()
        job.refresh_from_db()
        assert job.state == JobState.FAILED and job.error == "文件已过期，请重新上传。"
        assert default_task_backend.get_result(job.task_id).status == TaskResultStatus.FAILED
        self.client.force_login(self.bob)
        page = self.client.get(job.get_absolute_url()).content.decode()
        assert "失败" in page and "文件已过期" in page and "重试" in page

        WORLD["broken"] = False
        response = self.client.post(reverse("jobs:job-retry", args=[job.pk]))
        assert response.status_code == 302
        job.refresh_from_db()
        assert job.state == JobState.QUEUED and job.attempts == 2 and job.error == ""
        run_jobs()
        job.refresh_from_db()
        assert job.state == JobState.DONE and job.result_url == "/tasks/"
        page = self.client.get(job.get_absolute_url()).content.decode()
        assert "完成 3 项" in page and 'href="/tasks/"' in page
        retried = LogEntry.objects.get(action=JobAction.RETRIED, object_id=str(job.pk))
        assert retried.user_id == self.bob.pk

    def test_an_unexpected_error_reads_as_a_general_message_and_keeps_its_traceback(self):
        job = self.start(crash)
        run_jobs()
        job.refresh_from_db()
        assert job.state == JobState.FAILED and job.error == UNEXPECTED
        result = default_task_backend.get_result(job.task_id)
        assert "ZeroDivisionError" in result.errors[0].traceback

    def test_only_a_failed_job_can_be_retried(self):
        job = self.start()
        self.client.force_login(self.bob)
        response = self.client.post(reverse("jobs:job-retry", args=[job.pk]), follow=True)
        assert "“排队中”的任务不能重试" in response.content.decode()
        job.refresh_from_db()
        assert job.attempts == 1

    def test_another_user_neither_sees_nor_retries_a_job(self):
        job = self.start(flaky)
        run_jobs()
        for user in (self.charlie, self.alice, self.dave):
            self.client.force_login(user)
            for name in ("jobs:job", "jobs:job-status", "jobs:job-download"):
                assert self.client.get(reverse(name, args=[job.pk])).status_code == 404
            assert self.client.post(reverse("jobs:job-retry", args=[job.pk])).status_code == 404
            assert "测试" not in self.client.get(reverse("jobs:jobs")).content.decode()
        job.refresh_from_db()
        assert job.state == JobState.FAILED and job.attempts == 1

    def test_the_page_shows_the_progress_of_a_running_job(self):
        job = self.start()
        job.begin()
        job.progress(3, 10, "解析第 2 张表")
        self.client.force_login(self.bob)
        page = self.client.get(job.get_absolute_url()).content.decode()
        assert 'value="30"' in page and "3/10" in page and "解析第 2 张表" in page
        assert "duban/jobs.js" in page
        status = self.client.get(reverse("jobs:job-status", args=[job.pk])).json()
        assert status == {
            "state": "running",
            "label": "进行中",
            "done": 3,
            "total": 10,
            "percent": 30,
            "step": "解析第 2 张表",
            "finished": False,
            "url": "",
        }

    def test_a_job_whose_worker_died_is_shown_failed_and_can_be_retried(self):
        job = self.start()
        job.begin()
        Job.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(minutes=11))
        self.client.force_login(self.bob)
        status = self.client.get(reverse("jobs:job-status", args=[job.pk])).json()
        assert status["state"] == "failed"
        job.refresh_from_db()
        assert job.error == LOST_MESSAGE
        self.client.post(reverse("jobs:job-retry", args=[job.pk]))
        run_jobs()
        job.refresh_from_db()
        assert job.state == JobState.DONE

    def test_a_task_that_failed_outside_the_job_marks_the_job_failed(self):
        job = self.start()
        result = default_task_backend.get_result(job.task_id)
        result.db_result.set_failed(ImportError("no module"))
        job.check_alive()
        assert job.state == JobState.FAILED and job.error == LOST_MESSAGE

    def test_finished_jobs_a_week_old_go_with_their_files_when_the_next_starts(self):
        old = self.start(source=ContentFile(b"x", name="in.txt"))
        run_jobs()
        old.refresh_from_db()
        storage, name = old.result.storage, old.result.name
        assert storage.exists(name)
        Job.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
        self.start()
        assert not Job.objects.filter(pk=old.pk).exists() and not storage.exists(name)
