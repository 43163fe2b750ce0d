"""The registry's services: merging units, resolving placeholders, kinds and aliases.

Each touches the database and writes an audit entry; the name rules they follow are the pure
functions of `duban.ledger.names`.
"""

from collections.abc import Iterable

from django.db import IntegrityError, transaction

from duban.audit.log import record
from duban.ledger.actions import AssignmentAction, UnitAction
from duban.ledger.choices import KindSource
from duban.ledger.models import Assignment, Task, Unit, UnitAlias
from duban.ledger.signals import announce_tasks_changed
from duban.lib.transitions import TransitionError


@transaction.atomic
def merge_units(keep: Unit, drop: Unit, user=None) -> Unit:
    """Fold `drop` into `keep`: its assignments, aliases and name move over, then it is deleted.

    Where both units are on the same task the assignment of `keep` stays, and the
    placeholder resolutions hanging off the dropped assignment move to it. TransitionError when
    both hold a record that exists once per unit (a report of one task in one cycle).
    """
    if keep.pk == drop.pk:
        raise ValueError("不能将单位与其自身合并")
    moved, merged = 0, 0
    kept = {a.task_id: a for a in keep.assignments.all()}
    for assignment in drop.assignments.all():
        existing = kept.get(assignment.task_id)
        if existing is None:
            assignment.unit = keep
            assignment.save(update_fields=["unit"])
            moved += 1
        else:
            assignment.resolutions.update(resolved_from=existing)
            assignment.delete()
            merged += 1
    try:
        with transaction.atomic():
            _move_references(keep, drop)
    except IntegrityError as exc:
        raise TransitionError(
            f"“{drop.name}”与“{keep.name}”有同一事项的记录（如同一期的同一任务报告），不能合并"
        ) from exc
    aliases = [a.alias for a in drop.aliases.all()] + [drop.name]
    drop.aliases.update(unit=keep)
    dropped_name, dropped_pk = drop.name, drop.pk
    drop.delete()
    UnitAlias.objects.create(unit=keep, alias=dropped_name, note=f"由单位“{dropped_name}”合并")
    # The lead of the moved tasks may have changed, and the dropped unit's count went with it.
    announce_tasks_changed(Task.objects.for_unit(keep).values_list("pk", flat=True), regrouped=True)
    record(
        UnitAction.MERGED,
        keep,
        user=user,
        data={
            "dropped": {"id": dropped_pk, "name": dropped_name},
            "aliases": aliases,
            "assignments_moved": moved,
            "assignments_merged": merged,
        },
    )
    return keep


def _move_references(keep: Unit, drop: Unit) -> None:
    # Whatever else points at a unit (lead overrides, a liaison's profile, reports…) follows
    # the merge; assignments and aliases are handled above, Task.units goes through them.
    for relation in Unit._meta.related_objects:
        model, name = relation.related_model, relation.field.name
        if model in (Assignment, UnitAlias):
            continue
        if relation.many_to_many:
            if not relation.through._meta.auto_created:
                continue
            for obj in model._default_manager.filter(**{name: drop}):
                getattr(obj, name).remove(drop)
                getattr(obj, name).add(keep)
        else:
            model._default_manager.filter(**{name: drop}).update(**{name: keep})


@transaction.atomic
def resolve_placeholder(placeholder: Assignment, units: Iterable[Unit], user=None) -> list:
    """Stand concrete units in for a placeholder (相关街镇) on its task, in the same role.

    Units already on the task are skipped. Returns the new assignments.
    """
    if not placeholder.unit.is_placeholder:
        raise ValueError("只能细化泛指单位")
    task = placeholder.task
    present = set(task.assignments.values_list("unit_id", flat=True))
    position = max(task.assignments.values_list("position", flat=True), default=0)
    created = []
    for unit in units:
        if unit.pk in present or unit.is_placeholder:
            continue
        position += 1
        created.append(
            Assignment.objects.create(
                task=task,
                unit=unit,
                role=placeholder.role,
                raw=unit.name,
                position=position,
                resolved_from=placeholder,
            )
        )
        present.add(unit.pk)
    if created:
        announce_tasks_changed([task.pk], regrouped=True)
        record(
            AssignmentAction.RESOLVED,
            task,
            user=user,
            data={"placeholder": placeholder.unit.name, "units": [a.unit.name for a in created]},
        )
    return created


@transaction.atomic
def set_kind(unit: Unit, kind: str, user=None) -> None:
    """The office sets a unit's kind; later imports keep it."""
    before = unit.kind
    unit.kind = kind
    unit.kind_source = KindSource.EDITED
    unit.save(update_fields=["kind", "kind_source"])
    record(UnitAction.KIND_CHANGED, unit, user=user, data={"before": before, "after": kind})
