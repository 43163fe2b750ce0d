import os

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

from duban.browser_testing import APP_LOCK, CHROMIUM, CHROMIUM_ARGS


class SerialAppServer(ThreadedWSGIServer):
    """Reads requests on threads but runs the application for one at a time.

    On in-memory SQLite every thread of the live server shares the test's one connection, and a
    page whose charts fetch their data at once would use it from several threads together.
    """

    def set_app(self, application):
        def serial(environ, start_response):
            with APP_LOCK:
                return application(environ, start_response)

        super().set_app(serial)


LiveServerThread.server_class = SerialAppServer


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an asyncio event loop in this thread, so Django's
    # async-safety check would refuse the ORM calls the test makes between page actions.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_browser_page(browser):
    """Open a page in a fresh browser context (its own cookies), one per person logged in."""
    contexts = []

    def new_page():
        context = browser.new_context(locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield new_page
    for context in contexts:
        context.close()


@pytest.fixture
def browser_page(new_browser_page):
    return new_browser_page()
