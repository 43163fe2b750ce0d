"""Tasks a notice prints twice: the same text and units under another annex or leader.

「确保完成上级下达的能源指标计划目标」 in the five-year annex and again in the annual one is one
piece of work: its units report once, on the twin the office follows most closely (the
annual plan's, else the first printed), and the other copies point to it (Task.twin_of).
"""

from collections import defaultdict

from duban.ledger.choices import PlanKind, TaskState
from duban.ledger.models import Assignment, Task
from duban.parsing.text import squeeze

# Which copy is reported on: the plan reviewed most often first.
_PLAN_ORDER = [PlanKind.ANNUAL, PlanKind.LIVELIHOOD, PlanKind.FIVE_YEAR, PlanKind.OTHER]


def link_twins(notice) -> int:
    """Set twin_of for every task of the notice; returns how many tasks repeat another."""
    tasks = list(Task.objects.filter(plan__notice=notice).select_related("plan"))
    units = defaultdict(set)
    for task_id, unit_id in Assignment.objects.filter(task__in=tasks).values_list(
        "task_id", "unit_id"
    ):
        units[task_id].add(unit_id)
    groups = defaultdict(list)
    for task in tasks:
        if task.status == TaskState.ACTIVE:
            key = (squeeze(task.text), frozenset(units[task.pk]))
            groups[key].append(task)
    twin_of = {task.pk: None for task in tasks}
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=_reported_first)
        for task in group[1:]:
            twin_of[task.pk] = group[0].pk
    changed = [task for task in tasks if task.twin_of_id != twin_of[task.pk]]
    for task in changed:
        task.twin_of_id = twin_of[task.pk]
    Task.objects.bulk_update(changed, ["twin_of"])
    return sum(1 for pk in twin_of.values() if pk is not None)


def _reported_first(task: Task) -> tuple:
    kind = task.plan.kind
    rank = _PLAN_ORDER.index(kind) if kind in _PLAN_ORDER else len(_PLAN_ORDER)
    return rank, task.plan.position, task.position
