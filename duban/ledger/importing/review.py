"""What the office reviews before an import: the corrected reading, row by row, and its diff.

`review(draft)` takes the draft's parse (made with the office's column roles when the file
was staged or its columns corrected), applies its row corrections, compares the result with
the ledger, marks what the parser was unsure of, and proposes known units for new names.
Raises ParseError when the corrected reading has no rows.
"""

from dataclasses import dataclass, field

from duban.ledger.importing import ImportPreview, compare, unchecked
from duban.ledger.importing.corrections import (
    Corrected,
    apply_corrections,
    read,
    row_key,
    text_hash,
)
from duban.ledger.importing.wording import warning_text
from duban.ledger.models import ImportDraft, Notice, Unit, UnitAlias
from duban.ledger.unit_names import propose
from duban.parsing import ParseError, from_json
from duban.parsing.errors import NO_FILE
from duban.parsing.model import Item, ParsedNotice

# A column read with less confidence than this is marked for the office to check.
UNSURE = 0.6
ROLE_FIELDS = {"lead": "lead", "joint": "joint", "support": "support"}


@dataclass
class ReviewRow:
    ref: str  # "plan-section-item" in the corrected reading, what the row forms post
    item: Item
    text_hash: str
    units: dict  # role -> [names]
    first: bool  # the plan's first row, with no row above to join
    corrected: list[str] = field(default_factory=list)  # what the office did to it
    warnings: list[str] = field(default_factory=list)

    @property
    def partial(self) -> bool:
        return self.item.partial

    @property
    def unsure(self) -> bool:
        return bool(self.warnings) or self.partial


@dataclass
class ReviewSection:
    heading: str
    leaders: list[str]
    rows: list[ReviewRow]


@dataclass
class ReviewPlan:
    title: str
    annex: str
    sections: list[ReviewSection]


@dataclass
class ImportReview:
    draft: ImportDraft
    prepared: ImportPreview
    plans: list[ReviewPlan]
    layouts: list[dict]
    proposals: list[tuple[str, Unit]]
    warnings: list[dict]  # those not placed on a row or a table, as the notice keeps them
    unmatched: int = 0

    @property
    def row_count(self) -> int:
        return sum(len(s.rows) for p in self.plans for s in p.sections)

    def row(self, ref: str, digest: str) -> tuple[dict, ReviewRow] | None:
        """The key of the row a form posted, if the row still reads as it did on the page."""
        for p, plan in enumerate(self.plans):
            for section in plan.sections:
                for row in section.rows:
                    if row.ref == ref and row.text_hash == digest:
                        return row_key(self.prepared.data.plans[p], p, row.item), row
        return None


def staged(draft: ImportDraft) -> ImportPreview:
    """The draft's staged parse with the office's row corrections, not yet compared.

    Raises ParseError when the staged file is gone or the corrected reading has no rows."""
    return _staged(draft)[0]


def _staged(draft: ImportDraft) -> tuple[ImportPreview, Corrected]:
    content = draft.content()
    if content is None:
        raise ParseError("the staged file is gone", NO_FILE)
    # A preview staged before its parse was kept with it is parsed once more.
    if draft.parsed:
        parsed = from_json(draft.parsed)
    else:
        parsed = read(content, draft.filename, draft.corrections)
    corrected = apply_corrections(parsed, draft.corrections)
    stored = Notice.objects.filter(file_hash=draft.file_hash).order_by("-created_at").first()
    recheck = stored is not None and stored.import_corrections != draft.corrections
    preview = unchecked(corrected.notice, content=content, filename=draft.filename, recheck=recheck)
    return preview, corrected


def review(draft: ImportDraft) -> ImportReview:
    preview, corrected = _staged(draft)
    prepared = compare(preview)
    warnings = [warning.to_dict() for warning in corrected.notice.warnings]
    placed: set[int] = set()
    plans = _plans(corrected, warnings, placed)
    layouts = _layouts(corrected.notice, warnings, placed)
    rejected = set(draft.corrections.get("rejected_aliases") or [])
    new_names = [name for name in prepared.report.new_units if name not in rejected]
    return ImportReview(
        draft=draft,
        prepared=prepared,
        plans=plans,
        layouts=layouts,
        proposals=_proposals(new_names),
        warnings=[w for i, w in enumerate(warnings) if i not in placed],
        unmatched=corrected.unmatched,
    )


def _plans(corrected: Corrected, warnings: list[dict], placed: set[int]) -> list[ReviewPlan]:
    plans = []
    for p, plan in enumerate(corrected.notice.plans):
        sections = []
        for s, section in enumerate(plan.sections):
            rows = []
            for i, item in enumerate(section.items):
                units = {role: [] for role in ROLE_FIELDS}
                for unit in item.units:
                    units[unit.role].append(unit.name)
                row = ReviewRow(
                    f"{p}-{s}-{i}",
                    item,
                    text_hash(item.text),
                    units,
                    first=not any(r.rows for r in sections) and not rows,
                    corrected=corrected.marks.get((p, s, i), []),
                )
                location = item.location.to_dict()
                for index, warning in enumerate(warnings):
                    if same_place(warning.get("location"), location):
                        row.warnings.append(warning_text(warning))
                        placed.add(index)
                rows.append(row)
            leaders = [leader.name for leader in section.leaders]
            sections.append(ReviewSection(section.heading or "", leaders, rows))
        plans.append(ReviewPlan(plan.title or "", plan.annex or "", sections))
    return plans


def same_place(where: dict | None, location: dict | None) -> bool:
    """Whether a warning's location is the row's: same table row, or same text line."""
    if not where or not location:
        return False
    keys = [k for k in ("table", "row", "line") if where.get(k) is not None]
    if not keys or keys == ["table"]:
        return False
    if where.get("page") is not None and location.get("page") is not None:
        keys.append("page")
    return all(where[k] == location.get(k) for k in keys)


def _layouts(parsed: ParsedNotice, warnings: list[dict], placed: set[int]) -> list[dict]:
    """The parser's layouts as the page shows them, each column marked `unsure`, with the
    warnings about the table (placed on the table or on its header row)."""
    layouts = []
    for layout in parsed.layouts:
        shown = layout.to_dict()
        columns = [
            {**column, "unsure": column["role"] is None or column["confidence"] < UNSURE}
            for column in shown["columns"]
        ]
        about = []
        for index, warning in enumerate(warnings):
            where = warning.get("location") or {}
            header = where == layout.location and where.get("row") is not None
            if header or where.get("table") == layout.table and where.get("row") is None:
                about.append(warning_text(warning))
                placed.add(index)
        layouts.append({**shown, "columns": columns, "warnings": about})
    return layouts


def _proposals(new_names: list[str]) -> list[tuple[str, Unit]]:
    known = dict(Unit.objects.values_list("name", "name"))
    known.update(UnitAlias.objects.values_list("alias", "unit__name"))
    proposed = propose(new_names, known)
    units = Unit.objects.in_bulk(set(proposed.values()), field_name="name")
    return [(name, units[unit]) for name, unit in sorted(proposed.items())]
