"""Count tasks by colour per plan, leader and unit, and keep those counts (PlanTally …).

`recount(task_ids)` after the tasks' colours changed; `recount_all()` after their units or
leaders changed (the units they left are not known then) and after a full refresh.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, QuerySet

from duban.ledger.models import Assignment, Official, Task, TaskLeader
from duban.lib.locks import hold_lock
from duban.supervision.choices import Colour
from duban.supervision.models import ColourTally, LeaderTally, PlanTally, TaskStatus, UnitTally

# Past this many tasks, one pass over every task costs less than the keys' IN lists.
RECOUNT_ALL_OVER = 2000


def _tally(rows) -> dict[int, Counter]:
    counts: dict[int, Counter] = defaultdict(Counter)
    for key, colour, n in rows:
        counts[key][colour] += n
    return counts


def by_plan(tasks: QuerySet[Task]) -> dict[int, Counter]:
    """{plan id: {colour: tasks}} of `tasks` with a status."""
    statuses = TaskStatus.objects.filter(task__in=tasks).order_by()
    return _tally(statuses.values_list("task__plan", "colour").annotate(n=Count("pk")))


def by_leader(tasks: QuerySet[Task]) -> dict[int, Counter]:
    """{official id: {colour: tasks}} of `tasks` with a status, as for_official counts them."""
    links = TaskLeader.objects.filter(task__in=tasks, task__supervision_status__isnull=False)
    rows = links.values_list("official", "task__supervision_status__colour")
    return _tally(rows.annotate(n=Count("pk")).order_by())


def by_unit(tasks: QuerySet[Task]) -> dict[int, Counter]:
    """{unit id: {colour: tasks}} of `tasks` with a status, as TaskQuerySet.for_unit counts a
    unit's tasks: assigned, or led through a remark (counted once when both)."""
    rated = tasks.filter(supervision_status__isnull=False)
    assigned = Assignment.objects.filter(task__in=rated).values_list(
        "unit_id", "task__supervision_status__colour"
    )
    counts = _tally(assigned.annotate(n=Count("pk")).order_by())
    # A remark's lead is rare (a few per notice): those without an assignment row, one by one.
    moved = Task.lead_override_units.through.objects.filter(task__in=rated).exclude(
        Exists(Assignment.objects.filter(task=OuterRef("task"), unit=OuterRef("unit")))
    )
    for unit_id, colour in moved.values_list("unit_id", "task__supervision_status__colour"):
        counts[unit_id][colour] += 1
    return counts


def _store(model: type[ColourTally], counts: dict[int, Counter], keys: set[int] | None) -> None:
    """Write the rows of `keys` (None: every row) from `counts`; a key with no task has none."""
    if keys is not None:
        # The tasks of some keys have other keys too (a co-leader), counted only in part.
        counts = {key: n for key, n in counts.items() if key in keys}
    counted = {key: n for key, n in counts.items() if n.total()}
    rows = model.objects.all() if keys is None else model.objects.filter(pk__in=keys)
    rows.exclude(pk__in=list(counted)).delete()
    model.objects.bulk_create(
        [
            model(pk=key, **{colour: n[colour] for colour in Colour.values})
            for key, n in counted.items()
        ],
        update_conflicts=True,
        unique_fields=[model.key],
        update_fields=Colour.values,
    )


def recount(task_ids: Iterable[int]) -> None:
    """Recount the plans, leaders and units of the tasks, whose colours may have changed."""
    ids = list(task_ids)
    if len(ids) > RECOUNT_ALL_OVER:
        recount_all()
        return
    if not ids:
        return
    plans = set(Task.objects.filter(pk__in=ids).values_list("plan_id", flat=True))
    links = TaskLeader.objects.filter(task__in=ids)
    officials = set(links.values_list("official_id", flat=True))
    overrides = Task.lead_override_units.through.objects.filter(task__in=ids)
    units = set(Assignment.objects.filter(task__in=ids).values_list("unit_id", flat=True))
    units |= set(overrides.values_list("unit_id", flat=True))
    active = Task.objects.active()
    led = TaskLeader.objects.filter(official__in=officials).values("task_id")
    answered = Assignment.objects.filter(unit__in=units).values("task_id")
    answered = answered.union(
        Task.lead_override_units.through.objects.filter(unit__in=units).values("task_id")
    )
    with transaction.atomic():
        # One count at a time: a count read before another's write is never stored after it.
        hold_lock("supervision.tallies")
        _store(PlanTally, by_plan(active.filter(plan__in=plans)), plans)
        _store(LeaderTally, by_leader(active.filter(pk__in=led)), officials)
        _store(UnitTally, by_unit(active.filter(pk__in=answered)), units)


def recount_all() -> None:
    """Recount every plan, leader and unit."""
    active = Task.objects.active()
    with transaction.atomic():
        hold_lock("supervision.tallies")
        _store(PlanTally, by_plan(active), None)
        _store(LeaderTally, by_leader(active), None)
        _store(UnitTally, by_unit(active), None)


KEPT = {"plan": PlanTally, "leader": LeaderTally, "unit": UnitTally}


def kept_counts(filters: dict, leader: Official | None = None) -> Counter | None:
    """The colours of the active tasks the ledger's `filters` keep, read from one kept row:
    with no filter (every task, or `leader`'s portfolio) or only a plan, leader or unit; else
    None. The colour filter is left out: the counts are of every colour."""
    narrowing = {name: value for name, value in filters.items() if name != "colour"}
    if leader is not None:
        if narrowing.setdefault("leader", leader) != leader:
            return None
    if not narrowing:
        return Counter(PlanTally.totals())
    if len(narrowing) > 1 or (model := KEPT.get(next(iter(narrowing)))) is None:
        return None
    row = model.objects.filter(pk=next(iter(narrowing.values())).pk).first()
    return row.counts() if row else Counter()
