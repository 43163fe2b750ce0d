"""Read-mostly admin pages: supervision records change through their model methods, not here."""

from django.contrib import admin

from duban.audit.admin import ReadOnlyAdmin
from duban.supervision.models import (
    CoordinationNote,
    Instruction,
    InstructionUnit,
    NoticeAttachment,
    Notification,
    Problem,
    ReminderSent,
    StatusChange,
    SupervisionNotice,
    TaskStatus,
)


@admin.register(TaskStatus)
class TaskStatusAdmin(ReadOnlyAdmin):
    list_display = ["task", "colour", "since", "computed_at"]
    list_filter = ["colour"]
    list_select_related = ["task"]


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyAdmin):
    list_display = ["task", "from_colour", "to_colour", "at"]
    list_filter = ["to_colour"]
    list_select_related = ["task"]


class CoordinationNoteInline(admin.TabularInline):
    model = CoordinationNote
    extra = 0
    can_delete = False
    readonly_fields = ["unit", "author", "text", "created_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class InstructionInline(admin.TabularInline):
    model = Instruction
    extra = 0
    can_delete = False
    readonly_fields = ["official", "author", "secretary_name", "text", "created_at", "state"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Problem)
class ProblemAdmin(ReadOnlyAdmin):
    list_display = ["title", "task", "unit", "state", "raised_at"]
    list_filter = ["state"]
    search_fields = ["title", "description"]
    list_select_related = ["task", "unit"]
    inlines = [CoordinationNoteInline, InstructionInline]


class InstructionUnitInline(admin.TabularInline):
    model = InstructionUnit
    extra = 0
    can_delete = False
    readonly_fields = ["unit", "state", "answer", "answered_by", "answered_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Instruction)
class InstructionAdmin(ReadOnlyAdmin):
    list_display = ["task", "official", "state", "created_at"]
    list_filter = ["state"]
    list_select_related = ["task", "official"]
    inlines = [InstructionUnitInline]


@admin.register(SupervisionNotice)
class SupervisionNoticeAdmin(ReadOnlyAdmin):
    list_display = ["number", "task", "unit", "tier", "state", "issued_at", "respond_by"]
    list_filter = ["tier", "state", "year"]
    list_select_related = ["task", "unit"]
    search_fields = ["number"]


@admin.register(NoticeAttachment)
class NoticeAttachmentAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "notice", "content_type", "file_size", "created_at"]
    list_select_related = ["notice__task"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["user", "text", "about", "created_at", "read_at"]
    list_select_related = ["user"]


@admin.register(ReminderSent)
class ReminderSentAdmin(ReadOnlyAdmin):
    list_display = ["sent_on", "user", "unit", "subject"]
    list_filter = ["sent_on"]
    list_select_related = ["user", "unit"]
