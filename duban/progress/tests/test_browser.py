"""The whole reporting round in a real Chromium: part, consolidation, return, resubmission;
the report form keeping what was typed; the office reading the whole consolidated report."""

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from duban.browser_testing import BROWSER, log_in
from duban.progress.choices import CycleState, ReportState
from duban.progress.models import Attachment, Report
from duban.progress.tests.base import add_progress_data
from duban.testing import build_cast, make_cycle, make_report

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
SHOTS = Path("test-results")

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
    charlie.click("button[name=upload]")
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
    assert panel.locator("table [data-state=accepted]").count() == 1
    assert panel.locator("table [data-state=consolidated]").count() == 1
    # Its status was computed on review, and the timeline tells the whole round.
    supervision = office.locator("#supervision")
    assert "尚未计算状态" not in supervision.inner_text()
    timeline = supervision.locator("ul.timeline").last.inner_text()
    for step in ("退回了", "采纳了"):
        assert step in timeline


def test_the_typed_text_survives_an_upload_and_a_save_from_another_tab(log_in_as, world):
    february = make_cycle(world.plan, date(2022, 2, 1), state=CycleState.LOCKED)
    make_report(
        world.task,
        world.caizheng,
        february,
        progress="二月拨付专项资金1亿元。",
        next_steps="三月完成第二批资金拨付。",
        state=ReportState.CONSOLIDATED,
    )
    report = make_report(world.task, world.caizheng, world.cycle, progress="")
    charlie = log_in_as("charlie")
    charlie.click(f"a[href='{reverse('progress:report-edit', args=[report.pk])}']")

    # The previous cycle's report sits beside the form; its text is copied in by a click.
    assert "二月拨付专项资金1亿元。" in charlie.locator("#previous").inner_text()
    charlie.click("button[data-copy-to=id_next_steps]")
    assert charlie.input_value("#id_next_steps") == "三月完成第二批资金拨付。"

    # Text typed, then a file uploaded without saving first: the text is still there.
    charlie.fill("#id_progress", "已拨付专项资金2亿元，惠及企业36家。")
    charlie.fill("#id_problems", "部分企业材料不全。")
    charlie.set_input_files(
        "#id_file", files=[{"name": "拨付凭证.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    charlie.click("button[name=upload]")
    charlie.wait_for_selector("text=草稿已保存，佐证材料已上传。")
    assert charlie.input_value("#id_progress") == "已拨付专项资金2亿元，惠及企业36家。"
    assert charlie.input_value("#id_problems") == "部分企业材料不全。"
    assert charlie.input_value("#id_next_steps") == "三月完成第二批资金拨付。"
    assert charlie.locator("#evidence").get_by_text("拨付凭证.pdf").count() == 1
    charlie.screenshot(path=str(SHOTS / "report-form-after-upload.png"), full_page=True)

    # Enter in the percent field saves the draft, not the first file's 删除 button.
    charlie.fill("#id_percent_complete", "40")
    charlie.press("#id_percent_complete", "Enter")
    charlie.wait_for_selector("text=草稿已保存。")
    assert Attachment.objects.filter(report=report).count() == 1

    # Two tabs on one draft: the older tab's save is refused and keeps what it typed.
    other = charlie.context.new_page()
    other.goto(charlie.url)
    charlie.fill("#id_progress", "第一个标签页的内容。")
    charlie.click("button[name=save]")
    charlie.wait_for_selector("text=草稿已保存。")
    other.fill("#id_progress", "第二个标签页的内容。")
    other.click("button[name=save]")
    other.wait_for_selector("#stale")
    stale = other.locator("#stale").inner_text()
    assert "本次保存未生效" in stale
    assert "第一个标签页的内容。" in stale and "第二个标签页的内容。" in stale
    assert other.input_value("#id_progress") == "第二个标签页的内容。"
    other.screenshot(path=str(SHOTS / "report-form-stale-save.png"), full_page=True)
    # Saving again, knowingly, keeps the second tab's text.
    other.click("button[name=save]")
    other.wait_for_selector("text=草稿已保存。")
    report.refresh_from_db()
    assert report.progress == "第二个标签页的内容。"
    assert report.next_steps == "三月完成第二批资金拨付。"


def test_the_office_reads_the_consolidated_report_with_its_parts_and_evidence(
    log_in_as, live_server, world
):
    part = make_report(world.task, world.caizheng, world.cycle, progress="已拨付专项资金2亿元。")
    upload = SimpleUploadedFile("拨付凭证.pdf", PDF, content_type="application/pdf")
    Attachment.add(part, upload, world.charlie)
    part.submit(world.charlie)
    joint = make_report(world.task, world.shangwu, world.cycle, progress="新增外资企业5家。")
    joint.submit(world.joan)
    consolidated = make_report(world.task, world.fagai, world.cycle, progress="完成投资32亿元。")
    consolidated.consolidate(world.bob)

    office = log_in_as("alice")
    office.goto(live_server.url + consolidated.get_absolute_url())
    parts = office.locator("#parts")
    assert "已拨付专项资金2亿元。" in parts.inner_text()
    assert "新增外资企业5家。" in parts.inner_text()
    office.screenshot(path=str(SHOTS / "consolidated-report.png"), full_page=True)
    with office.expect_download() as download:
        parts.get_by_text("拨付凭证.pdf").click()
    assert download.value.suggested_filename == "拨付凭证.pdf"

    # The task page shows the latest progress text itself.
    office.goto(live_server.url + reverse("ledger:task", args=[world.task.pk]))
    assert "完成投资32亿元。" in office.locator("#latest-progress").inner_text()
