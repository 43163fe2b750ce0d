"""What each column of a table holds, inferred from its cells as well as its header.

A header is evidence, not the only one: 序号/民生实事/责任单位/完成时限 or 类别/事项/承办/时间
name their columns in words no fixed vocabulary holds, while the cells below say plainly
what they are — numbers counting up, long sentences, names of government bodies, people,
deadlines, amounts. Each column gets a score per role from both; the best consistent
assignment wins, and what cannot be placed is kept as extra.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from duban.parsing.columns import (
    DEADLINE,
    LEAD_UNITS,
    LEADERS,
    NAME,
    OWNER,
    PROGRESS,
    REMARK,
    SEQ,
    SUPPORT_UNITS,
    TEXT,
    UNITS,
    Columns,
    header_kind,
    read_header,
)
from duban.parsing.leaders import has_surname, parse_leaders
from duban.parsing.text import EDGE, fold, join_lines, squeeze
from duban.parsing.units import names_units

EXTRA = "extra"
# Every role a column may be given, by the parser or by the office correcting it.
ROLES = (SEQ, NAME, TEXT, UNITS, LEAD_UNITS, SUPPORT_UNITS, LEADERS, DEADLINE, REMARK, EXTRA)
_UNIT_ROLES = (UNITS, LEAD_UNITS, SUPPORT_UNITS)

_SEQ = re.compile(r"^[（(]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[）)]?[.．、]?$")
_DEADLINE = re.compile(
    r"^(?:\d{4}\s*年)?(?:全年|年底|年内|年末|上半年|下半年|长期|持续|常态|\d{1,2}\s*月|第?[一二三四1-4]季度|"
    r"\d{4}\s*年|\d{4}[-./]\d{1,2})"
)
_DEADLINE_WORDS = re.compile(r"前$|底$|完成$|推进$|以前$|内$|长期|持续|全年|季度|月$")
_AMOUNT = re.compile(
    r"^[-+]?\d[\d,]*(?:\.\d+)?\s*(?:%|万元|亿元|元|个|项|家|人|亩|公里|km|平方米|㎡|户|套|所)?$"
)
_SENTENCE = re.compile(r"[，。；,;]")
# Up to this many rows are enough to tell what a column holds.
_SAMPLE = 30
# A header's reading is confirmed, or completed, on this many rows.
_CONFIRM = 10
# A role must fit this share of a column's filled cells to be read from content alone.
_CONTENT_FIT = 0.6
_HEADER_WEIGHT = 0.5
# A short phrase is a weaker sign of a name than a number is of a 序号.
_DISCOUNT = {NAME: 0.7, EXTRA: 0.9}
_NOT_COUNTING = 0.3


@dataclass(slots=True)
class Column:
    index: int
    header: str
    role: str | None
    evidence: str | None  # header, content, both, override, or None
    confidence: float

    def to_dict(self) -> dict:
        return {
            "index": self.index,
            "header": self.header,
            "role": self.role,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 2),
        }


@dataclass(slots=True)
class Layout:
    """A table's columns, with the row that heads it (if any) and how sure the reading is."""

    table: int
    width: int
    header_row: int | None  # index in the table's rows, None when no row names the columns
    header: list[str]
    columns: list[Column] = field(default_factory=list)
    location: dict | None = None
    overridden: bool = False
    completed: bool = False  # content placed columns the header did not name

    @property
    def confidence(self) -> float:
        placed = [column.confidence for column in self.columns if column.role]
        return min(placed) if placed else 0.0

    def mapping(self) -> Columns | None:
        """The roles as the builder reads them; None without a task column."""
        columns = Columns(width=self.width)
        for column in self.columns:
            if column.role in (None, EXTRA):
                if column.role == EXTRA or column.header:
                    columns.unknown[column.index] = column.header or f"第{column.index + 1}列"
                continue
            columns.kinds.setdefault(column.role, []).append(column.index)
        if TEXT not in columns.kinds:
            return None
        return columns

    def assigns(self) -> bool:
        """Whether the layout reads tasks: a text column and who carries it."""
        roles = {column.role for column in self.columns}
        return TEXT in roles and bool(roles & {*_UNIT_ROLES, LEADERS}) and self.width >= 2

    def to_dict(self) -> dict:
        return {
            "table": self.table,
            "location": self.location,
            "header": list(self.header),
            "columns": [column.to_dict() for column in self.columns],
            "confidence": round(self.confidence, 2),
        }


