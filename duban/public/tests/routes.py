"""Every route of the site, filled in with a primary key, for tests that walk them all."""

import re

from django.urls import URLPattern, URLResolver, get_resolver


def routes(resolver=None, prefix=""):
    """Every path() route of the site (Django's admin, with its own log-in, left out)."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.app_name != "admin":
                yield from routes(entry, prefix + route)
        elif isinstance(entry, URLPattern):
            yield prefix + route


def fill(route: str, pk: int) -> str:
    path = re.sub(r"<id:\w+>", str(pk), route)
    return "/" + re.sub(r"<\w+:\w+>", "x", path)
