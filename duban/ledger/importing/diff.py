"""Reading a parsed notice and the ledger into comparable rows, and pairing them up."""

import difflib
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch

from duban.ledger.changes import ChangeReport, FieldChange, RowChange
from duban.ledger.choices import AssignmentRole, LeaderSource, PlanKind, TaskState
from duban.ledger.models import (
    Assignment,
    Notice,
    Official,
    Plan,
    Section,
    Task,
    TaskLeader,
    Unit,
    UnitAlias,
)
from duban.ledger.names import alias_note, canonical_names, normalise_name
from duban.parsing.model import Item, NoticeMeta, ParsedNotice
from duban.parsing.text import squeeze

# Rows whose texts are at least this similar may be the same row renumbered or moved.
SIMILAR = 0.6
ROLE_STRENGTH = {AssignmentRole.LEAD: 3, AssignmentRole.JOINT: 2, AssignmentRole.SUPPORT: 1}
COMPARED = [
    "seq",
    "name",
    "text",
    "units",
    "leaders",
    "deadline",
    "remark",
    "lead_override",
    "extra",
]


def comparable(value):
    """A field's value as two renderings of it compare: texts squeezed, lists as tuples."""
    if isinstance(value, str):
        return squeeze(value)
    if isinstance(value, list | tuple):
        return tuple(comparable(v) for v in value)
    return value


@dataclass
class IncomingSection:
    index: int
    heading: str
    leaders: list[tuple[str, list[str]]]

    @property
    def key(self) -> str:
        return section_key([name for name, _ in self.leaders], self.heading)


@dataclass
class IncomingPlan:
    index: int
    kind: str
    annex: str
    title: str
    years: list[int]
    sections: list[IncomingSection]

    @property
    def label(self) -> str:
        return plan_label(self.annex, self.title)


@dataclass
class Row:
    """A row in comparable form, read from the parsed notice or from a task."""

    section_key: str
    seq: str
    name: str
    text: str
    units: tuple  # ((unit name, role), ...) with registry names
    leaders: tuple
    deadline: str
    remark: str
    lead_override: tuple
    position: int
    extra: tuple = ()  # 「计划投资：5」 for each cell of a column the parser does not know
    # Incoming rows only.
    plan: IncomingPlan | None = None
    section: IncomingSection | None = None
    item: Item | None = None
    raw_units: dict = field(default_factory=dict)  # unit name -> raw as printed
    leader_source: str = LeaderSource.SECTION
    # Existing rows only.
    task: Task | None = None

    @property
    def key(self) -> str:
        return f"{self.section_key}|{'、'.join(self.leaders)}|{squeeze(self.seq)}"

    @property
    def squeezed_text(self) -> str:
        return squeeze(self.text)

    def value(self, name: str):
        return getattr(self, name)

    def changes(self, other: "Row") -> list[FieldChange]:
        """The fields in which `self` (the new row) differs from `other` (the stored one)."""
        out = [
            FieldChange(name, other.value(name), self.value(name))
            for name in COMPARED
            if comparable(self.value(name)) != comparable(other.value(name))
        ]
        if other.task is not None and other.task.status != TaskState.ACTIVE:
            out.append(FieldChange("status", TaskState.WITHDRAWN.label, TaskState.ACTIVE.label))
        return out

    def snapshot(self) -> dict:
        return {name: _plain(self.value(name)) for name in COMPARED}


def extra_cells(extra: dict) -> tuple:
    return tuple(f"{label}：{value}" for label, value in extra.items())


def section_key(leader_names: list[str], heading: str) -> str:
    """Sections are known by their leaders; a section without leaders by its heading."""
    return "、".join(leader_names) if leader_names else squeeze(heading or "")


def plan_label(annex: str, title: str) -> str:
    return f"附件{annex}" if annex else title


def _plain(value):
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def clean(value) -> str:
    """A printed field stripped, "" for null."""
    return (value or "").strip()


