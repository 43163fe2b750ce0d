from django import template
from django.urls import reverse

from duban.lib import clock
from duban.lib.text import plain_number
from duban.targets.links import linked_path
from duban.targets.models import Target
from duban.targets.pacing import completion_ratio, status_of

register = template.Library()


@register.filter
def plain(value, places=2):
    """8.5000 → 8.5; empty stays empty."""
    if value is None or value == "":
        return ""
    return plain_number(value, int(places))


@register.filter
def describe(target, goal=None):
    """The target in words with the given value in force: {{ target|describe:status.goal }}."""
    return target.describe(goal)


@register.inclusion_tag("targets/inc/task_panel.html")
def task_targets_panel(task, user):
    """The task's targets with the value in force, the latest value, attainment and 序时进度.

    The task page has already checked that `user` may see the task.
    """
    today = clock.today()
    targets = (
        Target.objects.active()
        .filter(task=task)
        .select_related("metric", "task__plan")
        .prefetch_related("revisions")
    )
    rows = []
    for target in targets:
        status = status_of(target, today)
        ratio = None
        if status.value is not None:
            ratio = completion_ratio(target, status.value, status.goal)
        paths = [linked_path(target)]
        paths += [linked_path(link.five_year) for link in target.five_year_links.live()]
        warnings = [p.warning for p in paths if p is not None and p.warning]
        rows.append(
            {
                "target": target,
                "goal": target.value_on(today),
                "status": status,
                "ratio": ratio,
                "warnings": warnings,
            }
        )
    links_url = reverse("targets:notice-links", args=[task.plan.notice_id]) if rows else ""
    return {"rows": rows, "links_url": links_url, "user": user}
