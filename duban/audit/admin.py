from django.contrib import admin

from duban.audit.models import LogEntry


@admin.register(LogEntry)
class LogEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log is written by the application, never edited by hand."""

    list_display = ["timestamp", "action", "object_repr", "user_name"]
    list_filter = ["action"]
    search_fields = ["object_repr", "user_name", "action"]
    date_hierarchy = "timestamp"
    readonly_fields = [f.name for f in LogEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
