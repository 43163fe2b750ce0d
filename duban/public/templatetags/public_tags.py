from django import template

from duban.ledger.choices import PlanKind
from duban.progress.choices import ReportKind, ReportState
from duban.public.choices import Visibility

register = template.Library()


def _state(obj) -> str:
    publication = getattr(obj, "publication", None)
    return publication.state if publication else ""


@register.inclusion_tag("public/inc/toggle.html", takes_context=True)
def public_toggle(context, obj):
    """The office's 公开 / 撤下 button for a livelihood project or an accepted report of one."""
    task = getattr(obj, "task", obj)
    shown = (
        getattr(context.get("access"), "is_office", False) and task.plan.kind == PlanKind.LIVELIHOOD
    )
    is_report = obj is not task
    if is_report:
        shown = shown and obj.kind == ReportKind.CONSOLIDATED and obj.state == ReportState.ACCEPTED
    # Only the office sees the button: others pay no query for the publication's state.
    published = shown and _state(obj) == Visibility.PUBLISHED
    prefix = "public:report-" if is_report else "public:project-"
    return {
        "shown": shown,
        "published": published,
        "action": prefix + ("take-down" if published else "publish"),
        "pk": obj.pk,
        "what": "进展" if is_report else "项目",
        "csrf_token": context.get("csrf_token"),
    }
