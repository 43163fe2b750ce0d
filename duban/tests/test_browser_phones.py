"""The pages leaders and liaisons read on a phone, at 390 × 844 in a real Chromium: nothing
scrolls sideways, neither the page nor a table inside it. Screenshots are left in
test-results/ to look at, with the ledger at desktop width beside them."""

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse

from duban.browser_testing import BROWSER, log_in
from duban.progress.tests.base import add_progress_data
from duban.supervision.choices import Tier
from duban.supervision.models import SupervisionNotice
from duban.supervision.refresh import refresh_all
from duban.testing import build_cast, make_problem, make_report, make_target

pytestmark = BROWSER
SHOTS = Path("test-results")
TODAY = date(2022, 4, 20)

# Whatever is wider than the viewport: the page, or an element that scrolls sideways.
OVERFLOW = """() => {
    const width = window.innerWidth;
    const wide = [...document.querySelectorAll("body *")]
        .filter(e => e.scrollWidth > e.clientWidth + 1
            && getComputedStyle(e).overflowX !== "visible")
        .map(e => e.tagName + "." + e.className + " " + e.scrollWidth + ">" + e.clientWidth);
    return {page: document.documentElement.scrollWidth, width, wide};
}"""


@pytest.fixture
def world(transactional_db, settings):
    settings.DUBAN_TODAY = TODAY
    world = SimpleNamespace()
    build_cast(world)
    add_progress_data(world)
    task = world.task
    task.text = (
        "推动地区生产总值增长7%以上，固定资产投资增长10%，规上工业增加值增长8%，"
        "社会消费品零售总额增长6%，一般公共预算收入增长5%，城乡居民收入与经济增长同步。"
    )
    task.save(update_fields=["text"])
    make_target(task)
    report = make_report(task, world.fagai, world.cycle, percent_complete=30)
    report.consolidate(world.bob)
    report.accept(world.alice)
    make_problem(world.other_task, world.caizheng, world.charlie)
    SupervisionNotice.issue(
        task=task,
        unit=world.fagai,
        tier=Tier.REMIND,
        reason="一季度主要指标未达序时进度，请说明原因并提出措施。",
        respond_by=date(2022, 4, 30),
        user=world.alice,
    )
    refresh_all(TODAY)
    return world


def assert_fits(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"phone-{name}-390x844.png"), full_page=True)
    found = page.evaluate(OVERFLOW)
    assert found["page"] <= found["width"], (name, found)
    assert found["wide"] == [], (name, found)


def test_a_leader_reads_the_overview_their_page_and_a_task_on_a_phone(
    browser_page, live_server, world
):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, "lin", start=reverse("supervision:overview"))
    assert page.locator("table.cards tbody tr").count() >= 2
    assert_fits(page, "overview")
    page.goto(live_server.url + reverse("ledger:official", args=[world.lin_official.pk]))
    assert_fits(page, "leader")
    page.goto(live_server.url + reverse("ledger:task", args=[world.task.pk]))
    assert page.locator("ul.timeline li").count() >= 3
    assert_fits(page, "task")


def test_a_liaison_reads_the_units_reports_on_a_phone(browser_page, live_server, world):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, "charlie", start=reverse("progress:my-reports"))
    assert page.locator("table.cards tbody tr").count() >= 1
    assert_fits(page, "my-reports")


def test_the_ledger_shows_status_and_latest_progress_at_desktop_width(
    browser_page, live_server, world
):
    page = browser_page
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server, "alice", start=reverse("ledger:tasks"))
    row = page.locator(f"tr[data-task='{world.task.pk}']")
    assert "一季度完成投资32亿元" in row.inner_text()
    page.screenshot(path=str(SHOTS / "ledger-1366x900.png"), full_page=True)
