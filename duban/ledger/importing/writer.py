"""Applying a diff to the ledger, inside apply_import's transaction."""

from functools import partial
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.db import transaction

from duban.audit.log import record
from duban.ledger.actions import NoticeAction, TaskAction
from duban.ledger.choices import TaskState
from duban.ledger.importing.diff import (
    Diff,
    IncomingPlan,
    IncomingSection,
    Row,
    clean,
    section_key,
)
from duban.ledger.models import (
    Assignment,
    Notice,
    Official,
    Plan,
    Section,
    SectionLeader,
    Task,
    TaskLeader,
    Unit,
    UnitAlias,
)
from duban.ledger.names import infer_kind
from duban.ledger.twins import link_twins
from duban.parsing.text import squeeze

if TYPE_CHECKING:
    from duban.ledger.importing import ImportPreview


def store_file(storage, name: str, content: bytes) -> None:
    """Store `content` under exactly `name`, unless a file of that name (the same hash) is there."""
    if not storage.exists(name):
        storage.save(name, ContentFile(content))


class Writer:
    """Applies a diff to the ledger; runs inside apply_import's transaction."""

    def __init__(self, preview: "ImportPreview", diff: Diff, user):
        self.preview, self.diff, self.user = preview, diff, user
        self.report = diff.report
        self.units: dict[str, Unit] = {}
        self.officials: dict[str, Official] = {}
        self.plans: dict[int, Plan] = {}  # incoming plan index -> plan
        self.sections_left: dict[int, list[Section]] = {}  # plan pk -> sections not yet paired
        # Task pk -> the parsed row's targets, handed on with notice_imported.
        self.targets: dict[int, list[dict]] = {}

    def run(self) -> Notice:
        notice = self.save_notice()
        self.save_registry()
        sections: dict[tuple[int, int], Section] = {}
        for position, (incoming, stored) in enumerate(self.diff.plan_pairs):
            plan = self.save_plan(notice, incoming, stored, position)
            self.plans[incoming.index] = plan
            self.sections_left[plan.pk] = (
                list(plan.sections.prefetch_related("section_leaders__official")) if stored else []
            )
            for section in incoming.sections:
                sections[incoming.index, section.index] = self.save_section(plan, section)
        for new, old in self.diff.row_pairs:
            self.update_task(new, old, sections)
        self.create_tasks(self.diff.added, sections)
        for old in self.diff.removed:
            self.remove_task(old)
        # Sections and plans the new version no longer has go, unless withdrawn rows keep them.
        Section.objects.filter(plan__notice=notice, tasks=None).exclude(
            pk__in=[s.pk for s in sections.values()]
        ).delete()
        for plan in self.diff.stale_plans:
            if not plan.tasks.exists():
                plan.delete()
        link_twins(notice)
        if self.report.new_notice:
            record(NoticeAction.IMPORTED, notice, self.user, self.notice_data())
        else:
            record(NoticeAction.UPDATED, notice, self.user, self.notice_data())
        return notice

    def notice_data(self) -> dict:
        return {
            "filename": self.preview.filename,
            "file_hash": self.preview.file_hash,
            **self.report.as_data(),
        }

    def save_notice(self) -> Notice:
        parsed = self.diff.parsed
        notice = self.diff.notice or Notice()
        for name, value in Diff.notice_values(parsed.notice).items():
            setattr(notice, name, value)
        notice.body = clean(parsed.notice.body)
        notice.warnings = [warning.to_dict() for warning in parsed.warnings]
        notice.source_format = parsed.source.format if parsed.source else ""
        notice.source_filename = self.preview.filename
        notice.file_hash = self.preview.file_hash
        notice.file_size = self.preview.file_size
        notice.uploaded_by = (
            self.user if self.user is not None and self.user.is_authenticated else None
        )
        if self.preview.content is not None:
            name = f"{self.preview.file_hash[:12]}-{self.preview.filename}"
            notice.source_file.name = notice.source_file.field.generate_filename(notice, name)
            # Written once the rows are committed: an import killed or failing before that
            # leaves no file behind for its retry to store a second copy beside.
            transaction.on_commit(
                partial(
                    store_file,
                    notice.source_file.storage,
                    notice.source_file.name,
                    self.preview.content,
                )
            )
        notice.save()
        return notice

    def save_registry(self) -> None:
        names = set(self.diff.unit_names.values())
        self.units = {u.name: u for u in Unit.objects.filter(name__in=names)}
        created = Unit.objects.bulk_create(
            Unit(name=name, kind=infer_kind(name)) for name in sorted(names - set(self.units))
        )
        self.units.update((unit.name, unit) for unit in created)
        UnitAlias.objects.bulk_create(
            UnitAlias(unit=self.units[name], alias=alias, note=self.diff.unit_notes.get(alias, ""))
            for alias, name in self.report.new_aliases
        )
        titles: dict[str, list[str]] = {}
        for plan in self.diff.plans:
            for section in plan.sections:
                titles.update((name, t) for name, t in section.leaders if t)
        for plan in self.diff.parsed.plans:
            for section in plan.sections:
                for item in section.items:
                    for leader in item.leaders:
                        titles.setdefault(squeeze(leader.name), leader.titles)
        names = (
            set(titles)
            | {name for row in self.diff.row_pairs for name in row[0].leaders}
            | {name for row in self.diff.added for name in row.leaders}
        )
        self.officials = {o.name: o for o in Official.objects.filter(name__in=names)}
        for name in sorted(names):
            official = self.officials.get(name)
            if official is None:
                self.officials[name] = Official.objects.create(
                    name=name, titles=titles.get(name, [])
                )
            elif titles.get(name) and official.titles != titles[name]:
                official.titles = titles[name]
                official.save(update_fields=["titles"])

    def save_plan(
        self, notice: Notice, incoming: IncomingPlan, stored: Plan | None, position: int
    ) -> Plan:
        plan = stored or Plan(notice=notice)
        years = sorted(incoming.years)
        values = {
            "annex": incoming.annex,
            "title": incoming.title,
            "kind": incoming.kind,
            "start_year": years[0] if years else None,
            "end_year": years[-1] if years else None,
            "position": position,
        }
        dirty = [name for name, value in values.items() if getattr(plan, name) != value]
        for name in dirty:
            setattr(plan, name, values[name])
        if plan.pk is None:
            plan.save()
        elif dirty:
            plan.save(update_fields=dirty)
        return plan

    def save_section(self, plan: Plan, incoming: IncomingSection) -> Section:
        left = self.sections_left[plan.pk]
        section = next(
            (
                s
                for s in left
                if section_key([sl.official.name for sl in s.section_leaders.all()], s.heading)
                == incoming.key
            ),
            None,
        )
        if section is None:
            section = Section.objects.create(
                plan=plan, heading=incoming.heading, position=incoming.index
            )
        else:
            left.remove(section)
            dirty = []
            if squeeze(section.heading) != squeeze(incoming.heading):
                section.heading = incoming.heading
                dirty.append("heading")
            if section.position != incoming.index:
                section.position = incoming.index
                dirty.append("position")
            if dirty:
                section.save(update_fields=dirty)
        current = [(sl.official.name, sl.titles) for sl in section.section_leaders.all()]
        if current != incoming.leaders:
            section.section_leaders.all().delete()
            SectionLeader.objects.bulk_create(
                SectionLeader(
                    section=section, official=self.officials[name], titles=titles, position=i
                )
                for i, (name, titles) in enumerate(incoming.leaders)
            )
        return section

    def task_values(self, row: Row, sections: dict) -> dict:
        return {
            "plan": self.plans[row.plan.index],
            "section": sections[row.plan.index, row.section.index],
            "seq": row.seq,
            "name": row.name,
            "text": row.text,
            "deadline": row.deadline,
            "due": row.item.due,
            "remark": row.remark,
            "lead_override": list(row.lead_override),
            "location": row.item.location.to_dict(),
            "extra": dict(row.item.extra),
            "position": row.position,
            "key": row.key,
            "status": TaskState.ACTIVE,
        }

    def create_tasks(self, rows: list[Row], sections: dict) -> None:
        # In bulk: a first import creates every row of the notice at once.
        tasks = Task.objects.bulk_create(Task(**self.task_values(row, sections)) for row in rows)
        Assignment.objects.bulk_create(
            Assignment(
                task=task,
                unit=self.units[name],
                role=role,
                raw=row.raw_units.get(name, name),
                position=position,
            )
            for task, row in zip(tasks, rows, strict=True)
            for position, (name, role) in enumerate(row.units)
        )
        TaskLeader.objects.bulk_create(
            TaskLeader(
                task=task, official=self.officials[name], source=row.leader_source, position=i
            )
            for task, row in zip(tasks, rows, strict=True)
            for i, name in enumerate(row.leaders)
        )
        Task.lead_override_units.through.objects.bulk_create(
            Task.lead_override_units.through(task=task, unit=unit)
            for task, row in zip(tasks, rows, strict=True)
            for unit in dict.fromkeys(self.override_units(row))
        )
        for task, row in zip(tasks, rows, strict=True):
            self.keep_targets(task, row)
        if not self.report.new_notice:
            for task, row in zip(tasks, rows, strict=True):
                record(TaskAction.ADDED, task, self.user, {"after": row.snapshot()})

    def keep_targets(self, task: Task, row: Row) -> None:
        # A notice parsed before targets were read has none: receivers read the text.
        if row.item.targets is not None:
            self.targets[task.pk] = row.item.targets

    def update_task(self, row: Row, old: Row, sections: dict) -> None:
        task = old.task
        self.keep_targets(task, row)
        changes = row.changes(old)
        values = self.task_values(row, sections)
        # The date follows the plan's years too, which a row's own changes do not show.
        current = ["plan", "section", "position", "key", "due"]
        if changes:
            dirty = [name for name, value in values.items() if getattr(task, name) != value]
        else:
            # Same row in another rendering: only its place in the plan and its date are kept current.
            dirty = [name for name in current if getattr(task, name) != values[name]]
        for name in dirty:
            setattr(task, name, values[name])
        if dirty:
            task.save(update_fields=[*dirty, "updated_at"])
        changed = {change.field for change in changes}
        if "units" in changed:
            self.save_units(task, row)
        if "leaders" in changed:
            task.task_leaders.all().delete()
            self.save_leaders(task, row)
        if "lead_override" in changed:
            task.lead_override_units.set(self.override_units(row))
        if changes:
            record(
                TaskAction.CHANGED,
                task,
                self.user,
                {"fields": [change.as_data() for change in changes]},
            )

    def save_units(self, task: Task, row: Row) -> None:
        """Bring the notice's assignments of a task in line with the row.

        Office-resolved assignments stay; one for a unit the row now names becomes the notice's.
        """
        current = {a.unit.name: a for a in task.assignments.select_related("unit")}
        wanted = dict(row.units)
        for name, assignment in current.items():
            if name not in wanted and assignment.resolved_from_id is None:
                assignment.delete()
        for position, (name, role) in enumerate(row.units):
            raw = row.raw_units.get(name, name)
            assignment = current.get(name)
            if assignment is None:
                Assignment.objects.create(
                    task=task, unit=self.units[name], role=role, raw=raw, position=position
                )
                continue
            values = {"role": role, "raw": raw, "position": position, "resolved_from": None}
            dirty = [f for f, v in values.items() if getattr(assignment, f) != v]
            for f in dirty:
                setattr(assignment, f, values[f])
            if dirty:
                assignment.save(update_fields=dirty)

    def save_leaders(self, task: Task, row: Row) -> None:
        TaskLeader.objects.bulk_create(
            TaskLeader(
                task=task, official=self.officials[name], source=row.leader_source, position=i
            )
            for i, name in enumerate(row.leaders)
        )

    def override_units(self, row: Row) -> list[Unit]:
        return [self.units[self.diff.unit_name(name)] for name in row.lead_override]

    def remove_task(self, row: Row) -> None:
        task = row.task
        if is_referenced(task):
            task.status = TaskState.WITHDRAWN
            task.save(update_fields=["status", "updated_at"])
            record(TaskAction.WITHDRAWN, task, self.user, {"before": row.snapshot()})
        else:
            record(TaskAction.REMOVED, task, self.user, {"before": row.snapshot()})
            task.delete()


def is_referenced(task: Task) -> bool:
    """Whether anything beyond the notice's own rows refers to the task: another app's records,
    or placeholder resolutions the office made."""
    if task.assignments.exclude(resolved_from=None).exists():
        return True
    for relation in Task._meta.related_objects:
        model = relation.related_model
        if model in (Assignment, TaskLeader):
            continue
        # Rows derived from the task's text (its targets) say themselves whether they hold history.
        if hasattr(model, "keeps_task"):
            if model.keeps_task(task):
                return True
        elif model._default_manager.filter(**{relation.field.name: task}).exists():
            return True
    return False
