from django.contrib import admin

from duban.audit.admin import AuditedAdmin, ReadOnlyAdmin
from duban.ledger.choices import KindSource
from duban.ledger.models import (
    Assignment,
    ImportDraft,
    Notice,
    Official,
    Plan,
    Section,
    SectionLeader,
    Task,
    TaskLeader,
    Unit,
    UnitAlias,
)
from duban.ledger.signals import announce_tasks_changed


class PlanInline(admin.TabularInline):
    model = Plan
    fields = ["position", "annex", "title", "kind", "start_year", "end_year"]
    extra = 0
    show_change_link = True


@admin.register(Notice)
class NoticeAdmin(AuditedAdmin):
    list_display = ["doc_number", "title", "issued_on", "source_format", "created_at"]
    search_fields = ["doc_number", "title"]
    date_hierarchy = "created_at"
    # The source file and its fingerprint describe what was imported; imports set them.
    readonly_fields = [
        "source_file",
        "source_filename",
        "source_format",
        "file_hash",
        "file_size",
        "uploaded_by",
        "warnings",
        "created_at",
        "updated_at",
    ]
    inlines = [PlanInline]


class SectionLeaderInline(admin.TabularInline):
    model = SectionLeader
    extra = 0
    autocomplete_fields = ["official"]


@admin.register(Section)
class SectionAdmin(AuditedAdmin):
    list_display = ["heading", "plan", "position"]
    list_filter = ["plan__kind"]
    list_select_related = ["plan"]
    search_fields = ["heading"]
    inlines = [SectionLeaderInline]


@admin.register(Plan)
class PlanAdmin(AuditedAdmin):
    list_display = ["title", "notice", "annex", "kind", "start_year", "end_year"]
    list_filter = ["kind"]
    list_select_related = ["notice"]
    search_fields = ["title"]


class AssignmentInline(admin.TabularInline):
    model = Assignment
    fk_name = "task"
    fields = ["position", "unit", "role", "raw", "resolved_from"]
    readonly_fields = ["resolved_from"]
    autocomplete_fields = ["unit"]
    extra = 0


class TaskLeaderInline(admin.TabularInline):
    model = TaskLeader
    autocomplete_fields = ["official"]
    extra = 0


@admin.register(Task)
class TaskAdmin(AuditedAdmin):
    list_display = ["__str__", "plan", "section", "status"]
    list_filter = ["status", "plan__kind", "plan"]
    list_select_related = ["plan", "section"]
    search_fields = ["text", "name", "seq", "remark"]
    raw_id_fields = ["plan", "section"]
    filter_horizontal = ["lead_override_units"]
    readonly_fields = ["key", "location", "created_at", "updated_at"]
    inlines = [AssignmentInline, TaskLeaderInline]

    def save_related(self, request, form, formsets, change):
        # Its units, leaders, plan or state may have changed: its status and every count follow.
        super().save_related(request, form, formsets, change)
        announce_tasks_changed([form.instance.pk], regrouped=True)


class UnitAliasInline(admin.TabularInline):
    model = UnitAlias
    extra = 0


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ["name", "kind", "kind_source"]
    list_filter = ["kind", "kind_source"]
    search_fields = ["name", "aliases__alias"]
    inlines = [UnitAliasInline]

    def save_model(self, request, obj, form, change):
        # A kind set by hand is never re-inferred from the name.
        if "kind" in form.changed_data:
            obj.kind_source = KindSource.EDITED
        super().save_model(request, obj, form, change)


@admin.register(Official)
class OfficialAdmin(AuditedAdmin):
    list_display = ["name", "titles"]
    search_fields = ["name"]


@admin.register(ImportDraft)
class ImportDraftAdmin(ReadOnlyAdmin):
    list_display = ["filename", "status", "uploaded_by", "created_at", "notice"]
    list_filter = ["status"]
    search_fields = ["filename", "file_hash"]
    # The parse is long and the staged file's own: the preview shows it, not the admin.
    exclude = ["parsed"]
