"""The overview in a real Chromium: every chart drawn, three segments followed to their lists,
and the page on a phone. Screenshots are left in test-results/ to look at."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from duban.browser_testing import BROWSER, log_in
from duban.dashboards.tests.base import TODAY, add_dashboard_data
from duban.testing import build_cast

pytestmark = BROWSER
SHOTS = Path("test-results")

# The middle of a stacked segment, in the page's viewport, with the value and link it carries.
SEGMENT = """([id, seriesIndex, dataIndex]) => {
    const element = document.getElementById("chart-" + id).parentNode.querySelector(".chart");
    element.scrollIntoView({block: "center"});
    const chart = echarts.getInstanceByDom(element);
    const option = chart.getOption();
    const horizontal = option.yAxis[0].type === "category";
    let before = 0;
    for (let i = 0; i < seriesIndex; i++) before += option.series[i].data[dataIndex].value;
    const item = option.series[seriesIndex].data[dataIndex];
    const middle = before + item.value / 2;
    const point = chart.convertToPixel(
        {xAxisIndex: 0, yAxisIndex: 0}, horizontal ? [middle, dataIndex] : [dataIndex, middle]);
    const box = element.getBoundingClientRect();
    return {x: box.left + point[0], y: box.top + point[1], value: item.value, url: item.url};
}"""


@pytest.fixture
def world(transactional_db, settings):
    settings.DUBAN_TODAY = TODAY
    world = SimpleNamespace()
    build_cast(world)
    add_dashboard_data(world)
    return world


def open_overview(page, live_server, username, width=1366, height=900):
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, live_server, username, start=reverse("dashboards:overview"))
    wait_drawn(page)


UNDRAWN = """async () => {
    const undrawn = [...document.querySelectorAll('[data-chart]')]
        .filter(c => c.querySelectorAll('svg path').length === 0);
    return Promise.all(undrawn.map(async c => {
        const response = await fetch(c.dataset.chart);
        return [c.dataset.chart, response.status, (await response.text()).slice(0, 300)];
    }));
}"""


def wait_drawn(page) -> None:
    try:
        page.wait_for_function(
            "[...document.querySelectorAll('[data-chart]')]"
            ".every(c => c.querySelectorAll('svg path').length > 0)"
        )
    except PlaywrightTimeout:
        # Say which chart stayed blank and what its figure answers now.
        pytest.fail(f"charts not drawn: {page.evaluate(UNDRAWN)}")


def assert_every_chart_drawn(page) -> int:
    charts = page.eval_on_selector_all(
        "[data-chart]",
        "els => els.map(e => [e.querySelectorAll('svg path, svg text').length,"
        " e.getBoundingClientRect().height])",
    )
    assert charts and all(shapes > 0 and height > 50 for shapes, height in charts), charts
    return len(charts)


def follow(page, chart: str, series: int, index: int) -> None:
    segment = page.evaluate(SEGMENT, [chart, series, index])
    assert segment["value"] > 0
    page.mouse.click(segment["x"], segment["y"])
    page.wait_for_url(lambda url: url.endswith(segment["url"]))
    assert int(page.get_attribute("#list-count", "data-count")) == segment["value"]
    page.go_back()
    wait_drawn(page)


def test_the_office_overview_draws_every_chart_and_its_segments_open_their_lists(
    new_browser_page, live_server, world
):
    page = new_browser_page()
    open_overview(page, live_server, "alice")
    assert assert_every_chart_drawn(page) == 8
    page.screenshot(path=str(SHOTS / "overview-1366x900.png"))
    follow(page, "totals", 1, 0)  # 滞后: task 2
    follow(page, "by-plan", 0, 0)  # the annual plan's red tasks 1 and 4
    follow(page, "ages", 1, 1)  # the pending 督办单 three weeks old


def test_a_leaders_overview_draws_their_portfolio(new_browser_page, live_server, world):
    page = new_browser_page()
    open_overview(page, live_server, "lin")
    assert assert_every_chart_drawn(page) == 7
    follow(page, "by-unit", 0, 0)


def test_the_overview_fits_a_phone(new_browser_page, live_server, world):
    page = new_browser_page()
    open_overview(page, live_server, "alice", 390, 844)
    assert_every_chart_drawn(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(SHOTS / "overview-390x844.png"))


def test_the_print_head_shows_in_print_only_and_the_tables_replace_the_charts(
    new_browser_page, live_server, world
):
    page = new_browser_page()
    open_overview(page, live_server, "alice")
    assert not page.is_visible(".print-head")
    assert page.is_visible(".site-header")
    page.emulate_media(media="print")
    assert page.is_visible(".print-head")
    assert not page.is_visible(".site-header")
    assert not page.is_visible(".chart")


# Per chart with a legend: the bottom of its legend and the top of its highest other text (an
# axis or category label), in page pixels.
LEGEND_AND_PLOT = """() => [...document.querySelectorAll('[data-chart]')].flatMap(element => {
    const names = new Set(echarts.getInstanceByDom(element).getOption().series.map(s => s.name));
    const texts = [...element.querySelectorAll('svg text')];
    const legend = texts.filter(t => names.has(t.textContent));
    const others = texts.filter(t => !names.has(t.textContent));
    if (!legend.length || !others.length) return [];
    return [[element.dataset.chart,
             Math.max(...legend.map(t => t.getBoundingClientRect().bottom)),
             Math.min(...others.map(t => t.getBoundingClientRect().top))]];
})"""


@pytest.mark.parametrize("width", [1366, 390])
def test_a_legend_that_wraps_in_a_narrow_card_stays_above_the_plot(
    new_browser_page, live_server, world, width
):
    page = new_browser_page()
    open_overview(page, live_server, "alice", width, 900)
    placed = page.evaluate(LEGEND_AND_PLOT)
    assert len(placed) >= 6
    overlapping = [(url, bottom, top) for url, bottom, top in placed if bottom > top]
    assert overlapping == []
