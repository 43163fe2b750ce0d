from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from duban.dashboards import figures
from duban.dashboards.tests.base import TODAY, DashboardTestCase
from duban.ledger.models import Task
from duban.supervision.choices import Colour
from duban.supervision.models import TaskStatus
from duban.supervision.tallies import by_unit
from duban.targets.sync import sync_targets


def values(figure: dict) -> dict:
    """{(category, series name): value} of a figure."""
    return {
        (category, series["name"]): series["data"][i]["value"]
        for series in figure["series"]
        for i, category in enumerate(figure["categories"])
    }


class FiguresTestCase(DashboardTestCase):
    def office_scope(self):
        return figures.overview_scope(self.alice)

    def test_the_totals_count_active_tasks_by_colour_as_the_database_does(self):
        figure = figures.status_totals(self.office_scope())
        active = TaskStatus.objects.filter(task__status="active")
        for series in figure["series"]:
            assert series["data"][0]["value"] == active.filter(colour=series["key"]).count()
        assert values(figure)[("全部任务", "严重滞后/逾期")] == 2

    def test_plans_count_their_own_tasks_by_colour(self):
        figure = values(figures.status_by_plan(self.office_scope()))
        assert figure[("2022年重点工作责任分解表", "严重滞后/逾期")] == 2
        assert figure[("2022年重点工作责任分解表", "滞后")] == 1
        assert figure[("2022年民生实事项目任务分解表", "已完成")] == 1

    def test_leaders_count_the_tasks_they_lead(self):
        figure = values(figures.status_by_leader(self.office_scope()))
        assert figure[("林杰", "严重滞后/逾期")] == 1
        assert figure[("林杰", "正常")] == 2
        assert figure[("王明", "严重滞后/逾期")] == 1

    def test_units_with_the_most_red_tasks_come_first_and_a_lead_moved_by_remark_counts(self):
        figure = figures.status_by_unit(self.office_scope())
        # 区财政局: red task 1 (配合) and yellow task 2; then the three units with one red task.
        assert figure["categories"][0] == "区财政局"
        assert set(figure["categories"][1:4]) == {"南汇街道", "区发改局", "区商务局"}
        counts = values(figure)
        # 区发改局: task 1 (red), task 3 through the remark (green), project 2 (done).
        assert (
            counts[("区发改局", "正常")]
            == Task.objects.for_unit(self.fagai)
            .filter(status="active", supervision_status__colour="green")
            .count()
            == 1
        )

    def test_a_unit_both_assigned_and_named_by_a_remark_counts_the_task_once(self):
        before = by_unit(Task.objects.active())[self.wuma.pk]
        self.t3.lead_override_units.add(self.wuma)
        after = by_unit(Task.objects.active())[self.wuma.pk]
        self.assertEqual(after, before)
        self.assertGreater(after[Colour.GREEN], 0)

    def test_the_trend_reads_each_cycle_end_from_the_status_history(self):
        figure = figures.status_trend(self.office_scope(), TODAY)
        assert figure["categories"] == ["2022年第一季度", "2022年第二季度", "当前"]
        trend = values(figure)
        assert trend[("2022年第一季度", "正常")] == 1
        assert trend[("2022年第二季度", "滞后")] == 1
        assert trend[("当前", "严重滞后/逾期")] == 2

    def test_reporting_rates_count_consolidated_reports_delivered_and_on_time(self):
        figure = figures.reporting_rates(self.office_scope(), TODAY)
        # Tasks 1-4, the unrated task and the two projects are reported on: 7 a quarter.
        assert figure["counts"] == [
            {"cycle": "2022年第一季度", "expected": 7, "delivered": 1, "on_time": 1},
            {"cycle": "2022年第二季度", "expected": 7, "delivered": 2, "on_time": 1},
        ]

    def test_the_pace_gauge_counts_targets_behind_their_path(self):
        figure = figures.targets_pace(self.office_scope(), TODAY)
        assert figure["counts"] == [{"family": "增长", "behind": 1, "measured": 1, "total": 1}]
        assert figure["series"][0]["data"][0]["value"] == 100.0

    def test_a_family_without_values_is_counted_but_has_no_gauge(self):
        sync_targets(
            self.t3,
            [
                {
                    "metric": "改造小区",
                    "measure": "count",
                    "comparator": "=",
                    "value": 12,
                    "unit": "个",
                    "period": "annual",
                    "text": "改造老旧小区12个",
                }
            ],
        )
        figure = figures.targets_pace(self.office_scope(), TODAY)
        assert figure["categories"] == ["增长"]
        assert figure["counts"][1] == {"family": "数量", "behind": 0, "measured": 0, "total": 1}

    def test_open_problems_and_notices_are_counted_by_age(self):
        ages = values(figures.open_by_age(self.office_scope(), TODAY))
        assert ages[("未解决问题", "7天内")] == 1
        assert ages[("未解决问题", "30天以上")] == 1
        assert ages[("待反馈督办单", "8–30天")] == 1
        assert ages[("待反馈督办单", "30天以上")] == 0

    def test_a_leaders_scope_is_their_portfolio(self):
        scope = figures.overview_scope(self.alice, self.wang_official)
        totals = values(figures.status_totals(scope))
        assert totals[("全部任务", "严重滞后/逾期")] == 1
        assert totals[("全部任务", "已完成")] == 1
        assert figures.status_totals(scope)["series"][0]["data"][0]["url"].endswith(
            f"leader={self.wang_official.pk}&colour=red"
        )
        by_plan = figures.status_by_plan(scope)["series"][0]["data"][0]["url"]
        assert by_plan.endswith(f"?leader={self.wang_official.pk}&plan={self.annual.pk}&colour=red")
        office = figures.status_by_plan(self.office_scope())["series"][0]["data"][0]["url"]
        assert office.endswith(f"/tasks/?plan={self.annual.pk}&colour=red")

    def test_a_units_record_counts_returns_notices_and_late_answers(self):
        record = figures.unit_record(self.nanhui, Task.objects.all(), TODAY)
        assert record["colours"]["red"] == 1
        assert record["notices"] == 1
        assert (record["answered_late"], record["unanswered"]) == (1, 0)
        assert record["on_time_rate"] == 50.0
        assert figures.unit_record(self.wuma, Task.objects.all(), TODAY)["returned"] == 1

    def test_a_units_record_counts_a_notice_past_its_deadline_without_an_answer(self):
        record = figures.unit_record(self.fagai, Task.objects.all(), TODAY)
        assert (record["notices"], record["answered_late"], record["unanswered"]) == (1, 0, 1)
        before = figures.unit_record(self.fagai, Task.objects.all(), date(2022, 8, 27))
        assert before["unanswered"] == 0

    def test_a_unit_is_ranked_among_units_of_its_kind(self):
        peers = figures.peer_ranking(self.wuma, TODAY)
        assert peers["peers"] == 2
        # 五马街道 has no red or yellow task, 南汇街道 one.
        assert peers["late_rank"] == 1
        assert figures.peer_ranking(self.nanhui, TODAY)["late_rank"] == 2


class TalliedFiguresTestCase(DashboardTestCase):
    def test_the_offices_charts_read_the_tallies_and_agree_with_the_statuses(self):
        office = figures.overview_scope(self.alice)
        live = figures.Scope(office.tasks, all_tasks=office.all_tasks)
        assert office.everything and not live.everything
        for name in ("totals", "by-plan", "by-leader", "by-unit", "trend"):
            chart = figures.OVERVIEW[name]
            args = (TODAY,) if name == "trend" else ()
            with CaptureQueriesContext(connection) as read:
                tallied = chart(office, *args)
            assert tallied == chart(live, *args), name
            if name != "trend":  # the trend reads the history of statuses as well
                assert not any("taskstatus" in q["sql"] for q in read.captured_queries), name

    def test_a_leaders_scope_counts_their_portfolio_not_the_tallies(self):
        assert not figures.overview_scope(self.alice, self.wang_official).everything
        assert not figures.overview_scope(self.wang).everything
