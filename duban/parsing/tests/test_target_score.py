import os
from pathlib import Path

from duban.parsing.target_score import main, score_rows, score_seed

REPO = Path(__file__).resolve().parents[3]
SEED = Path(os.getenv("DUBAN_SHARED_DIR", REPO.parent / "shared")) / "spec" / "targets.seed.json"


def test_it_finds_the_expected_targets_of_the_reference_notice():
    score = score_seed(SEED)
    # Shown with `pytest -s`; the summary is in the assertion message as well.
    print(score.summary())  # noqa: T201
    assert score.expected > 50, score.summary()
    assert score.precision >= 0.95 and score.recall >= 0.95, score.summary()


def test_a_number_under_the_wrong_metric_is_a_miss_and_a_false_positive():
    rows = [
        {
            "annex": 2,
            "leader": "甲",
            "seq": "1",
            "text": "新增高新技术企业 50 家。",
            "targets": [{"metric": "科技型企业", "value": 50, "unit": "家"}],
        }
    ]
    score = score_rows(rows)
    assert (score.matched, score.precision, score.recall) == (0, 0.0, 0.0)
    assert len(score.misses) == len(score.false_positives) == 1


def test_metrics_match_whatever_their_spacing_and_secondary_fields_are_counted():
    rows = [
        {
            "annex": 3,
            "leader": "甲",
            "seq": "1",
            "text": "扩增 PCR 实验室 2 处。",
            "targets": [
                {
                    "metric": "PCR实验室",
                    "measure": "count",
                    "comparator": "=",
                    "value": 2,
                    "unit": "处",
                    "period": "annual",
                    "text": "扩增 PCR 实验室 2 处",
                }
            ],
        }
    ]
    score = score_rows(rows)
    assert score.matched == 1
    assert score.agreements == {"measure": 0, "comparator": 1, "period": 1, "text": 1}
    assert score.strict == 0.0


def test_the_command_prints_the_figures_and_with_verbose_the_differences(capsys):
    assert main([str(SEED), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("precision ")
    assert " recall " in out
