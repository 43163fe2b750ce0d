from django.contrib import admin

from duban.audit.admin import ReadOnlyAdmin
from duban.public.models import PublicProject, PublicReport


@admin.register(PublicProject)
class PublicProjectAdmin(ReadOnlyAdmin):
    list_display = ["task", "state", "changed_at", "changed_by"]
    list_filter = ["state"]


@admin.register(PublicReport)
class PublicReportAdmin(ReadOnlyAdmin):
    list_display = ["report", "state", "changed_at", "changed_by"]
    list_filter = ["state"]
