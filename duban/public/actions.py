"""The public page's audit actions (see `duban.audit.actions`)."""

from duban.audit.actions import AuditAction


class PublicationAction(AuditAction):
    PROJECT_PUBLISHED = "public.project.published", "公开项目"
    PROJECT_TAKEN_DOWN = "public.project.taken_down", "撤下公开项目"
    REPORT_PUBLISHED = "public.report.published", "公开进展"
    REPORT_TAKEN_DOWN = "public.report.taken_down", "撤下公开进展"
