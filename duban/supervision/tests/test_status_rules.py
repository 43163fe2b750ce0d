"""The status rules as a pure function: each rule, the thresholds and the red hysteresis."""

from dataclasses import replace
from datetime import date

import pytest

from duban.supervision.choices import Colour
from duban.supervision.status import (
    DEFAULT_THRESHOLDS,
    UNSCHEDULED_REASON,
    MilestoneFact,
    StatusFacts,
    TargetFact,
    Thresholds,
    evaluate,
)

T = Thresholds(**DEFAULT_THRESHOLDS)
# The middle of the year: 序时进度 50%.
MID = StatusFacts(today=date(2022, 7, 2), pace=0.5)


def test_a_task_on_pace_is_green_with_its_figures():
    verdict = evaluate(replace(MID, percent=50), T)
    assert verdict.colour == Colour.GREEN
    assert verdict.reasons == ("完成进度 50%，序时进度 50%",)


def test_the_figures_say_which_day_the_percent_speaks_for():
    verdict = evaluate(replace(MID, percent=50, as_of=date(2022, 6, 30)), T)
    assert verdict.reasons == ("截至6月30日完成进度 50%，序时进度 50%",)


def test_a_task_without_reports_or_misses_is_green():
    verdict = evaluate(MID, T)
    assert verdict.colour == Colour.GREEN
    assert verdict.reasons == ("按计划推进，暂无滞后情形",)


def test_a_task_accepted_as_complete_is_done_whatever_else():
    verdict = evaluate(replace(MID, completed=True, missed_reports=3, percent=100), T)
    assert verdict.colour == Colour.DONE
    assert "已报告全部完成" in verdict.reasons[0]


def test_a_lag_beyond_the_yellow_threshold_turns_yellow():
    verdict = evaluate(replace(MID, percent=35), T)
    assert verdict.colour == Colour.YELLOW
    assert verdict.reasons == ("完成进度 35%，序时进度 50%，落后 15 个百分点",)


def test_a_lag_of_exactly_the_threshold_stays_green():
    assert evaluate(replace(MID, percent=40), T).colour == Colour.GREEN


def test_a_lag_beyond_the_red_threshold_turns_red():
    verdict = evaluate(replace(MID, percent=20), T)
    assert verdict.colour == Colour.RED
    assert "落后 30 个百分点" in verdict.reasons[0]


def test_one_missed_report_turns_yellow_and_two_turn_red():
    assert evaluate(replace(MID, missed_reports=1), T).colour == Colour.YELLOW
    verdict = evaluate(replace(MID, missed_reports=2), T)
    assert verdict.colour == Colour.RED
    assert verdict.reasons == ("2 期进度未报送",)


def test_a_passed_deadline_turns_red_and_names_it():
    facts = replace(MID, percent=90, deadline=date(2022, 6, 30), deadline_text="6月底前", pace=1.0)
    verdict = evaluate(facts, T)
    assert verdict.colour == Colour.RED
    assert verdict.reasons[0] == "已过完成时限（6月底前）仍未完成"


def test_the_deadline_day_itself_is_not_late():
    facts = replace(MID, today=date(2022, 6, 30), deadline=date(2022, 6, 30), percent=100, pace=1)
    assert evaluate(facts, T).colour == Colour.GREEN


def test_a_target_behind_pace_turns_yellow_with_its_numbers():
    target = TargetFact("新增高新技术企业", "欠进度", behind=True, due=25, actual=22, unit="家")
    verdict = evaluate(replace(MID, targets=(target,)), T)
    assert verdict.colour == Colour.YELLOW
    assert verdict.reasons == ("指标“新增高新技术企业”欠进度（序时应达 25家，实际 22家）",)


def test_a_target_far_behind_pace_turns_red():
    target = TargetFact("新增高新技术企业", "欠进度", behind=True, due=25, actual=10)
    assert evaluate(replace(MID, targets=(target,)), T).colour == Colour.RED


def test_a_target_on_pace_is_named_among_the_green_reasons():
    target = TargetFact("地区生产总值", "超进度", due=3.5, actual=4.1)
    verdict = evaluate(replace(MID, targets=(target,)), T)
    assert verdict.colour == Colour.GREEN
    assert verdict.reasons == ("指标“地区生产总值”超进度",)


