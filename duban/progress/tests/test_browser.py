"""The whole reporting round in a real Chromium: part, consolidation, return, resubmission."""

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse

from duban.progress.choices import ReportState
from duban.progress.models import Report
from duban.progress.tests.base import build_world

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "correct horse battery"
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"

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
def world(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    world = SimpleNamespace()
    build_world(world)
    for user in (world.office, world.xavier, world.yvonne):
        user.set_password(PASSWORD)
        user.save()
    return world


@pytest.fixture
def log_in(browser, live_server):
    contexts = []

    def log_in(username: str):
        context = browser.new_context(locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(live_server.url + reverse("progress:my-reports"))
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("main button[type=submit]")
        page.wait_for_load_state()
        return page

    yield log_in
    for context in contexts:
        context.close()


def test_a_part_is_consolidated_returned_resubmitted_and_accepted(log_in, live_server, world):
    # The cooperating unit writes its part, attaches evidence and submits it.
    yvonne = log_in("yvonne")
    yvonne.click("text=开始填报")
    yvonne.fill("#id_progress", "已拨付专项资金2亿元。")
    yvonne.click("button[name=save]")
    yvonne.wait_for_selector("text=草稿已保存")
    yvonne.set_input_files(
        "#id_file", files=[{"name": "拨付凭证.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    yvonne.click("form[enctype] button[type=submit]")
    yvonne.wait_for_selector("text=佐证材料已上传")
    yvonne.click("button[name=submit]")
    yvonne.wait_for_selector("text=报告已报送")
    part = Report.objects.get(unit=world.y)
    assert part.state == ReportState.SUBMITTED

    # The lead unit writes its own report and consolidates the part into it.
    xavier = log_in("xavier")
    xavier.click("text=开始填报")
    xavier.fill("#id_progress", "一季度完成投资32亿元，3个项目开工。")
    xavier.click("button[name=save]")
    xavier.wait_for_selector("text=草稿已保存")
    consolidated = Report.objects.get(unit=world.x)
    xavier.goto(live_server.url + reverse("progress:report-consolidate", args=[consolidated.pk]))
    assert "已拨付专项资金2亿元。" in xavier.content()
    assert "拨付凭证.pdf" in xavier.content()
    xavier.click("text=汇总已报送的配合单位报告并报送督查室")
    xavier.wait_for_selector("text=已汇总并报送督查室")

    # The office returns it with a comment.
    office = log_in("office")
    office.goto(live_server.url + reverse("progress:review-queue"))
    office.fill("input[name=comment]", "请补充投资完成率")
    office.click("text=退回")
    office.wait_for_selector("text=没有待审核的报告")

    # The lead unit sees the comment, edits and submits again.
    xavier.goto(live_server.url + reverse("progress:report-edit", args=[consolidated.pk]))
    assert "请补充投资完成率" in xavier.content()
    xavier.fill("#id_progress", "一季度完成投资32亿元，占年度计划27%，3个项目开工。")
    xavier.click("button[name=submit]")
    xavier.wait_for_selector("text=报告已报送")

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
