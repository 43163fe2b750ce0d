"""A job a user started in the background: what it is, how far it got, what it made.

The work itself is a django.tasks task (`task_path`) run by `duban db_worker`; its TaskResult
(`task_id`) keeps the attempt's status, times and traceback. The job keeps what the user
sees: progress, the result to open or download, the error in words, and 重试.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult

from duban.audit.log import record
from duban.jobs.actions import JobAction
from duban.jobs.choices import JobKind, JobState
from duban.lib.stored_files import random_upload_name
from duban.lib.transitions import (
    StaleRecord,
    advance,
    require_permission,
    require_state,
)

# Finished jobs and their files are removed this long after they started, when the next starts.
KEEP = timedelta(days=7)
# A running job that reports no progress for this long is taken as lost (its worker died).
STALL = timedelta(minutes=10)
FINISHED = (JobState.DONE, JobState.FAILED)
LOST_MESSAGE = "后台任务中断（处理进程已停止），请重试。"


def _source_name(job: "Job", filename: str) -> str:
    return random_upload_name("jobs/sources", filename)


def _result_name(job: "Job", filename: str) -> str:
    return random_upload_name("jobs/results", filename)


class JobQuerySet(models.QuerySet):
    def expired(self) -> "JobQuerySet":
        return self.filter(state__in=FINISHED, created_at__lt=timezone.now() - KEEP)

    def sweep(self) -> None:
        """Delete these jobs and their files."""
        for job in self.only("pk", "source", "result"):
            job.source.delete(save=False)
            job.result.delete(save=False)
        self.delete()


class Job(models.Model):
    """One piece of long work (an import, an export, a bulletin, a refresh) and its outcome."""

    kind = models.CharField("类别", max_length=10, choices=JobKind)
    title = models.CharField("名称", max_length=200)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="jobs",
        verbose_name="发起人",
    )
    state = models.CharField("状态", max_length=10, choices=JobState, default=JobState.QUEUED)
    done = models.PositiveIntegerField("已完成", default=0)
    total = models.PositiveIntegerField("总数", default=0)
    step = models.CharField("当前步骤", max_length=200, blank=True)
    # What runs (a django.tasks task's module path, called with the job's id) and its input:
    # kept so that 重试 runs the same work again.
    task_path = models.CharField("任务", max_length=200)
    params = models.JSONField("参数", default=dict, blank=True)
    source = models.FileField("输入文件", upload_to=_source_name, blank=True)
    # The TaskResult of the latest attempt, and how many attempts were queued.
    task_id = models.CharField("任务结果编号", max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    result = models.FileField("结果文件", upload_to=_result_name, blank=True)
    result_name = models.CharField("结果文件名", max_length=255, blank=True)
    result_type = models.CharField("结果类型", max_length=100, blank=True)
    result_url = models.CharField("结果链接", max_length=300, blank=True)
    note = models.CharField("结果说明", max_length=500, blank=True)
    error = models.TextField("错误", blank=True)
    created_at = models.DateTimeField("创建时间", default=timezone.now)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)
    # Written with every progress report: a running job whose stamp is old has lost its worker.
    updated_at = models.DateTimeField("更新时间", default=timezone.now)

    objects = models.Manager.from_queryset(JobQuerySet)()

    class Meta:
        verbose_name = "后台任务"
        verbose_name_plural = "后台任务"
        ordering = ["-created_at", "-pk"]
        indexes = [
            # A user's jobs, newest first (the job list).
            models.Index(fields=["started_by", "-created_at"], name="jobs_job_user_created"),
            # The sweep of expired jobs when a job starts.
            models.Index(fields=["created_at"], name="jobs_job_created"),
        ]

    def __str__(self) -> str:
        return f"{self.title}（{self.get_state_display()}）"

    def get_absolute_url(self) -> str:
        return reverse("jobs:job", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.state in FINISHED

    @property
    def percent(self) -> int | None:
        """How far the job got, when it knows its total."""
        if self.state == JobState.DONE:
            return 100
        return min(100, self.done * 100 // self.total) if self.total else None

    @classmethod
    @transaction.atomic
    def start(cls, task, *, kind, title, user, params=None, source: ContentFile | None = None):
        """Store the job (and its input file) and queue `task` with its id; the job
        row and its queued task are committed together."""
        cls.objects.expired().sweep()
        job = cls.objects.create(
            kind=kind,
            title=title[:200],
            started_by=user,
            task_path=task.module_path,
            params=params or {},
        )
        if source is not None:
            job.source.save(source.name, source, save=False)
            cls.objects.filter(pk=job.pk).update(source=job.source.name)
        record(JobAction.STARTED, job, user, {"kind": kind, "title": job.title})
        job._enqueue()
        return job

    def _enqueue(self) -> None:
        result = import_string(self.task_path).enqueue(self.pk)
        # Only the state's compare-and-set lets a job be queued, so no other writer races here.
        self.task_id, self.attempts = result.id, self.attempts + 1
        Job.objects.filter(pk=self.pk).update(task_id=self.task_id, attempts=self.attempts)

    @transaction.atomic
    def retry(self, user) -> None:
        """Queue a failed job again, for the user who started it."""
        require_permission(user.pk == self.started_by_id, "只有发起人可以重试此任务。")
        require_state(self, "state", [JobState.FAILED], "“{state}”的任务不能重试")
        advance(
            self,
            "state",
            state=JobState.QUEUED,
            done=0,
            total=0,
            step="",
            error="",
            started_at=None,
            finished_at=None,
            updated_at=timezone.now(),
        )
        record(JobAction.RETRIED, self, user, {"attempt": self.attempts + 1})
        self._enqueue()

    def begin(self) -> bool:
        """Claim the queued job for this attempt; False when it is not queued (another
        attempt has it, or it finished)."""
        now = timezone.now()
        try:
            advance(self, "state", state=JobState.RUNNING, started_at=now, updated_at=now)
        except StaleRecord:
            return False
        return True

    def progress(self, done: int, total: int | None = None, step: str | None = None) -> None:
        """Record how far the running job got (`step` names what it is doing)."""
        updates = {"done": done, "updated_at": timezone.now()}
        if total is not None:
            updates["total"] = total
        if step is not None:
            updates["step"] = step[:200]
        Job.objects.filter(pk=self.pk, state=JobState.RUNNING).update(**updates)
        for name, value in updates.items():
            setattr(self, name, value)

    @transaction.atomic
    def finish(self, *, url: str = "", file: ContentFile | None = None, content_type="", note=""):
        """The job's work is done: its link or file, and a sentence about it."""
        if file is not None:
            self.result.save(file.name, file, save=False)
        now = timezone.now()
        advance(
            self,
            "state",
            state=JobState.DONE,
            done=max(self.done, self.total),
            result=self.result.name or "",
            result_name=file.name if file is not None else "",
            result_type=content_type,
            result_url=url,
            note=note[:500],
            finished_at=now,
            updated_at=now,
        )
        record(JobAction.FINISHED, self, None, {"result": url or self.result_name})

    @transaction.atomic
    def fail(self, error: str) -> None:
        """The job stopped; `error` tells the user why, in words."""
        now = timezone.now()
        advance(self, "state", state=JobState.FAILED, error=error, finished_at=now, updated_at=now)
        record(JobAction.FAILED, self, None, {"error": error})

    def check_alive(self) -> None:
        """Mark an unfinished job failed when its attempt can no longer end by itself: its
        TaskResult failed outside the job's code, or it has reported nothing for STALL."""
        Job.check_all_alive([self])

    @staticmethod
    def check_all_alive(jobs) -> None:
        """check_alive for a list of jobs, their task results read in one query."""
        unfinished = [job for job in jobs if not job.is_finished]
        statuses = _task_statuses([job.task_id for job in unfinished])
        for job in unfinished:
            job._fail_if_lost(statuses.get(job.task_id))

    def _fail_if_lost(self, task_status: str | None) -> None:
        failed = task_status == TaskResultStatus.FAILED
        stalled = self.state == JobState.RUNNING and timezone.now() - self.updated_at > STALL
        if failed or stalled:
            try:
                self.fail(LOST_MESSAGE)
            except StaleRecord:
                self.refresh_from_db()


def _task_statuses(task_ids: list[str]) -> dict[str, str]:
    """{task result id: its status} for the ids the database backend holds: duban queues every
    task there (settings.TASKS), so one query reads them all."""
    ids = []
    for task_id in task_ids:
        try:
            ids.append(uuid.UUID(task_id))
        except (TypeError, ValueError):
            continue
    found = DBTaskResult.objects.filter(id__in=ids).values_list("id", "status")
    return {str(pk): status for pk, status in found}
