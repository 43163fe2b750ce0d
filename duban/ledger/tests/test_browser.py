"""The ledger in a real Chromium: a unit liaison's view and the office's import."""

import os
from pathlib import Path

import pytest
from django.urls import reverse

from duban.ledger.models import Task
from duban.ledger.tests.cast import build_cast
from duban.testing import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
REFERENCE_DOCX = "000_de8080339d2f7ae4.docx"

# Playwright's sync API runs an asyncio event loop in this thread, so Django's
# async-safety check would refuse the ORM calls the test makes between page actions.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def cast(transactional_db, settings, tmp_path):
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.MEDIA_ROOT = tmp_path / "files"
    return build_cast()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def log_in(page, live_server, username: str) -> None:
    page.goto(live_server.url + reverse("ledger:tasks"))
    assert "/accounts/login/" in page.url
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + reverse("ledger:tasks"))


def test_a_unit_liaison_filters_the_ledger_and_opens_own_task(page, live_server, cast):
    log_in(page, live_server, "unit_x")
    rows = page.locator("table.tasks tbody tr[data-task]")
    assert rows.count() == 1
    assert cast.task_x.text in page.content()
    assert cast.task_y.text not in page.content()

    page.fill("#id_q", "预算")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/tasks/?*q=*")
    assert rows.count() == 0
    page.fill("#id_q", "滨江")
    page.select_option("#id_role", "lead")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**role=lead*")
    assert rows.count() == 1

    page.click(f"a[href='{cast.task_x.get_absolute_url()}']")
    page.wait_for_url(live_server.url + cast.task_x.get_absolute_url())
    assert page.locator("h1").inner_text()
    assert "区发改局" in page.locator("main").inner_text()

    response = page.goto(live_server.url + cast.task_y.get_absolute_url())
    assert response.status == 404


def test_the_office_imports_the_reference_notice(page, live_server, cast, seed_dir):
    docx = seed_dir / REFERENCE_DOCX
    if not docx.exists():
        pytest.skip(f"the reference notice is not at {docx}")
    log_in(page, live_server, "office")
    page.click("nav >> text=导入通知")
    page.set_input_files("input[type=file]", str(docx))
    page.click("main button[type=submit]")
    page.wait_for_url("**/import/*/")
    assert "新增 161 行" in page.locator("main").inner_text()

    page.click("text=确认导入")
    page.wait_for_url("**/notices/*/")
    assert "导入完成" in page.locator(".messages").inner_text()
    assert Task.objects.count() == 161 + 2

    page.click("nav >> text=台账")
    page.fill("#id_q", "地区生产总值")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**q=*")
    assert "地区生产总值年均增长" in page.locator("table.tasks").inner_text()
