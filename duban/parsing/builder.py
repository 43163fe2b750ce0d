"""Walking the events of the plans into plans, sections and items."""

import re

from duban.parsing.cautions import warning
from duban.parsing.columns import (
    DEADLINE,
    LEAD_UNITS,
    LEADERS,
    MAX_HEADER_LENGTH,
    NAME,
    PROGRESS,
    REMARK,
    SEQ,
    SHARED_BY_MERGE,
    SUPPORT_UNITS,
    TEXT,
    UNITS,
    Columns,
    header_kind,
    read_header,
)
from duban.parsing.document import Location, ParseWarning
from duban.parsing.layout import Layout
from duban.parsing.leaders import heading_leaders
from duban.parsing.lists import Numbered, labels, numbering, sentence_units
from duban.parsing.metadata import DOC_NUMBER
from duban.parsing.model import Item, Leader, NoticeMeta, Plan, Section
from duban.parsing.plans import TITLE_END, annex_heading, plan_kind, plan_years
from duban.parsing.regions import MAX_LEAD_IN_LENGTH, MAX_TITLE_LINE, NOTE, RUNS_ON, Event
from duban.parsing.rows import Task, build_item
from duban.parsing.text import EDGE, PAGE_FOOTER, is_blank, join_lines, remove_cjk_spaces, squeeze
from duban.parsing.units import FIRST_IS_LEAD, finishes_names

_SENTENCE_END = ("。", "！", "？", ".", "!", "?", "；", ";")
_HEADING_STYLES = ("cn", "pcn")
_TAG = re.compile(r"^[（(](新增|续建|新建|延续|结转|新开工|提升)[）)]\s*")
# A line closing a group of tasks with their leaders: 「以上工作由常务副区长陈建国负责。」
_CLOSING_LEADERS = re.compile(
    r"^以上(?:各项|各|几项)?(?:工作|指标|任务|事项|目标|内容|项目)?由(.{2,40}?)(?:同志)?"
    r"(?:负责|牵头|分管|主抓|领衔)(?:落实|推进|抓好)?[。.]?$"
)
_UNIT_PARTS = ("units", "lead_units", "support_units")
# A task's own title line (「优化营商环境」) is a short phrase without punctuation.
MAX_TITLE_LENGTH = 16
_PUNCTUATION = re.compile(r"[，。；：、,.;:！？!?（）()“”%]")
_CHINESE_DIGITS = "一二三四五六七八九十"
_SEQ_CELL = re.compile(r"^\s*\d{1,3}\s*$")
MAX_HEADING_TAIL = 15
# 「附件：2023年…分解表」 over a sheet's only table: the title without its 附件 label.
_UNNUMBERED_ANNEX = re.compile(r"^附\s*件\s*[：:]\s*")
_HEADING_SEQ = re.compile(r"[（(]?[一二三四五六七八九十]+[）)、.．]?")
_HEADING_MARKS = "）)、.．"
_PART_OF_KIND = {
    SEQ: "seq",
    NAME: "name",
    TEXT: "text",
    UNITS: "units",
    LEAD_UNITS: "lead_units",
    SUPPORT_UNITS: "support_units",
    LEADERS: "leaders",
    DEADLINE: "deadline",
    REMARK: "remark",
}


