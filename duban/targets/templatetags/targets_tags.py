from django import template
from django.db.models import Prefetch
from django.urls import reverse

from duban.lib import clock
from duban.lib.text import plain_number
from duban.targets.links import linked_path
from duban.targets.models import Target, TargetLink
from duban.targets.pacing import completion_ratio, status_of, values_in_effect

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
    live_links = TargetLink.objects.live().select_related("five_year__task__plan")
    targets = list(
        Target.objects.active()
        .filter(task=task)
        .select_related("metric", "task__plan")
        .prefetch_related(
            "revisions", Prefetch("five_year_links", live_links, to_attr="live_five_year_links")
        )
    )
    values = values_in_effect(targets)
    rows = []
    for target in targets:
        status = status_of(target, today, measurements=values[target.pk])
        ratio = None
        if status.value is not None:
            ratio = completion_ratio(target, status.value, status.goal)
        paths = [linked_path(target)]
        paths += [linked_path(link.five_year) for link in target.live_five_year_links]
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
