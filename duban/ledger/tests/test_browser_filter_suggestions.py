"""The ledger's unit filter in a real Chromium: type part of a name, pick it, filter."""

from types import SimpleNamespace

import pytest

from duban.browser_testing import BROWSER, log_in
from duban.ledger.tests.base import add_ledger_data
from duban.testing import build_cast

pytestmark = BROWSER


@pytest.fixture
def cast(transactional_db):
    c = SimpleNamespace()
    build_cast(c)
    add_ledger_data(c)
    return c


def test_the_office_types_part_of_a_unit_name_and_filters_the_ledger(
    browser_page, live_server, cast
):
    log_in(browser_page, live_server, "alice")
    rows = browser_page.locator("table.tasks tbody tr[data-task]")
    assert rows.count() == 3

    browser_page.get_by_role("combobox", name="责任单位").fill("教育")
    option = browser_page.locator(".ts-dropdown .option", has_text="区教育局")
    option.wait_for()
    browser_page.keyboard.press("Enter")
    browser_page.click("form.filters button[type=submit]")
    browser_page.wait_for_url(f"**unit={cast.jiaoyu.pk}*")
    assert rows.count() == 1
    assert cast.wang_task.text in browser_page.locator("table.tasks").inner_text()
