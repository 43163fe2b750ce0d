"""The parser on notices written blind in layouts the devset lacks (blind/README.md)."""

from pathlib import Path

from duban.parsing.tests.scoring import NEEDS_SCORER, scored

BLIND = Path(__file__).parent / "blind"


@NEEDS_SCORER
def test_the_blind_notices_score_as_the_devset_must_and_every_look_alike_is_refused():
    totals, figures = scored(BLIND)
    assert all(value >= 0.98 for value in figures.values()), totals
    assert "negatives 16/16" in totals
