"""Column mapping: what each column of an annex table holds, read from its header text."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from duban.parsing.text import fold, squeeze

SEQ = "seq"
NAME = "name"
TEXT = "text"
UNITS = "units"
LEAD_UNITS = "lead_units"
SUPPORT_UNITS = "support_units"
LEADERS = "leaders"
DEADLINE = "deadline"
REMARK = "remark"
# Reported progress (当前进度, 完成情况): a table that has it reports on tasks, it assigns none.
PROGRESS = "progress"

# The columns whose cell a table merges down over rows that share it (a 责任领导 printed once
# for three rows); a merged 序号 or task cell is one task going on.
SHARED_BY_MERGE = (NAME, LEADERS, UNITS, LEAD_UNITS, SUPPORT_UNITS, DEADLINE, REMARK)

# What a unit column calls the bodies: 单位, 部门, or 处室/科室 in a department's own notice.
_BODY = "(?:单位|部门|处室|科室)"
# Checked in order: 「牵头领导」 is a leader column before it is a 牵头 column.
_KINDS = [
    (LEADERS, re.compile(r"领导$|^领导|负责人$|^责任人$")),
    # A role word alone heads a unit column too: 「承办 | 协办」.
    (LEAD_UNITS, re.compile(rf"^(?:牵头|主办|主责)(?:责任)?{_BODY}|^(?:牵头|主办|主责)$")),
    (SUPPORT_UNITS, re.compile(rf"^(?:配合|协办|参与|协同|协作|协助)(?:{_BODY}|$)")),
    (
        UNITS,
        re.compile(rf"^(?:主要)?(?:责任|承办|实施|负责|主体)?{_BODY}|^(?:责任|实施)主体$|^承办$"),
    ),
    (DEADLINE, re.compile(r"时限|时间|节点|期限|进度安排")),
    (REMARK, re.compile(r"^(?:备注|说明)")),
    (
        PROGRESS,
        re.compile(r"^(?:当前|目前|截至\S*)?(?:进度|进展|完成情况|推进情况|落实情况|完成率)"),
    ),
    (SEQ, re.compile(r"^(?:序号|编号|序|No\.?)$", re.IGNORECASE)),
    (NAME, re.compile(r"名称$|^项目$")),
    (TEXT, re.compile(r"任务|工作|内容|目标|举措|措施|事项|要求")),
]
# A project's owner (建设单位, 业主单位): a column of bodies that builds, not one that answers
# for a task, as a project plan lists them.
OWNER = re.compile(r"^(?:建设|业主|项目|申报)单位$|^(?:投资|建设)主体$")
_UNIT_NOTE = re.compile(r"[（(][^）)]*[）)]$")
# A header cell is a short label, never a sentence.
MAX_HEADER_LENGTH = 12


@lru_cache(maxsize=4096)
def header_kind(text: str) -> str | None:
    """The kind of column a header cell names, or None."""
    label = _label(text)
    if not label or len(label) > MAX_HEADER_LENGTH or ":" in label:
        return None  # 「单位：万元」 over a table says what its amounts count
    for kind, pattern in _KINDS:
        if pattern.search(label):
            return kind
    return None


def _label(text: str) -> str:
    """A header cell without the unit its amounts count in: 「计划投资（万元）」 → 计划投资."""
    return _UNIT_NOTE.sub("", fold(squeeze(text)))


@dataclass(slots=True)
class Columns:
    """Column indexes by kind, and the labels of the columns that named nothing known."""

    kinds: dict[str, list[int]] = field(default_factory=dict)
    unknown: dict[int, str] = field(default_factory=dict)
    width: int = 0

    def first(self, kind: str) -> int | None:
        indexes = self.kinds.get(kind)
        return indexes[0] if indexes else None


def read_header(cells: list[str]) -> Columns | None:
    """The mapping of a header row, or None when the row is not a header."""
    if any(len(cell) > 2 * MAX_HEADER_LENGTH for cell in cells):
        return None
    kinds = [header_kind(cell) if cell.strip() else None for cell in cells]
    known = {kind for kind in kinds if kind}
    if not (known & {TEXT, NAME} and known & {SEQ, UNITS, LEAD_UNITS, SUPPORT_UNITS, LEADERS}):
        return None
    if any(
        cell.strip() and kind is None and len(_label(cell)) > MAX_HEADER_LENGTH
        for cell, kind in zip(cells, kinds, strict=True)
    ):
        return None
    columns = Columns(width=len(cells))
    for index, (cell, kind) in enumerate(zip(cells, kinds, strict=True)):
        if kind:
            columns.kinds.setdefault(kind, []).append(index)
        elif cell.strip():
            columns.unknown[index] = squeeze(cell)
    # 「分管领导」 beside 「责任人」: the leaders are the first, the other names the staff who
    # carry the task, kept as printed.
    leaders = columns.kinds.get(LEADERS, [])
    titled = [index for index in leaders if "领导" in cells[index]]
    if titled and len(titled) < len(leaders):
        columns.kinds[LEADERS] = titled
        for index in set(leaders) - set(titled):
            columns.unknown[index] = squeeze(cells[index])
    # Two task columns without a 名称 column: the first names the task, the second details it.
    texts = columns.kinds.get(TEXT, [])
    if len(texts) > 1 and NAME not in columns.kinds:
        columns.kinds[NAME] = [texts[0]]
        columns.kinds[TEXT] = texts[1:]
    if TEXT not in columns.kinds and NAME in columns.kinds:
        columns.kinds[TEXT] = columns.kinds.pop(NAME)
    return columns
