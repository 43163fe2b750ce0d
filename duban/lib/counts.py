"""Counts a page can afford: exact up to COUNT_CAP rows, estimated (and labelled so) beyond.

Counters kept per plan, leader and unit (duban.supervision.tallies) answer only the
groupings they were kept for: every task, or one plan, leader or unit, as 督办总览 and the
overview's charts ask. Under any other mix of filters (keyword, unit kind, role, colour,
state, age), which no set of kept counters covers, pages count here. A count that reads at most
COUNT_CAP + 1 rows costs the same whatever the database holds; past the cap PostgreSQL's
planner estimate of the same query says how many, shown as “约 12 万”. SQLite keeps no
statistics, so there the page says “1000+”. A count under filters the user chose that
match fewer rows than the cap is exact.
"""

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

COUNT_CAP = 1000


@dataclass(frozen=True)
class Tally:
    """A count as a page shows it: exact, estimated (约), or at least `n` (+)."""

    n: int
    estimated: bool = False
    at_least: bool = False

    @property
    def exact(self) -> bool:
        return not (self.estimated or self.at_least)

    def __add__(self, other: "Tally | int") -> "Tally":
        if isinstance(other, int):
            other = Tally(other)
        return Tally(
            self.n + other.n,
            self.estimated or other.estimated,
            self.at_least or other.at_least,
        )

    __radd__ = __add__

    def __bool__(self) -> bool:
        return self.n > 0

    def __str__(self) -> str:
        if self.at_least and not self.estimated:
            return f"{self.n}+"
        if not self.estimated:
            return str(self.n)
        if self.n >= 10_000:
            return f"约 {round(self.n / 10_000, 1):g} 万"
        return f"约 {round(self.n, -2) or self.n}"


def bounded_count(queryset: QuerySet, cap: int = COUNT_CAP) -> Tally:
    """How many rows `queryset` has, reading at most `cap` + 1 of them."""
    n = queryset.order_by().values("pk")[: cap + 1].count()
    if n <= cap:
        return Tally(n)
    return _beyond(queryset, cap)


def group_counts(
    queryset: QuerySet, field: str, values: Iterable, cap: int = COUNT_CAP
) -> dict[object, Tally]:
    """{value: Tally} of `queryset`'s rows by `field`, for the values that have any.

    One query reads up to `cap` + 1 rows' values; only when there are more is each value
    counted on its own (bounded, then estimated), a query or two per value.
    """
    seen = list(queryset.order_by().values_list(field, flat=True)[: cap + 1])
    if len(seen) <= cap:
        return {value: Tally(n) for value, n in Counter(seen).items()}
    counts = {}
    for value in values:
        tally = bounded_count(queryset.filter(**{field: value}), cap)
        if tally:
            counts[value] = tally
    return counts


def _beyond(queryset: QuerySet, cap: int) -> Tally:
    """More than `cap` rows: the planner's estimate on PostgreSQL, else “at least cap”."""
    if connection.vendor == "postgresql":
        plan = json.loads(queryset.order_by().explain(format="json"))
        estimate = int(plan[0]["Plan"]["Plan Rows"])
        if estimate > cap:
            return Tally(estimate, estimated=True)
    return Tally(cap, at_least=True)
