"""Reading the numbers a dashboard links and the count of the list each link opens."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from django.db.models import Q

from duban.ledger.models import Task, TaskLeader
from duban.supervision.models import Problem, SupervisionNotice

LINK = re.compile(r'<a href="([^"]+)" data-count="(\d+)">')
LIST_COUNT = re.compile(r'id="list-count" data-count="(\d+)"')


def linked_numbers(html: str) -> list[tuple[str, int]]:
    return [(unescape(href), int(n)) for href, n in LINK.findall(html)]


def list_count(html: str) -> int:
    return int(LIST_COUNT.search(html).group(1))


def direct_count(url: str, today) -> int:
    """The number of records a list URL asks for, counted straight from the models."""
    parts = urlsplit(url)
    params = {k: v[0] for k, v in parse_qs(parts.query).items()}
    if parts.path == "/tasks/":
        tasks = Task.objects.filter(status="active")
        if "colour" in params:
            tasks = tasks.filter(supervision_status__colour=params["colour"])
        if "plan" in params:
            tasks = tasks.filter(plan_id=params["plan"])
        if "leader" in params:
            led = TaskLeader.objects.filter(official_id=params["leader"]).values("task_id")
            tasks = tasks.filter(pk__in=led)
        if "unit" in params:
            tasks = tasks.filter(
                Q(assignments__unit_id=params["unit"]) | Q(lead_override_units=params["unit"])
            ).distinct()
        return tasks.count()
    if parts.path == "/supervision/problems/":
        records = Problem.objects.exclude(state__in=["resolved", "closed"])
        started = "raised_at"
    else:
        records = SupervisionNotice.objects.filter(state="issued")
        started = "issued_at"
    if "leader" in params:
        led = TaskLeader.objects.filter(official_id=params["leader"]).values("task_id")
        records = records.filter(task__in=led)
    fewest, most = {"week": (0, 7), "month": (8, 30), "older": (31, None)}[params["age"]]
    days = [(today - getattr(r, started).date()).days for r in records]
    return sum(1 for d in days if d >= fewest and (most is None or d <= most))