class PlanBuilder:
    """Walks the events of the plans and keeps the current plan, section and task."""

    def __init__(
        self,
        first_is_lead: bool,
        merges_known: bool = True,
        typed_breaks: bool = False,
        layouts: dict[int, Layout] | None = None,
    ):
        self.statement = first_is_lead
        # A text copy cannot tell a merged cell from an empty one (see _fill_down_leaders).
        self.merges_known = merges_known
        # Word and Excel cells break lines where the author typed them; PDF and text wrap.
        self.typed_breaks = typed_breaks
        self.row_leaders = ""  # the last leader cell of the section, in a text copy
        self.carried = False
        self.plans: list[Plan] = []
        self.plan: Plan | None = None
        self.title_open = False
        self.stack: list[tuple[str | None, list[Leader], Section]] = []
        self.parents: set[int] = set()
        self.columns: Columns | None = None
        self.pending: tuple[Numbered | None, str, Location] | None = None
        self.draft: Task | None = None
        self.last: tuple[Task, Item, Section, bool] | None = None
        self.warnings: list[ParseWarning] = []
        self.warned_headers: set[tuple[str, ...]] = set()
        self.above: list[str] | None = None
        self.header: list[str] | None = None
        self.progress_rows = 0
        # A heading that carries labels, and the units it gives the items under it.
        self.heading_task: tuple[Task, str] | None = None
        self.shared: dict[str, str] = {}
        # The units part the last label line gave the open task, which the next line may go on.
        self.units_part: str | None = None
        # Tasks since the last 「以上工作由…负责」, which names the leaders of those without.
        self.unled: list[tuple[Task, Item]] = []
        self.shared_section: Section | None = None
        # Layouts read from content (or set by the office) for tables whose header says
        # too little; a table whose header names its columns is read by its header.
        self.layouts = layouts or {}
        self.table: int | None = None
        self.table_row = 0

    # Entry points
    def feed(self, event: Event) -> None:
        if event.cells is not None:
            self._row(event.cells, event.location, event.covered, event.partial)
        else:
            self._paragraph(event.text, event.location)

    def finish(self, meta: NoticeMeta, cut_short: bool = False) -> list[Plan]:
        if cut_short:
            self._cut()
        self._settle()
        year = _notice_year(meta)
        for plan in self.plans:
            plan.title = plan.title or meta.title or ""
            plan.kind = plan_kind(plan.title)
            plan.years = plan_years(plan.title, plan.kind, year)
            for section in plan.sections:
                if not section.items and id(section) not in self.parents:
                    self.warn("empty_section", section.heading, None)
            plan.sections = [section for section in plan.sections if section.items]
            for section in plan.sections:
                self._check_items(section)
            if not plan.sections:
                self.warn("empty_plan", plan.title, None)
        return self.plans

    def _check_items(self, section: Section) -> None:
        """Warn, at its location, about each row the office should look at before importing."""
        for item in section.items:
            if item.partial:
                self.warn("partial_row", item.text, item.location)
            elif not (item.units or item.leaders or section.leaders):
                self.warn("unassigned_row", item.text, item.location)

    def _cut(self) -> None:
        """The copy ends inside a task: what is open is that task, flagged partial."""
        if self.pending is not None:
            number, text, location = self.pending
            if number is not None and number.style in _HEADING_STYLES:
                return
            self.pending = None
            if number is None and self.last is not None:
                # 「牵头责」: a label cut inside its word, under the last task.
                self.warn("cut_text", text, location)
                self.last[1].partial = True
                return
            self._settle()
            self.draft = _task(number, text, location, {})
        if self.draft is not None:
            self.draft.partial = True

    # Paragraphs
    def _paragraph(self, text: str, location: Location) -> None:
        if PAGE_FOOTER.fullmatch(text):
            return
        units_part, self.units_part = self.units_part, None
        annex = annex_heading(text)
        if annex is not None:
            self._settle()
            plan = self.plan
            if plan is not None and plan.annex == annex[0] and not plan.sections:
                # 「附件1」 twice before any task: a sheet named after its annex, then its
                # first row; the heading printed in the sheet gives the title.
                plan.title = annex[1]
            else:
                self._start_plan(annex[0], annex[1])
            self.title_open = not annex[1]
            return
        if self._takes_title(text):
            return
        closing = _CLOSING_LEADERS.match(text)
        if closing is not None:
            self._settle()
            self._lead_those_above(closing.group(1), location)
            return
        found = labels(text)
        if found is not None:
            self._labelled(found[0], found[1], location)
            return
        number = numbering(text)
        if number is not None:
            self._settle()
            self.pending = (number, text, location)
            return
        if units_part and self.draft is not None:
            value = getattr(self.draft, units_part)
            if finishes_names(value, text):
                setattr(self.draft, units_part, value + text.strip())
                return
        if NOTE.match(text):
            if not FIRST_IS_LEAD.search(text):
                self.warn("loose_note", text, location)
            return
        if self.pending is not None and self._wraps_onto(text):
            self.pending = (self.pending[0], self.pending[1] + "\n" + text, self.pending[2])
            return
        self._settle()
        self.pending = (None, text, location)

    def _takes_title(self, text: str) -> bool:
        """The plan title after 「附件 N」, wrapped over lines until it ends like a title."""
        plan = self.plan
        if self.title_open and plan is not None and numbering(text) is None:
            plan.title = remove_cjk_spaces(plan.title + text)
            self.title_open = len(plan.title) < MAX_TITLE_LINE and not TITLE_END.search(plan.title)
            return True
        self.title_open = False
        untitled = plan is None or (not plan.title and not plan.sections)
        if (
            untitled
            and numbering(text) is None
            and TITLE_END.search(text)
            and len(text) <= MAX_LEAD_IN_LENGTH
        ):
            self._ensure_plan().title = remove_cjk_spaces(_UNNUMBERED_ANNEX.sub("", text))
            return True
        return False

    def _labelled(self, before: str, parts: dict[str, str], location: Location) -> None:
        if parts.get("progress"):
            # 「推进情况：…」 under a task: a report on it, as a progress table's row is.
            self._progress_row(parts["progress"], location)
            self.draft = self.pending = None
            return
        parts = {part: value for part, value in parts.items() if part != "progress"}
        if before and set(parts) == {"leaders"} and _is_heading(before):
            # 「（一）扩大有效投资（牵头市领导：王建华）」: a section and its leaders.
            self._settle()
            number = numbering(before)
            self._start_section(number, before, location)
            self._leader_line(parts["leaders"], location)
            return
        if before:
            number = numbering(before)
            if number is None and self._pending_runs_on():
                pending_number, pending_text, location = self.pending
                self.pending = None
                self._settle()
                self.draft = _task(pending_number, pending_text + "\n" + before, location, parts)
                return
            self._settle()
            self.draft = _task(number, before, location, parts)
            if number is not None and number.style in _HEADING_STYLES and _is_heading(before):
                # 「一、优化营商环境（牵头单位：区发改局）」 is a task, or the section of the
                # numbered items that follow it without units of their own (see _settle).
                self.heading_task = (self.draft, number.style)
            return
        if (
            set(parts) == {"leaders"}
            and self.draft is None
            and self.pending is not None
            and not self._pending_is_task()
        ):
            # The leaders of a heading; under a numbered task they are the task's own.
            self._settle()
        if self.pending is not None:
            number, text, where = self.pending
            self.pending = None
            self.draft = _task(number, text, where, {})
        if self.draft is not None:
            for key, value in parts.items():
                current = getattr(self.draft, key)
                setattr(self.draft, key, f"{current}、{value}" if current else value)
            last = list(parts)[-1]
            self.units_part = last if last in _UNIT_PARTS else None
            return
        if set(parts) == {"leaders"}:
            self._leader_line(parts["leaders"], location)
            return
        self.warn("loose_label", "；".join(parts.values()), location)

    def _wraps_onto(self, text: str) -> bool:
        """Whether an unnumbered line continues the open one rather than starting a task."""
        number, before, _ = self.pending
        if before.endswith(RUNS_ON) or number is None or number.style not in _HEADING_STYLES:
            return True
        # A heading wraps onto a short line; a task's first line ends in punctuation.
        return len(text) <= MAX_HEADING_TAIL and not text.endswith(_SENTENCE_END + RUNS_ON)

    def _pending_is_task(self) -> bool:
        """Whether the open line is a task (「1.任务。」) rather than a heading (「一、…」)."""
        number, text, _ = self.pending
        if number is None or number.style in _HEADING_STYLES:
            return False
        return join_lines(text).endswith(_SENTENCE_END)

    def _pending_runs_on(self) -> bool:
        """Whether the open line is the start of a task wrapped onto the next line."""
        if self.pending is None:
            return False
        number, text, _ = self.pending
        if text.endswith(RUNS_ON):
            return True
        return number is not None and number.style not in _HEADING_STYLES

    def _lead_those_above(self, value: str, location: Location) -> None:
        """「以上工作由陈建国常务副区长负责」 under a group of tasks: their leaders."""
        leaders = build_item(Task(leaders=value), False).item.leaders
        if not leaders or not self.unled:
            self.warn("loose_leader", value, location)
        for task, item in self.unled:
            if self.last is not None and self.last[0] is task:
                item = self.last[1]
            if not item.leaders:
                task.leaders, item.leaders = value, list(leaders)
        self.unled = []

    def _leader_line(self, value: str, location: Location) -> None:
        section = self.stack[-1][2] if self.stack else None
        task = Task(leaders=value)
        leaders = build_item(task, False).item.leaders
        if section is not None and not section.items:
            section.leaders = leaders
            self.stack[-1] = (self.stack[-1][0], leaders, section)
        elif self.last is not None:
            last_task, _, _, _ = self.last
            last_task.extend(task)
            self._rebuild_last()
        else:
            self.warn("loose_leader", value, location)

    # Rows
    def _uncover(self, cells: list[str], covered: frozenset[int]) -> list[str]:
        """Give the cells a vertical merge covers the value of the row above them.

        Only the columns a merged cell shares between tasks (leaders, units, deadline,
        remark); a covered 序号 or task cell is the same task going on, read as before.
        """
        cells = list(cells)
        above, self.above = self.above, cells
        columns = self.columns
        if not covered or above is None or columns is None or len(cells) != columns.width:
            return cells
        for kind in SHARED_BY_MERGE:
            for index in columns.kinds.get(kind, []):
                if index in covered and not cells[index].strip(EDGE):
                    cells[index] = above[index]
        return cells

    def _row(
        self, cells: list[str], location: Location, covered: frozenset[int], partial: bool = False
    ) -> None:
        filled = [cell for cell in cells if cell.strip(EDGE)]
        if location.table != self.table:
            self.table, self.table_row = location.table, 0
        else:
            self.table_row += 1
        if not filled:
            return
        if self._laid_out(cells, location):
            return
        header = None if location.table in self.layouts else read_header(cells)
        if header is not None:
            self._settle()
            self.title_open = False
            self._set_columns(header, location)
            self.header, self.above = cells, None
            return
        if self.header is not None and _is_sub_header(cells, self.header, covered):
            # A two-row header: 「责任单位」 over 「牵头单位 | 配合单位」 names the columns below.
            self.header = [low or top for top, low in zip(self.header, cells, strict=True)]
            self._set_columns(read_header(self.header) or self.columns, location)
            return
        self.header = None
        cells = self._uncover(cells, covered)
        filled = [cell for cell in cells if cell.strip(EDGE)]
        if len(set(filled)) == 1 and self._is_paragraph_row(cells, filled[0]):
            self._paragraph(filled[0].strip(EDGE), location)
            return
        self._settle()
        self.title_open = False
        columns = self.columns
        if columns is None or len(cells) != columns.width:
            self.warn("unknown_row", " | ".join(filled), location)
            return
        progress = columns.first(PROGRESS)
        if progress is not None and cells[progress].strip(EDGE):
            self._progress_row(cells[progress], location)
            return
        task = Task(location=location, partial=partial)
        for kind, indexes in columns.kinds.items():
            if kind == PROGRESS:
                continue
            # Two columns of units (承办 | 协办) list one set of names.
            joiner = "、" if kind in (UNITS, LEAD_UNITS, SUPPORT_UNITS) else "\n"
            setattr(
                task,
                _PART_OF_KIND[kind],
                joiner.join(cells[i].strip(EDGE) for i in indexes if cells[i].strip(EDGE)),
            )
        task.other = {
            label: cells[i] for i, label in columns.unknown.items() if cells[i].strip(EDGE)
        }
        if _is_heading_row(task):
            self._heading_row(task, location)
            return
        if not self.merges_known and LEADERS in columns.kinds:
            self._fill_down_leaders(task)
        self._table_task(task, columns.first(SEQ) in covered)

    def _laid_out(self, cells: list[str], location: Location) -> bool:
        """Take a table's inferred layout at its first row; True for the row that heads it."""
        layout = self.layouts.get(location.table)
        if layout is None or self.table_row > (layout.header_row or 0):
            return False
        mapping = layout.mapping()
        continues = (
            not layout.overridden
            and layout.header_row is None
            and self.columns is not None
            and self.columns.width == len(cells)
        )
        heads = self.table_row == layout.header_row
        if mapping is not None and not continues:
            self._settle()
            self.title_open = False
            self._set_columns(mapping, location)
            # A second header row may follow (「责任单位」 over 「牵头单位 | 配合单位」).
            self.header, self.above = cells if heads else None, None
        return heads

    def _progress_row(self, progress: str, location: Location) -> None:
        """A row reporting progress (「80%」 under 当前进度) belongs to a progress table."""
        if not self.progress_rows:
            self.warn("progress_table", progress, location)
        self.progress_rows += 1

    def _fill_down_leaders(self, task: Task) -> None:
        """In a text copy, an empty leader cell under a filled one was merged with it.

        A leader column printed once per group of rows (「牵头市领导」 merged down) reads as
        empty cells in a .txt; a section that names its own leaders needs none.
        """
        if not is_blank(task.leaders):
            self.row_leaders = task.leaders
        elif not is_blank(task.seq) and not self._section().leaders:
            task.leaders = self.row_leaders

    def _heading_row(self, task: Task, location: Location) -> None:
        """A row 「二 | 惠民生 | 李四」: a section numbered in the 序号 column, with its leader."""
        seq = squeeze(task.seq)
        joiner = "" if seq[-1] in _HEADING_MARKS else "、"
        heading = seq + joiner + join_lines(task.text)
        self._start_section(numbering(heading), heading, location)
        if not is_blank(task.leaders):
            self._leader_line(task.leaders, location)

    def _is_paragraph_row(self, cells: list[str], text: str) -> bool:
        """A row holding one cell is a heading or title, unless it continues the row above."""
        columns = self.columns
        if columns is None or len(cells) != columns.width:
            return True
        index = next(i for i, cell in enumerate(cells) if cell.strip(EDGE))
        if index == columns.first(SEQ):
            return not _SEQ_CELL.match(text)
        if self.last is None or annex_heading(text):
            return True
        number = numbering(text)
        if number is not None and number.style in _HEADING_STYLES:
            return True
        return not text.endswith(_SENTENCE_END) and bool(heading_leaders(text))

    def _table_task(self, task: Task, merged: bool) -> None:
        """Add a table row; one without 序号 is a merged project's row or a row cut by a page.

        `merged` says the reader saw the 序号 cell merged with the one above: a project's
        own row even when its text (「新建文化驿站10家」) ends without punctuation.
        """
        last = self.last
        if self.columns.first(SEQ) is None:
            _number_from_text(task)
        if task.seq.strip(EDGE) or self.columns.first(SEQ) is None or last is None:
            self._add(task)
            return
        last_task = last[0]
        last_text = join_lines(last_task.text)
        if task.text.strip(EDGE) and (
            merged
            or (last_text.endswith(_SENTENCE_END) and not _next_sub_item(task.text, last_text))
            or _repeats_a_cell(task, last_task)
        ):
            # A row of a vertically merged project: its own text under the same 序号.
            task.cover(last_task)
            self._add(task)
            return
        last_task.extend(task)
        self._rebuild_last()

    def _set_columns(self, columns: Columns, location: Location) -> None:
        self.columns = columns
        key = tuple(columns.unknown.values())
        if key and key not in self.warned_headers:
            self.warned_headers.add(key)
            self.warn("extra_columns", "、".join(key), location)
        if TEXT not in columns.kinds:
            self.warn("no_task_column", "", location)

    # Plans, sections, items
    def _start_plan(self, annex: str | None, title: str) -> Plan:
        self.row_leaders = ""
        self.plan = Plan(title=title, annex=annex)
        self.plans.append(self.plan)
        self.stack = []
        return self.plan

    def _ensure_plan(self) -> Plan:
        return self.plan if self.plan is not None else self._start_plan(None, "")

    def _section(self) -> Section:
        if self.stack:
            return self.stack[-1][2]
        section = Section(heading=None)
        self._ensure_plan().sections.append(section)
        self.stack.append((None, [], section))
        return section

    def _start_section(self, number: Numbered | None, text: str, location: Location) -> None:
        style = number.style if number is not None else None
        heading = join_lines(text)
        own = heading_leaders(
            join_lines(number.rest + text[len(text.splitlines()[0]) :]) if number else heading
        )
        styles = [entry[0] for entry in self.stack]
        if style is not None and style in styles:
            del self.stack[styles.index(style) :]
        elif style is None:
            self.stack.clear()
        inherited = next((entry[1] for entry in reversed(self.stack) if entry[1]), [])
        if self.stack and not self.stack[-1][2].items:
            self.parents.add(id(self.stack[-1][2]))
        section = Section(heading=heading, leaders=own or list(inherited))
        self._ensure_plan().sections.append(section)
        self.stack.append((style, own, section))
        self.row_leaders = ""

    def _settle(self) -> None:
        """Close what is open: a draft task becomes an item, a pending line a heading."""
        if self.draft is not None:
            draft, self.draft = self.draft, None
            self._add(draft)
        if self.pending is not None:
            number, text, location = self.pending
            is_task = self._pending_is_task()
            self.pending = None
            if is_task and sentence_units(join_lines(text)):
                # No label follows: the task's own sentence says who carries it.
                self._add(_task(number, text, location, {}))
            elif is_task and self._under_labelled_heading(number):
                self._add(_task(number, text, location, dict(self.shared)))
            elif number is None and (
                text.endswith(_SENTENCE_END) or len(text) > MAX_LEAD_IN_LENGTH
            ):
                self.warn("loose_paragraph", text, location)
            else:
                self._start_section(number, text, location)

    def _under_labelled_heading(self, number: Numbered) -> bool:
        """Whether items numbered one level down share the units of the heading above them.

        The heading was read as a task with its labels; its first unlabelled item makes it
        the section it is, and its units and leaders those of each item under it.
        """
        if self.heading_task is not None and self.last is not None:
            task, style = self.heading_task
            if self.last[0] is task and number.style != style:
                self.heading_task = None
                _, item, section, _ = self.last
                section.items.remove(item)
                heading = f"{task.seq}、{join_lines(task.text)}"
                self._start_section(numbering(heading), heading, task.location)
                if not is_blank(task.leaders):
                    self._leader_line(task.leaders, task.location)
                self.shared = {
                    part: getattr(task, part)
                    for part in ("units", "lead_units", "support_units", "deadline")
                    if not is_blank(getattr(task, part))
                }
                self.shared_section = self._section()
                self.last = None
                return True
        return bool(self.shared) and self.shared_section is self._section()

    def _first_is_lead(self) -> bool:
        return self.statement or self.carried

    def _add(self, task: Task) -> None:
        if task.location.table is None and all(
            is_blank(part) for part in (task.units, task.lead_units, task.support_units)
        ):
            task.units = sentence_units(join_lines(task.text)) or ""
        first_is_lead = self._first_is_lead()
        built = build_item(task, first_is_lead, self.typed_breaks)
        if not is_blank(task.leaders) and not built.item.leaders:
            # 「区政府分管领导」 names an office, not a person; kept only in this warning.
            self.warn("leader_not_names", join_lines(task.leaders), task.location)
        self.carried |= built.carries
        section = self._section()
        section.items.append(built.item)
        self.unled.append((task, built.item))
        self.last = (task, built.item, section, first_is_lead or built.first_is_lead)

    def _rebuild_last(self) -> None:
        task, item, section, first_is_lead = self.last
        rebuilt = build_item(task, first_is_lead, self.typed_breaks).item
        section.items[section.items.index(item)] = rebuilt
        self.last = (task, rebuilt, section, first_is_lead)

    def warn(self, code: str, detail: str, location: Location | None) -> None:
        self.warnings.append(warning(code, detail, location))


