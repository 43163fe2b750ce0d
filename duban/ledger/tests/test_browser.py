"""The ledger in a real Chromium: a unit liaison's view and the office's import."""

from types import SimpleNamespace

import pytest

from duban.browser_testing import BROWSER, log_in, run_jobs_between_requests
from duban.ledger.models import Task
from duban.ledger.tests.base import add_ledger_data
from duban.testing import build_cast

REFERENCE_DOCX = "000_de8080339d2f7ae4.docx"

pytestmark = BROWSER


@pytest.fixture
def cast(transactional_db, settings, tmp_path):
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.MEDIA_ROOT = tmp_path / "files"
    c = SimpleNamespace()
    build_cast(c)
    add_ledger_data(c)
    return c


def test_a_unit_liaison_filters_the_ledger_and_opens_own_task(browser_page, live_server, cast):
    log_in(browser_page, live_server, "bob")
    rows = browser_page.locator("table.tasks tbody tr[data-task]")
    assert rows.count() == 1
    assert cast.task.text in browser_page.content()
    assert cast.wang_task.text not in browser_page.content()

    browser_page.fill("#id_q", "预算")
    browser_page.click("form.filters button[type=submit]")
    browser_page.wait_for_url("**/tasks/?*q=*")
    assert rows.count() == 0
    browser_page.fill("#id_q", "生产总值")
    browser_page.select_option("#id_role", "lead")
    browser_page.click("form.filters button[type=submit]")
    browser_page.wait_for_url("**role=lead*")
    assert rows.count() == 1

    browser_page.click(f"a[href='{cast.task.get_absolute_url()}']")
    browser_page.wait_for_url(live_server.url + cast.task.get_absolute_url())
    assert browser_page.locator("h1").inner_text()
    assert "区发改局" in browser_page.locator("main").inner_text()

    response = browser_page.goto(live_server.url + cast.wang_task.get_absolute_url())
    assert response.status == 404


def test_the_office_imports_the_reference_notice(browser_page, live_server, cast, seed_dir):
    docx = seed_dir / REFERENCE_DOCX
    if not docx.exists():
        pytest.skip(f"the reference notice is not at {docx}")
    log_in(browser_page, live_server, "alice")
    browser_page.click("nav >> text=管理")
    browser_page.click("nav >> text=导入通知")
    browser_page.set_input_files("input[type=file]", str(docx))
    browser_page.click("main button[type=submit]")
    browser_page.wait_for_url("**/jobs/*/")
    run_jobs_between_requests()
    browser_page.wait_for_url("**/import/*/")
    assert "新增 161 行" in browser_page.locator("main").inner_text()

    browser_page.click("text=确认导入")
    browser_page.wait_for_url("**/notices/*/")
    assert "导入完成" in browser_page.locator(".messages").inner_text()
    assert Task.objects.count() == 161 + 3  # the cast's three tasks

    browser_page.click("nav >> text=台账")
    browser_page.fill("#id_q", "地区生产总值")
    browser_page.click("form.filters button[type=submit]")
    browser_page.wait_for_url("**q=*")
    assert "地区生产总值年均增长" in browser_page.locator("table.tasks").inner_text()
