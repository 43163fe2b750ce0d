"""A returned report announces itself in a real Chromium, and reads as handled once resubmitted."""

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core import mail
from django.urls import reverse

from duban.browser_testing import BROWSER, log_in
from duban.progress.tests.base import add_progress_data
from duban.testing import build_cast, make_report

pytestmark = BROWSER

# Set DUBAN_SCREENSHOTS to a directory to keep the pages for a look.
SCREENSHOTS = os.environ.get("DUBAN_SCREENSHOTS", "")


def shoot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


@pytest.fixture
def world(transactional_db):
    world = SimpleNamespace()
    build_cast(world)
    add_progress_data(world)
    world.report = make_report(world.task, world.fagai, world.cycle)
    world.report.consolidate(world.bob)
    return world


def test_the_unit_reads_the_return_comment_in_its_messages(new_browser_page, live_server, world):
    office = new_browser_page()
    log_in(office, live_server, "alice", start=reverse("progress:review-queue"))
    office.fill("input[name=comment]", "请补充投资完成率")
    office.click("text=退回")
    office.wait_for_selector("text=没有待审核的报告")
    (email,) = mail.outbox
    assert email.to == ["bob@example.org"]
    assert "请补充投资完成率" in email.body

    bob = new_browser_page()
    log_in(bob, live_server, "bob", start=reverse("supervision:notifications"))
    row = bob.locator("tbody tr").first
    assert "被督查室退回" in row.inner_text()
    assert "修改意见：请补充投资完成率" in row.inner_text()
    assert row.locator("strong").count() == 1  # unread
    shoot(bob, "messages-unread")

    # Not opened from the list: the report is edited and submitted again from its own page.
    bob.goto(live_server.url + reverse("progress:report-edit", args=[world.report.pk]))
    bob.fill("#id_progress", "一季度完成投资32亿元，占年度计划27%。")
    bob.click("button[name=submit]")
    bob.wait_for_selector("text=报告已报送")

    bob.goto(live_server.url + reverse("supervision:notifications"))
    assert bob.locator("tbody tr strong").count() == 0
    assert "未读 0 条" in bob.content()
    shoot(bob, "messages-handled")