def _is_heading(text: str) -> bool:
    """Whether a paragraph is a heading: numbered 一、 or （一）, short, not a sentence."""
    number = numbering(text)
    return (
        number is not None
        and number.style in _HEADING_STYLES
        and len(text) <= MAX_LEAD_IN_LENGTH
        and not text.endswith(_SENTENCE_END)
    )


def _next_sub_item(text: str, before: str) -> bool:
    """Whether `text` opens the sub-item after one in `before`: 「（2）…」 after 「（1）…」.

    A row cut by a page break right after a full stop goes on with the task's next item.
    """
    number = numbering(text)
    if number is None:
        return False
    seq, style = number.seq, number.style
    if seq.isdecimal():
        previous = str(int(seq) - 1) if int(seq) > 1 else None
    elif style == "circled":
        previous = chr(ord(seq) - 1) if seq != "①" else None
    else:
        index = _CHINESE_DIGITS.find(seq)
        previous = _CHINESE_DIGITS[index - 1] if index > 0 else None
    if previous is None:
        return False
    marks = {
        "pnum": rf"[（(]{previous}[）)]",
        "pcn": rf"[（(]{previous}[）)]",
        "num": rf"(?<![\d.]){previous}[.．、](?!\d)",
        "cn": rf"{previous}、",
        "circled": previous,
    }
    return style in marks and re.search(marks[style], before) is not None


