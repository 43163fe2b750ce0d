"""Recompute a task's status when its report is submitted to or reviewed by the office.

The progress app records every such step in the audit log; listening there keeps the two
apps apart (progress does not import supervision).
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from duban.audit.models import LogEntry
from duban.supervision.facts import refresh_after_report

REPORT_ACTIONS = {
    "progress.report.consolidated",
    "progress.report.accepted",
    "progress.report.returned",
}


@receiver(post_save, sender=LogEntry, dispatch_uid="supervision_refresh_after_report")
def refresh_after_report_entry(sender, instance: LogEntry, created: bool, **kwargs) -> None:
    if not created or instance.action not in REPORT_ACTIONS:
        return
    report_id = int(instance.object_id)
    # After the commit, so the status reads the report's new state and a failure cannot undo the review.
    transaction.on_commit(lambda: refresh_after_report(report_id))
