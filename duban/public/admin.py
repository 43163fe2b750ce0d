from django.contrib import admin

from duban.public.models import PublicProject, PublicReport


@admin.register(PublicProject)
class PublicProjectAdmin(admin.ModelAdmin):
    list_display = ["task", "state", "changed_at", "changed_by"]
    list_filter = ["state"]
    readonly_fields = ["task", "state", "changed_at", "changed_by"]


@admin.register(PublicReport)
class PublicReportAdmin(admin.ModelAdmin):
    list_display = ["report", "state", "changed_at", "changed_by"]
    list_filter = ["state"]
    readonly_fields = ["report", "state", "changed_at", "changed_by"]