def infer_layout(
    table: int, rows: list[list[str]], roles: list[str | None] | None = None
) -> Layout:
    """The layout of a table's rows (cells as printed); `roles` given by the office win."""
    width = max((len(row) for row in rows), default=0)
    rows = [row + [""] * (width - len(row)) for row in rows]
    header_row = _header_row(rows)
    header = rows[header_row] if header_row is not None else [""] * width
    body = [row for index, row in enumerate(rows) if index != header_row][:_SAMPLE]
    layout = Layout(table, width, header_row, [squeeze(cell) for cell in header])
    if roles is not None:
        layout.columns = [
            Column(i, layout.header[i], role, "override", 1.0)
            for i, role in enumerate(_fit(roles, width))
        ]
        layout.overridden = True
        return layout
    scores = [_scores(header[i], [row[i] for row in body]) for i in range(width)]
    layout.columns = _assign(layout.header, scores)
    return layout


def _fit(roles: list[str | None], width: int) -> list[str | None]:
    roles = [role if role in ROLES else None for role in roles[:width]]
    return roles + [None] * (width - len(roles))


def _header_row(rows: list[list[str]]) -> int | None:
    """The first row, when it names columns: short labels above longer, different cells."""
    if not rows:
        return None
    if read_header(rows[0]) is not None:
        return 0
    first = [squeeze(cell) for cell in rows[0]]
    filled = [cell for cell in first if cell]
    if len(filled) < 2 or any(len(cell) > 12 or _SENTENCE.search(cell) for cell in filled):
        return None
    if any(_SEQ.match(cell) for cell in filled):
        return None
    named = sum(header_kind(cell) is not None for cell in filled)
    # Labels are short nouns; a data row has a long task text or a 序号.
    below = rows[1 : 1 + _SAMPLE]
    longer = any(
        len(join_lines(row[i])) > 2 * max(1, len(first[i]))
        for row in below
        for i in range(len(first))
    )
    return 0 if named or longer else None


def _scores(header: str, cells: list[str]) -> dict[str, tuple[float, str]]:
    """Each role's fit for one column: (score, evidence)."""
    said = header_kind(header) if header.strip(EDGE) else None
    filled = [join_lines(cell) for cell in cells if cell.strip(EDGE)]
    content = _content(filled)
    scores: dict[str, tuple[float, str]] = {}
    for role in ROLES:
        fit = content.get(role, 0.0)
        heard = said == role or (said in _UNIT_ROLES and role == UNITS)
        if heard and fit >= _CONTENT_FIT:
            scores[role] = (1.0, "both")
        elif heard:
            scores[role] = (_HEADER_WEIGHT + fit / 2, "header")
        elif fit >= _CONTENT_FIT:
            scores[role] = (fit * (1 - _HEADER_WEIGHT / 2) if said else fit, "content")
    if said in (LEAD_UNITS, SUPPORT_UNITS) and UNITS in scores:
        # The cells say units, the header's words which: 牵头 or 配合.
        scores[said] = scores.pop(UNITS)
    if said == PROGRESS:
        scores[PROGRESS] = (1.0, "header")
    if OWNER.match(fold(squeeze(header))):
        for role in _UNIT_ROLES:
            scores.pop(role, None)
    return scores