def _is_heading_row(task: Task) -> bool:
    """Whether a row numbers a section (一、二 in the 序号 column) rather than a task."""
    return bool(_HEADING_SEQ.fullmatch(squeeze(task.seq))) and all(
        is_blank(getattr(task, part))
        for part in ("units", "lead_units", "support_units", "deadline", "remark")
    )


def _repeats_a_cell(task: Task, above: Task) -> bool:
    """Whether a row without 序号 repeats a whole unit, leader or deadline cell of the row above.

    The tail of a row cut by a page break only finishes cells; a project's own row
    printed without merges repeats its lead unit or deadline.
    """
    return any(
        not is_blank(getattr(task, part))
        and join_lines(getattr(task, part)) == join_lines(getattr(above, part))
        for part in ("units", "lead_units", "support_units", "leaders", "deadline")
    )


def _number_from_text(task: Task) -> None:
    """A table without a 序号 column numbers its tasks in their cell: 「1.全县生产总值…」."""
    number = numbering(task.text) if not task.seq else None
    if number is not None and number.style not in ("bare", *_HEADING_STYLES) and number.rest:
        task.seq, task.text = number.seq, number.rest


def _is_sub_header(cells: list[str], header: list[str], covered: frozenset[int]) -> bool:
    """Whether a row right under a header only names columns, as a second header row does
    (a numbered section row, 「一、主要预期目标」, names none).

    Its labels are known words (「牵头单位 | 配合单位」 under 「责任单位」), or any short labels
    under a header cell spanning them (「一季度 | 二季度」 under 「季度推进目标」) when the
    document shows the other header cells merged down over the row.
    """
    filled = [index for index, cell in enumerate(cells) if cell.strip(EDGE)]
    if len(cells) != len(header) or not filled:
        return False
    if any(_SEQ_CELL.match(cells[i]) or numbering(cells[i]) for i in filled):
        return False
    if all(header_kind(cells[i]) not in (None, SEQ) for i in filled):
        return True
    spanned = all(i in covered for i, cell in enumerate(cells) if not cell.strip(EDGE))
    return (
        spanned
        and all(len(cells[i]) <= MAX_HEADER_LENGTH for i in filled)
        and any(not header[i].strip(EDGE) for i in filled)
    )


