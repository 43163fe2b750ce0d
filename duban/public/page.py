"""The public 民生实事 page's content, copied field by field from what the office published.

Only the fields named here leave the system: a project's name and content, its units and
their roles, its status colour and the progress text of its published accepted reports.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from duban.ledger.choices import PlanKind
from duban.ledger.models import Assignment, Task
from duban.progress.choices import ReportKind, ReportState
from duban.progress.models import Report
from duban.public.choices import Visibility


@dataclass
class PublicProgress:
    cycle: str
    text: str


@dataclass
class PublicEntry:
    plan: str
    seq: str
    name: str
    text: str
    units: list[tuple[str, str]]
    status: str
    updated: date
    progress: list[PublicProgress] = field(default_factory=list)


def published_tasks():
    """Active projects of livelihood plans that the office has published."""
    return Task.objects.active().filter(
        plan__kind=PlanKind.LIVELIHOOD, publication__state=Visibility.PUBLISHED
    )


def published_reports():
    return Report.objects.filter(
        kind=ReportKind.CONSOLIDATED,
        state=ReportState.ACCEPTED,
        publication__state=Visibility.PUBLISHED,
        task__in=published_tasks(),
    )


def public_entries() -> list[PublicEntry]:
    tasks = (
        published_tasks()
        .select_related("plan", "publication", "supervision_status")
        .prefetch_related(
            Prefetch("assignments", Assignment.objects.select_related("unit")),
            Prefetch(
                "reports",
                published_reports()
                .select_related("cycle", "publication")
                .order_by("-cycle__period_end"),
                to_attr="public_reports",
            ),
        )
        .order_by("plan_id", "position")
    )
    entries = []
    for task in tasks:
        status = getattr(task, "supervision_status", None)
        changes = [task.publication.changed_at] + [
            r.publication.changed_at for r in task.public_reports
        ]
        entries.append(
            PublicEntry(
                plan=task.plan.title,
                seq=task.seq,
                name=task.name,
                text=task.text,
                units=[(a.get_role_display(), a.unit.name) for a in task.assignments.all()],
                status=status.get_colour_display() if status else "",
                updated=timezone.localdate(max(changes)),
                progress=[PublicProgress(r.cycle.name, r.progress) for r in task.public_reports],
            )
        )
    return entries
