"""A leader's 批示 in a real Chromium: written on a task to a named unit, answered by its liaison,
closed on the leader's task page. Screenshots are left in test-results/ to look at."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse

from duban.browser_testing import BROWSER, log_in
from duban.supervision.choices import FeedbackState, InstructionState
from duban.supervision.models import Instruction
from duban.testing import build_cast

pytestmark = BROWSER
SHOTS = Path("test-results")


@pytest.fixture
def world(transactional_db):
    world = SimpleNamespace()
    build_cast(world)
    return world


def test_a_leader_instructs_a_unit_which_answers_and_the_leader_sees_it_closed(
    new_browser_page, live_server, world
):
    SHOTS.mkdir(exist_ok=True)
    task_url = reverse("ledger:task", args=[world.task.pk])

    # 林杰 writes a 批示 on the task, addressed to the lead unit alone.
    lin = new_browser_page()
    lin.set_viewport_size({"width": 1280, "height": 900})
    log_in(lin, live_server, "lin", start=task_url)
    lin.click("#instructions >> text=作出批示")
    lin.fill("#id_text", "请区发改局本月底前拿出项目开工计划并报我。")
    lin.check("label:has-text('区发改局') input[type=checkbox]")
    lin.click("main button[type=submit]")
    lin.wait_for_selector("text=批示已送达区发改局")
    instruction = Instruction.objects.get()
    assert [f.unit for f in instruction.recipients.all()] == [world.fagai]

    # Bob, the lead unit's liaison, finds it on the task page and answers it.
    bob = new_browser_page()
    bob.set_viewport_size({"width": 1280, "height": 900})
    log_in(bob, live_server, "bob", start=task_url)
    assert "请区发改局本月底前拿出项目开工计划并报我。" in bob.inner_text("#instructions")
    bob.click("#instructions >> text=反馈落实情况")
    bob.fill("#id_answer", "已召开专题会，开工计划已于25日报送。")
    bob.screenshot(path=SHOTS / "instruction-answer-form.png", full_page=True)
    bob.click("#feedback button[type=submit]")
    bob.wait_for_selector("text=落实情况已反馈")
    instruction.refresh_from_db()
    assert instruction.state == InstructionState.CLOSED
    assert instruction.recipients.get().state == FeedbackState.ANSWERED

    # Joan, whose unit was not named, sees no 批示 and no way to answer.
    joan = new_browser_page()
    log_in(joan, live_server, "joan", start=task_url)
    assert "请区发改局本月底前" not in joan.content()

    # 林杰 sees the answer and the 批示 closed on the task page.
    lin.goto(live_server.url + task_url)
    panel = lin.inner_text("#instructions")
    assert "已召开专题会，开工计划已于25日报送。" in panel
    assert "已办结" in panel
    assert "已反馈" in panel
    lin.locator("#instructions").scroll_into_view_if_needed()
    lin.screenshot(path=SHOTS / "instruction-task-page.png", full_page=True)
    lin.locator("#instructions").screenshot(path=SHOTS / "instruction-task-panel.png")
