from django.contrib import admin

from duban.audit.admin import ReadOnlyAdmin
from duban.progress.models import Attachment, Milestone, Report, ReportingCycle, Review


@admin.register(ReportingCycle)
class ReportingCycleAdmin(ReadOnlyAdmin):
    list_display = ["name", "plan", "kind", "due_on", "state"]
    list_filter = ["state", "kind"]
    list_select_related = ["plan"]


class ReviewInline(admin.TabularInline):
    model = Review
    extra = 0
    can_delete = False
    readonly_fields = ["decision", "comment", "reviewer", "created_at"]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    can_delete = False
    readonly_fields = ["original_name", "content_type", "file_size", "file_hash", "uploaded_by"]
    exclude = ["file"]


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ["cycle", "task", "unit", "kind", "state", "version", "submitted_at"]
    list_filter = ["state", "kind"]
    list_select_related = ["cycle", "task", "unit"]
    search_fields = ["unit__name", "task__text", "progress"]
    raw_id_fields = ["task", "unit", "cycle"]
    inlines = [ReviewInline, AttachmentInline]


@admin.register(Milestone)
class MilestoneAdmin(ReadOnlyAdmin):
    list_display = ["task", "year", "title", "due_on", "state"]
    list_filter = ["state", "year"]
    list_select_related = ["task"]
    raw_id_fields = ["task"]
