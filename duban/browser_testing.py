"""Shared pieces of the browser tests, which drive Debian's Chromium through Playwright.

The fixtures (`browser`, `browser_page`, `new_browser_page`) are in duban/conftest.py;
a browser test module sets `pytestmark = BROWSER` and logs its people in with `log_in()`.
"""

import threading
from pathlib import Path

import pytest
from django.urls import reverse

from duban.testing import PASSWORD, run_jobs

CHROMIUM = Path("/usr/bin/chromium")
# Quiet and sandbox-free: CI containers run as root and have no GPU or network to phone home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# The live server runs one request at a time under this lock (duban/conftest.py): on in-memory
# SQLite its threads and the test share one connection.
APP_LOCK = threading.Lock()

BROWSER = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
]


def log_in(page, live_server, username: str, password: str = PASSWORD, start: str = "") -> None:
    """Open `start` (the ledger by default), log in on the page it redirects to, and wait
    until the log-in has gone through (to `start`, or wherever that page sends this person).
    """
    start = start or reverse("ledger:tasks")
    page.goto(live_server.url + start)
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def run_jobs_between_requests() -> None:
    """Run the queued background jobs, as the worker beside the live server would, while
    it serves no request."""
    with APP_LOCK:
        run_jobs()
