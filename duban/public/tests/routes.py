"""Every route of the site, filled in with a primary key, for tests that walk them all."""

import re

from duban.tests.urls import patterns


def routes() -> list[str]:
    """Every named route of the site (Django's admin, with its own log-in, left out)."""
    return [p.route for p in patterns() if not p.name.startswith("admin:")]


def fill(route: str, pk: int) -> str:
    path = re.sub(r"<id:\w+>", str(pk), route)
    return "/" + re.sub(r"<\w+:\w+>", "x", path)