def _date(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


class Diff:
    """The comparison of a parsed notice with the ledger: which rows pair up and what changed."""

    def __init__(self, parsed: ParsedNotice, file_hash: str, recheck: bool = False):
        self.parsed = parsed
        self.report = ChangeReport()
        self.notice, self.report.same_file = self._find_notice(file_hash)
        self.report.same_file &= not recheck
        if self.report.same_file:
            self.report.unchanged = Task.objects.filter(plan__notice=self.notice).active().count()
            return
        self.report.new_notice = self.notice is None
        self._read_names()
        self.plans = self._read_plans()
        self.plan_pairs: list[tuple[IncomingPlan, Plan | None]] = []
        self.stale_plans: list[Plan] = []
        self.row_pairs: list[tuple[Row, Row]] = []
        self.added: list[Row] = []
        self.removed: list[Row] = []
        self._compare()

    # Which notice --------------------------------------------------------------------------

    def _find_notice(self, file_hash: str) -> tuple[Notice | None, bool]:
        if file_hash:
            notice = Notice.objects.filter(file_hash=file_hash).order_by("-created_at").first()
            if notice is not None:
                return notice, True
        meta = self.parsed.notice
        doc_number = squeeze(clean(meta.doc_number))
        title = squeeze(clean(meta.title))
        if doc_number:
            candidates = Notice.objects.filter(doc_number=doc_number)
        elif title:
            candidates = [
                n for n in Notice.objects.filter(doc_number="") if squeeze(n.title) == title
            ]
        else:
            return None, False
        kinds = {p.kind for p in self.parsed.plans}
        for notice in sorted(candidates, key=lambda n: n.created_at, reverse=True):
            stored = set(notice.plans.values_list("kind", flat=True))
            if not stored or not kinds or stored & kinds:
                return notice, False
        return None, False

    # Names ---------------------------------------------------------------------------------

    def _read_names(self) -> None:
        """Resolve every printed unit name to a registry name, and list what is new."""
        printed, officials = [], []
        for plan in self.parsed.plans:
            for section in plan.sections:
                officials += [leader.name for leader in section.leaders]
                for item in section.items:
                    printed += [unit.name for unit in item.units]
                    printed += item.lead_override
                    officials += [leader.name for leader in item.leaders]
        registry = dict(Unit.objects.values_list("name", "name"))
        registry.update(UnitAlias.objects.values_list("alias", "unit__name"))
        self.unit_names: dict[str, str] = {}
        self.unit_notes: dict[str, str] = {}
        for name, (canonical, note) in canonical_names(printed, registry).items():
            resolved = registry.get(name) or registry.get(canonical, canonical)
            self.unit_names[name] = resolved
            self.unit_notes[name] = alias_note(note)
            if resolved not in registry and resolved not in self.report.new_units:
                self.report.new_units.append(resolved)
            if name != resolved and name not in registry:
                self.report.new_aliases.append((name, resolved))
        self.report.new_units.sort()
        self.report.new_aliases.sort()
        known = set(Official.objects.values_list("name", flat=True))
        self.report.new_officials = sorted({squeeze(n) for n in officials} - known)

    def unit_name(self, printed: str) -> str:
        return self.unit_names[normalise_name(printed)]

    # Rows ----------------------------------------------------------------------------------

    def _read_plans(self) -> list[IncomingPlan]:
        plans = []
        for p_index, plan in enumerate(self.parsed.plans):
            sections = []
            for s_index, section in enumerate(plan.sections):
                leaders = [
                    (squeeze(leader.name), list(leader.titles)) for leader in section.leaders
                ]
                sections.append(IncomingSection(s_index, clean(section.heading), leaders))
            plans.append(
                IncomingPlan(
                    index=p_index,
                    kind=plan.kind or PlanKind.OTHER,
                    annex=clean(plan.annex),
                    title=clean(plan.title),
                    years=list(plan.years),
                    sections=sections,
                )
            )
        return plans

    def incoming_rows(self, plan: IncomingPlan) -> list[Row]:
        rows, position = [], 0
        raw_plan = self.parsed.plans[plan.index]
        for section, raw_section in zip(plan.sections, raw_plan.sections, strict=True):
            for item in raw_section.items:
                rows.append(self._incoming_row(plan, section, item, position))
                position += 1
        return rows

    def _incoming_row(
        self, plan: IncomingPlan, section: IncomingSection, item: Item, position: int
    ) -> Row:
        units: dict[str, str] = {}
        raw_units: dict[str, str] = {}
        for unit in item.units:
            name = self.unit_name(unit.name)
            # Two spellings of one unit in a row (区财政局, 区财政局（区国资办）): keep the stronger role.
            if name not in units or ROLE_STRENGTH[unit.role] > ROLE_STRENGTH[units[name]]:
                units[name] = unit.role
            raw_units.setdefault(name, unit.raw or unit.name)
        row_leaders = [squeeze(leader.name) for leader in item.leaders]
        if row_leaders:
            leaders, source = row_leaders, LeaderSource.ROW
        else:
            leaders, source = [name for name, _ in section.leaders], LeaderSource.SECTION
        return Row(
            section_key=section.key,
            seq=clean(item.seq),
            name=clean(item.name),
            text=clean(item.text),
            units=tuple(units.items()),
            leaders=tuple(dict.fromkeys(leaders)),
            deadline=clean(item.deadline),
            remark=clean(item.remark),
            lead_override=tuple(clean(n) for n in item.lead_override),
            position=position,
            extra=extra_cells(item.extra),
            plan=plan,
            section=section,
            item=item,
            raw_units=raw_units,
            leader_source=source,
        )

    @staticmethod
    def stored_rows(plan: Plan) -> list[Row]:
        section_keys = {
            section.pk: section_key(
                [sl.official.name for sl in section.section_leaders.all()], section.heading
            )
            for section in plan.sections.prefetch_related("section_leaders__official")
        }
        tasks = plan.tasks.prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.filter(resolved_from=None).select_related("unit"),
                to_attr="notice_assignments",
            ),
            Prefetch("task_leaders", queryset=TaskLeader.objects.select_related("official")),
            "lead_override_units",
        )
        rows = [
            Row(
                section_key=section_keys[task.section_id],
                seq=task.seq,
                name=task.name,
                text=task.text,
                units=tuple((a.unit.name, a.role) for a in task.notice_assignments),
                leaders=tuple(tl.official.name for tl in task.task_leaders.all()),
                deadline=task.deadline,
                remark=task.remark,
                lead_override=tuple(task.lead_override),
                position=task.position,
                extra=extra_cells(task.extra),
                task=task,
            )
            for task in tasks
        ]
        # Active rows are matched before withdrawn ones that happen to read the same.
        rows.sort(key=lambda r: (r.task.status != TaskState.ACTIVE, r.position))
        return rows

    # Comparison ----------------------------------------------------------------------------

    def _compare(self) -> None:
        stored_plans = list(self.notice.plans.all()) if self.notice else []
        self.plan_pairs = match_plans(self.plans, stored_plans)
        paired = {plan.pk for _, plan in self.plan_pairs if plan is not None}
        self.stale_plans = [plan for plan in stored_plans if plan.pk not in paired]
        if self.notice is not None:
            self.report.notice_fields = self._notice_changes(stored_plans)
        for incoming, stored in self.plan_pairs:
            new_rows = self.incoming_rows(incoming)
            old_rows = self.stored_rows(stored) if stored is not None else []
            pairs = match_rows(new_rows, old_rows)
            paired_new = {id(new) for new, _ in pairs}
            paired_old = {id(old) for _, old in pairs}
            self.row_pairs += pairs
            self.added += [row for row in new_rows if id(row) not in paired_new]
            self.removed += [
                row
                for row in old_rows
                if id(row) not in paired_old and row.task.status == TaskState.ACTIVE
            ]
        for plan in self.stale_plans:
            self.removed += [
                row for row in self.stored_rows(plan) if row.task.status == TaskState.ACTIVE
            ]
        self._report_rows()

    def _notice_changes(self, stored_plans: list[Plan]) -> list[FieldChange]:
        new = self.notice_values(self.parsed.notice)
        changes = [
            FieldChange(name, getattr(self.notice, name), value)
            for name, value in new.items()
            if comparable(value) != comparable(getattr(self.notice, name))
        ]
        # Plans kept only for their withdrawn rows are no longer part of the notice.
        old_plans = [plan.title for plan in stored_plans if plan.tasks.active().exists()]
        new_plans = [
            plan.title
            for plan, raw in zip(self.plans, self.parsed.plans, strict=True)
            if any(section.items for section in raw.sections)
        ]
        if comparable(old_plans) != comparable(new_plans):
            changes.append(FieldChange("plans", old_plans, new_plans))
        old_headings = [
            s.heading
            for s in Section.objects.filter(
                plan__notice=self.notice, tasks__status=TaskState.ACTIVE
            )
            .distinct()
            .order_by("plan__position", "position")
        ]
        new_headings = [
            s.heading
            for plan, raw in zip(self.plans, self.parsed.plans, strict=True)
            for s, raw_section in zip(plan.sections, raw.sections, strict=True)
            if raw_section.items
        ]
        if comparable(old_headings) != comparable(new_headings):
            changes.append(FieldChange("sections", old_headings, new_headings))
        return changes

    @staticmethod
    def notice_values(meta: NoticeMeta) -> dict:
        return {
            "doc_number": squeeze(clean(meta.doc_number)),
            "title": clean(meta.title),
            "issuer": clean(meta.issuer),
            "issued_on": _date(meta.issued_on),
            "printed_on": _date(meta.printed_on),
            "addressees": list(meta.addressees),
            "cc": list(meta.cc),
            "attachments": list(meta.attachments),
            "public": meta.public,
        }

    def _report_rows(self) -> None:
        report = self.report
        self.row_pairs.sort(key=lambda pair: (pair[0].plan.index, pair[0].position))
        self.removed.sort(key=lambda row: (row.task.plan.position, row.position))
        for new, old in self.row_pairs:
            changes = new.changes(old)
            if changes:
                report.changed.append(
                    RowChange(new.plan.label, new.seq, new.text, old.task.pk, changes)
                )
            else:
                report.unchanged += 1
        report.added = [RowChange(row.plan.label, row.seq, row.text) for row in self.added]
        report.removed = [
            RowChange(
                plan_label(row.task.plan.annex, row.task.plan.title), row.seq, row.text, row.task.pk
            )
            for row in self.removed
        ]


