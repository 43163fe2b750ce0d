"""Timing samples as the benchmarks report them: nearest-rank percentiles, milliseconds."""

import math


def percentile(samples: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest sample at or above `share` of them (p95: 0.95).

    Of 20 samples the p95 is the 19th smallest; of fewer than 20 it is the largest.
    """
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    return ordered[max(1, math.ceil(share * len(ordered))) - 1]


def ms(seconds: float) -> float:
    """Milliseconds to one decimal, as the JSON reports carry them."""
    return round(seconds * 1000, 1)
