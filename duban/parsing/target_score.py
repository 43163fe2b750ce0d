"""Precision and recall of `extract_targets` against an expected-targets file (targets.seed.json).

A predicted target matches an expected one of the same row when value, unit and metric are
equal, metrics compared without white space: the metric is what a target is about, and a
number under the wrong name would be filed against the wrong indicator, so it counts as a miss
and a false positive. Each expected target is matched at most once. Among the matches the
agreement of measure, comparator, period and text is reported as secondary figures.
"""

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from duban.parsing.targets import extract_targets

REPO = Path(__file__).resolve().parents[2]
PLAN_KINDS = {1: "five_year", 2: "annual", 3: "livelihood"}
SECONDARY_FIELDS = ("measure", "comparator", "period", "text")
_SPACE_RE = re.compile(r"\s+")


@dataclass
class Score:
    expected: int = 0
    predicted: int = 0
    matched: int = 0
    agreements: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SECONDARY_FIELDS, 0))
    all_fields: int = 0  # matches where every secondary field agrees as well
    misses: list[tuple[str, dict]] = field(default_factory=list)
    false_positives: list[tuple[str, dict]] = field(default_factory=list)
    disagreements: list[tuple[str, dict, dict]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def strict(self) -> float:
        """Share of expected targets found with every field right."""
        return self.all_fields / self.expected if self.expected else 1.0

    def summary(self) -> str:
        """The headline figures, then the agreement of the other fields among the matches."""
        fields = " ".join(
            f"{name} {count / self.matched if self.matched else 1:.2f}"
            for name, count in self.agreements.items()
        )
        return (
            f"precision {self.precision:.2f} recall {self.recall:.2f} "
            f"({self.expected} expected, {self.predicted} predicted)\n"
            f"agreement among matches: {fields}; every field right: {self.strict:.2f} of expected"
        )


def _key(target: dict) -> tuple:
    return (target["value"], target["unit"], _SPACE_RE.sub("", target["metric"]))


def plan_kind(annex: int) -> str:
    return PLAN_KINDS.get(annex, "other")


def score_rows(rows: list[dict]) -> Score:
    """Score extraction over rows of {annex, leader, seq, text, targets}."""
    score = Score()
    for row in rows:
        label = f"{row['annex']}/{row['leader']}/{row['seq']}"
        expected = list(row["targets"])
        predicted = extract_targets(row["text"], plan_kind(row["annex"]))
        score.expected += len(expected)
        score.predicted += len(predicted)
        for target in predicted:
            twin = next((e for e in expected if _key(e) == _key(target)), None)
            if twin is None:
                score.false_positives.append((label, target))
                continue
            expected.remove(twin)
            score.matched += 1
            agree = [name for name in SECONDARY_FIELDS if twin.get(name) == target.get(name)]
            for name in agree:
                score.agreements[name] += 1
            if len(agree) == len(SECONDARY_FIELDS):
                score.all_fields += 1
            else:
                score.disagreements.append((label, twin, target))
        score.misses.extend((label, target) for target in expected)
    return score


def default_seed_path() -> Path:
    """$DUBAN_SHARED_DIR/spec/targets.seed.json, else the shared folder beside the repository."""
    return (
        Path(os.getenv("DUBAN_SHARED_DIR", REPO.parent / "shared")) / "spec" / "targets.seed.json"
    )


def score_seed(seed_path: str | Path) -> Score:
    """Score extraction against a targets.seed.json file."""
    return score_rows(json.loads(Path(seed_path).read_text(encoding="utf-8")))


def _dump(target: dict) -> str:
    return json.dumps(target, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=default_seed_path())
    parser.add_argument("--verbose", action="store_true", help="list misses and false positives")
    args = parser.parse_args(argv)
    score = score_seed(args.path)
    out = [score.summary()]
    if args.verbose:
        out += [f"miss  {label} {_dump(t)}" for label, t in score.misses]
        out += [f"extra {label} {_dump(t)}" for label, t in score.false_positives]
        out += [
            f"diff  {label} expected {_dump(e)}\n      {' ' * len(label)} got      {_dump(p)}"
            for label, e, p in score.disagreements
        ]
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
