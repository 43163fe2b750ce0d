"""The admin policy: workflow state is read-only here, every other admin edit is audited.

Every model registered in the admin uses one of the two classes below (a test checks it).
"""

from django.contrib import admin

from duban.audit.actions import AdminAction
from duban.audit.log import record
from duban.audit.models import LogEntry


class ReadOnlyAdmin(admin.ModelAdmin):
    """For workflow state: it moves only through model methods that check and audit it."""

    def has_add_permission(self, request, *args) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class AuditedAdmin(admin.ModelAdmin):
    """For reference data: every edit made here, inlines and passwords included, is audited.

    Django's admin calls these hooks after each save and before each deletion, whichever view
    made it (change form, list edit, bulk delete, password form).
    """

    def log_addition(self, request, obj, message):
        record(AdminAction.CREATED, obj, user=request.user, data={"changes": message})
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        record(AdminAction.CHANGED, obj, user=request.user, data={"changes": message})
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            record(AdminAction.DELETED, obj, user=request.user)
        return super().log_deletions(request, queryset)


@admin.register(LogEntry)
class LogEntryAdmin(ReadOnlyAdmin):
    """The audit log is written by the application, never edited by hand."""

    list_display = ["timestamp", "action_label", "action", "object_repr", "user_name"]
    list_filter = ["action"]
    search_fields = ["object_repr", "user_name", "action"]
    date_hierarchy = "timestamp"
    readonly_fields = [f.name for f in LogEntry._meta.fields]

    @admin.display(description="操作说明")
    def action_label(self, entry: LogEntry) -> str:
        return entry.action_label
