"""The office manages its people in a real Chromium: a liaison created in the UI logs in and
sees only the unit's tasks; a liaison list from Excel is previewed with its errors."""

import io
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse
from openpyxl import Workbook

from duban.browser_testing import BROWSER, log_in
from duban.ledger.models import UnitAlias
from duban.testing import build_cast

pytestmark = BROWSER
SHOTS = Path("test-results")


@pytest.fixture
def world(transactional_db):
    world = SimpleNamespace()
    build_cast(world)
    UnitAlias.objects.create(unit=world.fagai, alias="区发展和改革局")
    return world


def liaison_list() -> bytes:
    book = Workbook()
    for row in [
        ["单位", "姓名", "手机", "邮箱", "用户名"],
        ["区财政局", "赵六", 13800001111, "zhao@example.org", "czj_zhao"],
        ["区发展和改革局", "孙八", "", "sun@example.org", "fgj_sun"],
        ["区住房和城乡建设局", "周九", "", "", "zjj_zhou"],
        ["区教育局", "钱七", "139-0000-2222", "", "bob"],
        ["区商务局", "", "电话", "", "swj_li"],
    ]:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_office_creates_a_liaison_who_sees_only_the_units_tasks(
    new_browser_page, live_server, world
):
    office = new_browser_page()
    office.set_viewport_size({"width": 1366, "height": 900})
    log_in(office, live_server, "alice")
    office.click("summary:has-text('管理')")
    office.click("text=人员账号")
    office.wait_for_selector("h1:has-text('人员账号')")
    office.screenshot(path=str(SHOTS / "people-1366x900.png"), full_page=True)

    office.click(f"#unit-{world.shangwu.pk} >> text=添加账号")
    office.fill("#id_username", "swj_li")
    office.fill("#id_name", "李四")
    office.fill("#id_phone", "13900003333")
    office.click("main button[type=submit]")
    password = office.inner_text("code.password")
    office.screenshot(path=str(SHOTS / "people-new-password.png"))

    liaison = new_browser_page()
    log_in(liaison, live_server, "swj_li", password)
    liaison.goto(live_server.url + reverse("ledger:tasks"))
    rows = liaison.locator("main table tbody tr")
    assert rows.count() == 1
    assert "地区生产总值增长" in rows.first.inner_text()
    assert "一般公共预算收入" not in liaison.content()


def test_the_office_previews_a_liaison_list_with_its_errors(browser_page, live_server, world):
    page = browser_page
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server, "alice", start=reverse("ledger:liaison-import"))
    page.set_input_files(
        "#id_file",
        files=[
            {
                "name": "联络员.xlsx",
                "mimeType": "application/octet-stream",
                "buffer": liaison_list(),
            }
        ],
    )
    page.click("main button[type=submit]")
    page.wait_for_selector("text=其中 3 行有错误")
    assert page.locator("tr.has-errors").count() == 3
    assert "是否为" not in page.inner_text("tr:has-text('区财政局')")
    page.screenshot(path=str(SHOTS / "liaison-import-preview.png"), full_page=True)
    assert page.locator("text=确认导入").count() == 0
