"""The parser on the devset: real notices of ten provinces, and two documents that are not."""

from duban.parsing.tests.scoring import NEEDS_SCORER, scored


@NEEDS_SCORER
def test_the_devset_scores_reach_the_goal_and_both_negatives_are_refused():
    totals, figures = scored()
    assert all(value >= 0.98 for value in figures.values()), totals
    assert "negatives 2/2" in totals