def _content(cells: list[str], only: str | None = None) -> dict[str, float]:
    """What share of the filled cells looks like each role (or only the role `only`)."""
    if not cells:
        return {}
    lengths = sorted(len(cell) for cell in cells)
    long = lengths[len(lengths) // 2] >= 12
    tests = {
        SEQ: _is_seq,
        TEXT: (lambda cell: len(cell) >= 15) if long else None,
        NAME: _is_name,
        UNITS: _is_units,
        LEADERS: _is_leaders,
        DEADLINE: _is_deadline,
        EXTRA: _is_amount,
    }
    if only is not None:
        tests = {only: tests.get(only)}
    fits = {
        role: sum(1 for cell in cells if test(cell)) / len(cells) * _DISCOUNT.get(role, 1.0)
        for role, test in tests.items()
        if test is not None
    }
    if fits.get(SEQ) and not _counts_up(cells):
        # Numbers that do not count up are amounts (计划投资, 任务数), not a 序号.
        fits[SEQ] *= _NOT_COUNTING
    return fits


def _counts_up(cells: list[str]) -> bool:
    numbers = [int(cell) for cell in map(squeeze, cells) if cell.isdecimal()]
    steps = [b - a for a, b in zip(numbers, numbers[1:], strict=False)]
    return len(numbers) < 2 or sum(step == 1 for step in steps) >= len(steps) / 2


def _is_seq(cell: str) -> bool:
    return bool(_SEQ.match(squeeze(cell)))


def _is_name(cell: str) -> bool:
    # A title may close with 「。」; a clause ending in 「；」 or 「，」 runs on into more text.
    return 4 <= len(cell) <= 20 and not _SENTENCE.search(cell[:-1]) and cell[-1] not in "，；,;、"


def _is_amount(cell: str) -> bool:
    return bool(_AMOUNT.match(squeeze(cell)))


@lru_cache(maxsize=4096)
def _is_leaders(cell: str) -> bool:
    """People: names with titles (「张三副区长」), or bare names that open with a surname
    (so a 类别 column of 产业/城建/民生 is not taken for people)."""
    if _is_deadline(cell):
        return False  # 「全年」, 「长期」: not 全 and 长 by surname
    leaders = parse_leaders(cell)
    return bool(leaders) and all(
        leader.titles or (len(leader.name) <= 3 and has_surname(leader.name)) for leader in leaders
    )


@lru_cache(maxsize=4096)
def _is_units(cell: str) -> bool:
    return len(cell) <= 200 and names_units(cell)


def _is_deadline(cell: str) -> bool:
    cell = squeeze(cell)
    return len(cell) <= 16 and bool(_DEADLINE.match(cell) or _DEADLINE_WORDS.search(cell))


_FITS = {
    SEQ: _is_seq,
    NAME: _is_name,
    TEXT: lambda cell: len(cell) >= 8 and not _is_units(cell),
    UNITS: _is_units,
    LEAD_UNITS: _is_units,
    SUPPORT_UNITS: _is_units,
    LEADERS: _is_leaders,
    DEADLINE: _is_deadline,
}


# The kinds of column whose cells `fits()` can judge.
FITTED = frozenset(_FITS)


def fits(kind: str | None, cell: str) -> bool:
    """Whether a cell holds what a column of `kind` holds: units, people, a deadline…"""
    test = _FITS.get(kind)
    return test is not None and test(cell.strip())


# Roles a table has once at the most; units, deadlines and extras may be several columns.
_SINGLE = (SEQ, TEXT, NAME, LEADERS, REMARK, PROGRESS)


def _assign(header: list[str], scores: list[dict[str, tuple[float, str]]]) -> list[Column]:
    """Give each column its best role, the single roles to their best column only."""
    choices = sorted(
        (
            (score, index, role, evidence)
            for index, roles in enumerate(scores)
            for role, (score, evidence) in roles.items()
        ),
        reverse=True,
    )
    placed: dict[int, Column] = {}
    taken: set[str] = set()
    for score, index, role, evidence in choices:
        if index in placed or (role in _SINGLE and role in taken):
            continue
        placed[index] = Column(index, header[index], role, evidence, score)
        taken.add(role)
    columns = [placed.get(i, Column(i, header[i], None, None, 0.0)) for i in range(len(header))]
    _name_before_text(columns)
    for column in columns:
        if column.role is None and header[column.index]:
            # A column nothing fits keeps its cells under its header.
            column.role, column.evidence, column.confidence = EXTRA, None, 0.5
    return columns


def _name_before_text(columns: list[Column]) -> None:
    """Without a text column, the longest name-like column is the task text."""
    if any(column.role == TEXT for column in columns):
        return
    named = [column for column in columns if column.role == NAME]
    if named:
        named[0].role = TEXT


def header_layout(table: int, rows: list[list[str]], at: int, columns: Columns) -> Layout:
    """The layout of a table read by its header row `at`; content confirms each column."""
    width = columns.width
    header = [squeeze(cell) for cell in rows[at]]
    body = [row for row in rows[at + 1 : at + 1 + _CONFIRM] if len(row) == width]
    layout = Layout(table, width, at, header)
    roles: dict[int, str] = {i: EXTRA for i in columns.unknown}
    for kind, indexes in columns.kinds.items():
        roles.update({index: kind for index in indexes})
    for index in range(width):
        role = roles.get(index)
        cells = [join_lines(row[index]) for row in body if row[index].strip(EDGE)]
        if role in (None, EXTRA) and not _sub_header(rows[at + 1 : at + 2]):
            found = _unnamed(cells, set(roles.values()))
            if found is not None:
                # 「承办」 or 「分管」: words the vocabulary lacks over cells that say it all.
                layout.columns.append(Column(index, header[index], *found))
                layout.completed = True
                continue
        checked = UNITS if role in _UNIT_ROLES else role
        agrees = role is not None and _content(cells, checked).get(checked, 0.0)
        evidence = None if role is None else "both" if agrees >= _CONTENT_FIT else "header"
        confidence = 0.0 if role is None else 1.0 if evidence == "both" else _HEADER_WEIGHT + 0.3
        layout.columns.append(Column(index, header[index], role, evidence, confidence))
    return layout


def _sub_header(rows: list[list[str]]) -> bool:
    """Whether the row under a header names columns too (「牵头单位 | 配合单位」)."""
    filled = [cell for row in rows for cell in row if cell.strip(EDGE)]
    return bool(filled) and all(header_kind(cell) is not None for cell in filled)


def _unnamed(cells: list[str], taken: set[str]) -> tuple[str, str, float] | None:
    """The role a column the header did not name holds by its content, if it is clear."""
    fits = _content(cells)
    for role in (UNITS, LEADERS, DEADLINE, SEQ):
        if role in _SINGLE and role in taken:
            continue
        if fits.get(role, 0.0) >= _CONTENT_FIT:
            return role, "content", fits[role]
    return None
