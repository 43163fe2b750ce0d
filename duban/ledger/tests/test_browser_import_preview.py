"""The office corrects, in a real Chromium, a notice whose table header the parser cannot place."""

import io
from types import SimpleNamespace

import pytest
from docx import Document

from duban.browser_testing import BROWSER, log_in, run_jobs_between_requests
from duban.ledger.models import Notice, Task
from duban.ledger.tests.base import add_ledger_data
from duban.testing import NOTICE_ROWS, build_cast, notice_text

pytestmark = BROWSER

LETTER = [
    "测试区人民政府办公室文件",
    "测政办〔2026〕9号",
    "关于印发2026年民生实事责任分解的通知",
    "各街道、区级各部门：",
    "现将2026年民生实事责任分解表印发给你们，请认真贯彻落实。",
    "测试区人民政府办公室",
    "2026年3月1日",
    "附件",
    "2026年民生实事责任分解表",
]


def notice_docx() -> bytes:
    """A notice whose table names its lead and cooperating units 甲方 and 乙方: the cells say
    they are units, nothing says which lead."""
    document = Document()
    for line in LETTER:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=5)
    for cell, label in zip(
        table.rows[0].cells, ["类别", "事项", "甲方", "乙方", "时间"], strict=True
    ):
        cell.text = label
    for row in NOTICE_ROWS:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def cast(transactional_db, settings, tmp_path):
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.MEDIA_ROOT = tmp_path / "files"
    c = SimpleNamespace()
    build_cast(c)
    add_ledger_data(c)
    return c


def upload(page, path) -> None:
    page.click("nav >> text=管理")
    page.click("nav >> text=导入通知")
    page.set_input_files("input[type=file]", str(path))
    page.click("main form[enctype] button[type=submit]")
    page.wait_for_url("**/jobs/*/")
    run_jobs_between_requests()
    page.wait_for_url("**/import/*/")


def test_the_office_assigns_column_roles_and_a_reimport_applies_them_again(
    browser_page, live_server, cast, tmp_path
):
    path = tmp_path / "民生实事.docx"
    path.write_bytes(notice_docx())
    page = browser_page
    log_in(page, live_server, "alice")
    upload(page, path)
    layout = page.locator("form#table-1")
    assert "待确认" in layout.inner_text()

    layout.locator("select[name=role_0]").select_option("")
    layout.locator("select[name=role_2]").select_option("lead_units")
    layout.locator("select[name=role_3]").select_option("support_units")
    layout.locator("text=按所选重新读取").click()
    page.wait_for_url("**/import/*/#table-1")
    first = page.locator("tr[data-row='0-0-0']")
    assert first.locator("td.units-lead").inner_text() == "区住建局"
    assert first.locator("td.units-support").inner_text() == "区财政局、各街道"

    page.click("text=确认导入")
    page.wait_for_url("**/notices/*/")
    assert "导入完成" in page.locator(".messages").inner_text()
    notice = Notice.objects.get(doc_number="测政办〔2026〕9号")
    tasks = Task.objects.filter(plan__notice=notice)
    assert tasks.count() == 3
    leads = {t.text: [a.unit.name for a in t.assignments.filter(role="lead")] for t in tasks}
    assert leads == {text: [lead] for _, text, lead, _, _ in NOTICE_ROWS}

    page.click("nav >> text=台账")
    page.fill("#id_q", "老旧小区")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**q=*")
    assert "区住建局" in page.locator("table.tasks").inner_text()

    # The same file again: its preview starts from the corrections and changes nothing.
    upload(page, path)
    main = page.locator("main").inner_text()
    assert "已沿用" in main and "无需导入" in main
    assert page.locator("form#table-1 select[name=role_2]").input_value() == "lead_units"
    assert page.locator("tr[data-row='0-0-0'] td.units-lead").inner_text() == "区住建局"
    assert Task.objects.count() == 3 + 3  # the cast's two tasks and wang's


def test_an_upload_is_read_in_the_background_and_its_job_page_opens_the_preview(
    browser_page, live_server, cast, tmp_path
):
    path = tmp_path / "notice.txt"
    path.write_text(notice_text(), encoding="utf-8")
    page = browser_page
    log_in(page, live_server, "alice")
    page.click("nav >> text=管理")
    page.click("nav >> text=导入通知")
    page.set_input_files("input[type=file]", str(path))
    page.click("main form[enctype] button[type=submit]")
    page.wait_for_url("**/jobs/*/")
    assert "排队中" in page.inner_text("main")
    assert page.locator("main progress").count() == 1

    run_jobs_between_requests()

    page.wait_for_url("**/import/*/")
    assert "改造老旧小区12个" in page.inner_text("main")