def test_a_milestone_just_missed_turns_yellow_and_a_long_missed_one_red():
    recent = MilestoneFact("完成方案编制", date(2022, 6, 30))
    old = MilestoneFact("完成土地征收", date(2022, 3, 31))
    assert evaluate(replace(MID, overdue_milestones=(recent,)), T).colour == Colour.YELLOW
    verdict = evaluate(replace(MID, overdue_milestones=(old,)), T)
    assert verdict.colour == Colour.RED
    assert verdict.reasons == ("节点“完成土地征收”已过期 93 天未完成",)


def test_red_reasons_come_before_yellow_ones_are_dropped():
    verdict = evaluate(replace(MID, missed_reports=2, percent=35), T)
    assert verdict.colour == Colour.RED
    assert verdict.reasons == ("2 期进度未报送",)


def test_thresholds_come_from_settings_with_defaults_for_missing_keys(settings):
    settings.DUBAN_STATUS_THRESHOLDS = {"yellow_lag": 5}
    thresholds = Thresholds.from_settings()
    assert thresholds.yellow_lag == 5
    assert thresholds.red_lag == DEFAULT_THRESHOLDS["red_lag"]
    assert evaluate(replace(MID, percent=43), thresholds).colour == Colour.YELLOW


class TestRedHysteresis:
    def test_red_stays_red_when_one_report_arrives_but_the_lag_is_still_yellow(self):
        # Was red for two missed reports; the report now arrives showing 35% at 50% pace.
        verdict = evaluate(replace(MID, percent=35, previous=Colour.RED), T)
        assert verdict.colour == Colour.RED
        assert "差距尚未补齐" in verdict.reasons[0]
        assert "落后 15 个百分点" in verdict.reasons[1]

    def test_red_stays_red_while_a_missed_report_is_outstanding(self):
        verdict = evaluate(replace(MID, percent=50, missed_reports=1, previous=Colour.RED), T)
        assert verdict.colour == Colour.RED

    def test_red_turns_yellow_once_the_shortfall_is_made_up(self):
        # Back within the yellow threshold, no missing report, only a recent milestone late.
        milestone = MilestoneFact("完成方案编制", date(2022, 6, 30))
        facts = replace(MID, percent=45, overdue_milestones=(milestone,), previous=Colour.RED)
        verdict = evaluate(facts, T)
        assert verdict.colour == Colour.YELLOW
        assert verdict.reasons == ("节点“完成方案编制”已过期 2 天未完成",)

    def test_red_turns_green_when_everything_is_made_up(self):
        assert evaluate(replace(MID, percent=50, previous=Colour.RED), T).colour == Colour.GREEN

    def test_a_yellow_task_with_the_same_facts_is_simply_yellow(self):
        facts = replace(MID, percent=35, previous=Colour.YELLOW)
        assert evaluate(facts, T).colour == Colour.YELLOW

    @pytest.mark.parametrize("previous", [None, Colour.GREEN, Colour.DONE])
    def test_hysteresis_applies_only_to_red(self, previous):
        facts = replace(MID, missed_reports=1, previous=previous)
        assert evaluate(facts, T).colour == Colour.YELLOW


def test_a_task_whose_plan_has_no_reporting_cycle_is_unscheduled_not_green():
    verdict = evaluate(replace(MID, scheduled=False), T)
    assert verdict.colour == Colour.UNSCHEDULED
    assert verdict.reasons == (UNSCHEDULED_REASON,)


def test_an_unscheduled_task_past_its_deadline_is_still_red():
    facts = replace(MID, scheduled=False, deadline=date(2022, 6, 30))
    assert evaluate(facts, T).colour == Colour.RED


def test_an_unscheduled_task_with_a_target_behind_is_judged_on_the_target():
    target = TargetFact("新增就业", "欠进度", behind=True, due=50, actual=45)
    verdict = evaluate(replace(MID, scheduled=False, targets=(target,)), T)
    assert verdict.colour == Colour.YELLOW
