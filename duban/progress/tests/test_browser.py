"""The whole reporting round in a real Chromium: part, consolidation, return, resubmission."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from duban.browser_testing import BROWSER, log_in
from duban.progress.choices import ReportState
from duban.progress.models import Report
from duban.progress.tests.base import add_progress_data
from duban.testing import build_cast

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"

pytestmark = BROWSER


@pytest.fixture
def world(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    world = SimpleNamespace()
    build_cast(world)
    add_progress_data(world)
    return world


@pytest.fixture
def log_in_as(new_browser_page, live_server):
    """Log a person in on their own page, starting from their reports."""

    def log_in_as(username: str):
        page = new_browser_page()
        log_in(page, live_server, username, start=reverse("progress:my-reports"))
        return page

    return log_in_as


def test_a_part_is_consolidated_returned_resubmitted_and_accepted(log_in_as, live_server, world):
    # The cooperating unit writes its part, attaches evidence and submits it.
    charlie = log_in_as("charlie")
    charlie.click("text=开始填报")
    charlie.fill("#id_progress", "已拨付专项资金2亿元。")
    charlie.click("button[name=save]")
    charlie.wait_for_selector("text=草稿已保存")
    charlie.set_input_files(
        "#id_file", files=[{"name": "拨付凭证.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    charlie.click("form[enctype] button[type=submit]")
    charlie.wait_for_selector("text=佐证材料已上传")
    charlie.click("button[name=submit]")
    charlie.wait_for_selector("text=报告已报送")
    part = Report.objects.get(unit=world.caizheng)
    assert part.state == ReportState.SUBMITTED

    # The lead unit writes its own report and consolidates the part into it.
    bob = log_in_as("bob")
    bob.click("text=开始填报")
    bob.fill("#id_progress", "一季度完成投资32亿元，3个项目开工。")
    bob.click("button[name=save]")
    bob.wait_for_selector("text=草稿已保存")
    consolidated = Report.objects.get(unit=world.fagai)
    bob.goto(live_server.url + reverse("progress:report-consolidate", args=[consolidated.pk]))
    assert "已拨付专项资金2亿元。" in bob.content()
    assert "拨付凭证.pdf" in bob.content()
    bob.click("text=汇总已报送的配合单位报告并报送督查室")
    bob.wait_for_selector("text=已汇总并报送督查室")

    # The office returns it with a comment.
    office = log_in_as("alice")
    office.goto(live_server.url + reverse("progress:review-queue"))
    office.fill("input[name=comment]", "请补充投资完成率")
    office.click("text=退回")
    office.wait_for_selector("text=没有待审核的报告")

    # The lead unit sees the comment, edits and submits again.
    bob.goto(live_server.url + reverse("progress:report-edit", args=[consolidated.pk]))
    assert "请补充投资完成率" in bob.content()
    bob.fill("#id_progress", "一季度完成投资32亿元，占年度计划27%，3个项目开工。")
    bob.click("button[name=submit]")
    bob.wait_for_selector("text=报告已报送")

    # The office accepts it, and the task page shows the accepted report.
    office.goto(live_server.url + reverse("progress:review-queue"))
    office.click("button:has-text('采纳')")
    office.wait_for_selector("text=没有待审核的报告")
    consolidated.refresh_from_db()
    part.refresh_from_db()
    assert (consolidated.state, part.state) == (ReportState.ACCEPTED, ReportState.CONSOLIDATED)
    office.goto(live_server.url + reverse("ledger:task", args=[world.task.pk]))
    panel = office.locator("#progress")
    assert panel.locator("[data-state=accepted]").count() == 1
    assert panel.locator("[data-state=consolidated]").count() == 1
    # Its status was computed on review, and the timeline tells the whole round.
    supervision = office.locator("#supervision")
    assert "尚未计算状态" not in supervision.inner_text()
    timeline = supervision.locator("ul.timeline").last.inner_text()
    for step in ("退回了", "采纳了"):
        assert step in timeline
