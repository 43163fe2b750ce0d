"""Background jobs' audit actions (see `duban.audit.actions`)."""

from duban.audit.actions import AuditAction


class JobAction(AuditAction):
    STARTED = "jobs.job.started", "启动后台任务"
    RETRIED = "jobs.job.retried", "重试后台任务"
    FINISHED = "jobs.job.finished", "后台任务完成"
    FAILED = "jobs.job.failed", "后台任务失败"
