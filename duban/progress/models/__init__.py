"""Reporting cycles, unit reports with office review, evidence files and quarterly milestones.

Every state change is a model method that checks the current state, runs in a transaction
and writes an audit entry. Reports are written with optimistic locking: each write bumps
`version` and is refused with `StaleRecord` when the version it started from is no longer
the one in the database.
"""

from duban.progress.models.attachments import Attachment, evidence_path
from duban.progress.models.cycles import ReportingCycle, ReportingCycleQuerySet, require_open_cycle
from duban.progress.models.milestones import Milestone, MilestoneQuerySet
from duban.progress.models.reports import Report, ReportQuerySet, Review
from duban.progress.models.rules import (
    DELIVERED_STATES,
    EDITABLE_STATES,
    STALE_REPORT_MESSAGE,
    led_task_ids,
)

__all__ = [
    "DELIVERED_STATES",
    "EDITABLE_STATES",
    "STALE_REPORT_MESSAGE",
    "Attachment",
    "Milestone",
    "MilestoneQuerySet",
    "Report",
    "ReportQuerySet",
    "ReportingCycle",
    "ReportingCycleQuerySet",
    "Review",
    "evidence_path",
    "led_task_ids",
    "require_open_cycle",
]