def _task(number: Numbered | None, text: str, location: Location, parts: dict[str, str]) -> Task:
    if number is not None:
        text = number.rest + text[len(text.splitlines()[0]) :] if "\n" in text else number.rest
    parts = dict(parts)
    tag = _TAG.match(text)
    if tag is not None and "remark" not in parts:
        # 「1.（新增）…」: whether the task is new or goes on from last year, a remark on it.
        parts["remark"], text = tag.group(1), text[tag.end() :]
    # A labelled text (「建设内容：…」) follows what the line held before its label.
    text = "\n".join(filter(None, [text, parts.pop("text", "")]))
    title, _, body = text.partition("\n")
    if number is not None and "name" not in parts and _is_title_line(title, body):
        # 「1. 优化营商环境」 on a line of its own, the task's sentences under it.
        parts["name"], text = title.strip(EDGE), body
    return Task(seq=number.seq if number else "", text=text, location=location, **parts)


def _is_title_line(title: str, body: str) -> bool:
    """A short line without punctuation over whole sentences, not a sentence wrapped."""
    title, body = title.strip(EDGE), join_lines(body)
    return (
        2 <= len(title) <= MAX_TITLE_LENGTH
        and not _PUNCTUATION.search(title)
        and body.endswith(_SENTENCE_END)
        and len(body) >= 2 * len(title)
    )


def _notice_year(meta: NoticeMeta) -> int | None:
    if meta.issued_on:
        return int(meta.issued_on[:4])
    match = re.search(r"(?:19|20)\d{2}", meta.doc_number or "")
    if match and DOC_NUMBER.search(meta.doc_number or ""):
        return int(match.group())
    return None
