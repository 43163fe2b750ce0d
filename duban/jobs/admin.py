from django.contrib import admin
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from duban.audit.admin import ReadOnlyAdmin
from duban.jobs.models import Job


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    """A job moves only through its worker and 重试; the admin shows it with its attempt's id."""

    list_display = ["title", "kind", "state", "started_by", "created_at", "attempts", "task_id"]
    list_filter = ["kind", "state"]
    search_fields = ["title", "task_id"]


# The queue's task results (with their tracebacks), under the admin policy: read-only.
admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(ReadOnlyAdmin, DBTaskResultAdmin):
    pass
