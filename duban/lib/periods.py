"""The share of a period already elapsed: 序时进度 as the status rules read it. Pure."""

from datetime import date

__all__ = ["elapsed_share"]


def elapsed_share(start: date, end: date, today: date) -> float:
    """The share of the days from `start` to `end` (both included) that have passed by `today`.

    0.0 before the start, 1.0 from the end on; `today` itself counts as passed.
    """
    if end < start:
        raise ValueError(f"period ends ({end}) before it starts ({start})")
    total = (end - start).days + 1
    passed = (today - start).days + 1
    return min(max(passed / total, 0.0), 1.0)