def match_plans(
    incoming: list[IncomingPlan], stored: list[Plan]
) -> list[tuple[IncomingPlan, Plan | None]]:
    """Pair plans by kind and annex, then by kind alone, then by title."""
    rules = [
        lambda new, old: (new.kind, new.annex) == (old.kind, old.annex),
        lambda new, old: new.kind == old.kind,
        lambda new, old: squeeze(new.title) == squeeze(old.title),
    ]
    left = list(stored)
    pairs: dict[int, Plan] = {}
    for rule in rules:
        for plan in incoming:
            if plan.index in pairs:
                continue
            match = next((old for old in left if rule(plan, old)), None)
            if match is not None:
                pairs[plan.index] = match
                left.remove(match)
    return [(plan, pairs.get(plan.index)) for plan in incoming]


def match_rows(new_rows: list[Row], old_rows: list[Row]) -> list[tuple[Row, Row]]:
    """Pair the rows of two versions of a plan (see the module docstring); unpaired rows are
    added or removed."""
    pairs: list[tuple[Row, Row]] = []
    new_left, old_left = list(new_rows), list(old_rows)
    exact_passes = [
        lambda r: (r.key, r.squeezed_text),
        lambda r: (r.section_key, r.squeezed_text),
        lambda r: r.squeezed_text,
    ]
    for signature in exact_passes:
        waiting: dict = {}
        for old in old_left:
            waiting.setdefault(signature(old), []).append(old)
        still_new = []
        for new in new_left:
            candidates = waiting.get(signature(new))
            if candidates:
                pairs.append((new, candidates.pop(0)))
            else:
                still_new.append(new)
        paired = {id(old) for _, old in pairs}
        new_left = still_new
        old_left = [old for old in old_left if id(old) not in paired]

    scored = []
    for new in new_left:
        for old in old_left:
            same_key = new.key == old.key
            matcher = difflib.SequenceMatcher(
                None, new.squeezed_text, old.squeezed_text, autojunk=False
            )
            if not same_key and matcher.quick_ratio() < SIMILAR:
                continue
            ratio = matcher.ratio()
            if not same_key and ratio < SIMILAR:
                continue
            score = (
                ratio
                + (0.5 if same_key else 0)
                + (0.05 if new.section_key == old.section_key else 0)
            )
            scored.append((score, new, old))
    scored.sort(key=lambda s: (-s[0], s[1].position, s[2].position))
    taken_new, taken_old = set(), set()
    for _, new, old in scored:
        if id(new) in taken_new or id(old) in taken_old:
            continue
        pairs.append((new, old))
        taken_new.add(id(new))
        taken_old.add(id(old))
    return pairs
