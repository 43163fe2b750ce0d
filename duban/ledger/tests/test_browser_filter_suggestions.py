"""The ledger's unit and plan filters in a real Chromium: type part of a name, pick, filter."""

from types import SimpleNamespace

import pytest

from duban.browser_testing import BROWSER, log_in
from duban.ledger.tests.base import add_ledger_data
from duban.testing import build_cast, make_notice, make_plan, make_section, make_task

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


def test_the_office_picks_a_plan_by_part_of_its_notices_number_and_filters_the_ledger(
    browser_page, live_server, cast
):
    later = make_plan(make_notice("测政办〔2023〕5号"), title="2023年重点工作责任分解表")
    make_task(make_section(later, [cast.lin_official]), "1", "2023年的任务。", [])
    log_in(browser_page, live_server, "alice")
    browser_page.get_by_role("combobox", name="计划").fill("2023")
    browser_page.locator(".ts-dropdown .option", has_text=later.title).wait_for()
    browser_page.keyboard.press("Enter")
    # Chosen, the box closes its list, which would otherwise lie over 筛选.
    browser_page.click("form.filters button[type=submit]")
    browser_page.wait_for_url(f"**plan={later.pk}*")
    rows = browser_page.locator("table.tasks tbody tr[data-task]")
    assert rows.count() == 1
    assert "2023年的任务。" in rows.inner_text()
