from django.contrib import admin

from duban.audit.admin import AuditedAdmin, ReadOnlyAdmin
from duban.targets.models import (
    Measurement,
    Metric,
    MetricAlias,
    Target,
    TargetLink,
    TargetRevision,
)


class MetricAliasInline(admin.TabularInline):
    model = MetricAlias
    fields = ["name"]
    extra = 1


@admin.register(Metric)
class MetricAdmin(AuditedAdmin):
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    inlines = [MetricAliasInline]


class TargetRevisionInline(admin.TabularInline):
    model = TargetRevision
    fields = ["effective_on", "old_value", "new_value", "reason", "document", "user"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Target)
class TargetAdmin(AuditedAdmin):
    """Targets come from their task's text; the value changes only through Target.revise()."""

    list_display = ["metric_text", "measure", "comparator", "value", "unit", "period", "task"]
    list_filter = ["measure", "period", "status", "metric__kind"]
    search_fields = ["metric_text", "text", "metric__name"]
    raw_id_fields = ["task"]
    autocomplete_fields = ["metric"]
    # What the judgement reads is kept as printed; a hand edit would bypass revise()'s audit.
    readonly_fields = [
        "task",
        "measure",
        "comparator",
        "value",
        "unit",
        "period",
        "status",
        "created_at",
        "updated_at",
    ]
    inlines = [TargetRevisionInline]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(TargetLink)
class TargetLinkAdmin(ReadOnlyAdmin):
    """Links are confirmed or removed on the targets pages, which audit it."""

    list_display = ["annual", "five_year", "state", "origin", "decided_by"]
    list_filter = ["state", "origin"]
    raw_id_fields = ["annual", "five_year"]


@admin.register(Measurement)
class MeasurementAdmin(ReadOnlyAdmin):
    """Values are recorded and corrected through duban.targets.values, which audits them."""

    list_display = ["on_date", "metric", "target", "value", "unit", "source", "reported_by"]
    list_filter = ["source"]
    date_hierarchy = "on_date"
    raw_id_fields = ["target", "report"]
