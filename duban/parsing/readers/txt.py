"""Reading .txt notices: tab-separated tables, web-page copies and plain paragraphs.

Tables come as lines of tab-separated cells (text extracted from a PDF or Word file), or,
in copies of a web page, as one cell per line with optional "|" lines between cells.
"""

import codecs
import re
from collections import Counter
from itertools import combinations

import charset_normalizer

from duban.parsing.columns import (
    NAME,
    REMARK,
    SEQ,
    SHARED_BY_MERGE,
    TEXT,
    header_kind,
    read_header,
)
from duban.parsing.document import Document, Location, Paragraph, ParseWarning, Row, Table
from duban.parsing.layout import FITTED, fits
from duban.parsing.lists import labels, numbering
from duban.parsing.readers.aligned import COLUMN_GAP, unlayout
from duban.parsing.script import fold_text
from duban.parsing.text import PAGE_FOOTER

_BULLET = re.compile(r"^[-－•·●▪]\s+")
# Marks a text copy made through Markdown may carry: 「## 附件1」, 「**一、…**」, 「区科技局\*」.
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_MARKDOWN_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MARKDOWN_ESCAPE = re.compile(r"\\([*_#|\-])")
_EDGE = " \u3000\xa0\ufeff"
# Navigation and page furniture of government web pages, dropped before reading.
_NAVIGATION = re.compile(
    r"^[【\[]?\s*(?:网站导航|网站首页|首页|当前位置|您的位置|发布时间|发布日期|信息来源|来源|字号|"
    r"打印|关闭|浏览次数|访问次数|阅读次数|点击数|分享到|扫一扫|相关链接|上一篇|下一篇|返回顶部|"
    r"收藏|责任编辑|索引号|主题分类|组配分类|体裁分类|服务对象)"
    r"(?:本页|窗口|此页)?\s*(?:[：:>＞】\]\s].*)?$"
)
_FONT_SIZES = re.compile(r"^[【\[]?\s*(?:[大中小]\s*){2,3}[】\]]?$")
_PIPE = "|"
_PIPE_RULE = re.compile(r":?-{3,}:?")
_SEQ_CELL = re.compile(r"^\d{1,3}$")
# Lines that end a web-page table: the tail of the notice or the next annex.
_AFTER_TABLE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|(?:注|说明)\s*\d?\s*[：:])")
_TABLE_END = re.compile(r"^(?:抄送|抄报|附件\s*\S{0,3}$)|印发$")
_MIN_HEADER_CELLS = 3
_WIDTH_SAMPLE = 40
# Hard-wrapped copies: lines of at least this length, most within the slack of one width.
_MIN_WRAP = 16
_WRAP_SLACK = 2
_MIN_WRAPPED = 5
_WRAPPED_SHARE = 0.5
# Columns aligned with spaces (COLUMN_GAP); beside a name spaced with one ideographic space, two.
_WIDE_GAP = re.compile(r"(?: {2,}|\u3000{2,})+")
_IDEOGRAPHIC_GAP = re.compile(r"(?<! )\u3000(?! )")
_ALIGN_SLACK = 2
_TABLE_TITLE = re.compile(r"(?:表|清单|方案)$")
# Cells of a row joined back into the paragraphs of one cell, at the most.
_MOST_JOINED = 3
_SENTENCE_END = ("。", "；", ";", "！", "!")


def read_txt(data: bytes) -> Document:
    """Decode the text (UTF-8, GBK/GB18030 or what charset-normalizer finds) and lay it out."""
    text, warnings = _decode(data)
    # The layout reads header words (序号, 责任单位): a copy in 序號, 責任單位 is folded first.
    text, printed = fold_text(text)
    printed_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # A PDF export's table whose rows are centred over several lines, as tab-separated rows.
    laid_out = unlayout(printed_lines, _breaks_table)
    kept = [index for index, line in enumerate(laid_out) if line is not None]
    raw = [laid_out[index] for index in kept]
    lines = [_clean(line) for line in raw]
    lines = _unspace(_unpipe_lines(["" if _is_furniture(line) else line for line in lines]), raw)
    lines = _unsingle(lines)
    # The wrap width counts the indentation the copy printed.
    lines, numbers = _unwrap(lines, [len(line.rstrip()) for line in raw])
    numbers = [kept[number - 1] + 1 for number in numbers]
    blocks = _Layout(lines, numbers).blocks()
    return Document(format="txt", blocks=blocks, pages=None, warnings=warnings, printed=printed)


def _decode(data: bytes) -> tuple[str, list[ParseWarning]]:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), []
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), []
        except UnicodeDecodeError:
            continue
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best), [ParseWarning(f"text read as {best.encoding}", code="encoding")]
    return data.decode("utf-8", errors="replace"), [
        ParseWarning("text encoding not recognised; undecodable bytes replaced", code="encoding")
    ]


def _clean(line: str) -> str:
    line = _BULLET.sub("", _MARKDOWN_HEADING.sub("", line.strip(_EDGE)))
    return _MARKDOWN_ESCAPE.sub(r"\1", _MARKDOWN_STRONG.sub(r"\2", line))


def _unpipe_lines(lines: list[str]) -> list[str]:
    """Each line of a pipe table as tab-separated cells. A table printed without outer pipes
    (「1 | 任务 | 单位」) keeps a line's first or last pipe as an empty cell's edge: 「 | 续写 | 」
    goes on the row above in its columns."""
    out, outer = [], True
    for line in lines:
        if _PIPE not in line or line.strip() == _PIPE:
            outer = True
            out.append(line)
            continue
        if out and _PIPE not in out[-1] and "\t" not in out[-1]:
            outer = line.startswith(_PIPE)  # the table's first line says how it is printed
        out.append(_unpipe(line, outer))
    return out


def _unpipe(line: str, outer: bool = True) -> str:
    """A row of a pipe table (「| 1 | 任务 | 单位 |」, as Markdown writes it) as tab-separated cells.

    The outer pipes are optional; three cells at least, so a lone 「|」 between the cells
    of a web-page copy stays as it is. The rule line 「|---|---|」 becomes a row of empty
    cells, which nothing reads.
    """
    inner = line.removeprefix(_PIPE).removesuffix(_PIPE) if outer else line
    # A row cut short by the copy (「| 11 | 加强地质灾害…」) keeps its opening pipe.
    fewest = (
        1
        if line.startswith(_PIPE) and _SEQ_CELL.match(inner.split(_PIPE)[0].strip(_EDGE))
        else _MIN_HEADER_CELLS - 1
    )
    if "\t" in line or inner.count(_PIPE) < fewest:
        return line
    cells = [cell.strip(_EDGE) for cell in inner.split(_PIPE)]
    if all(_PIPE_RULE.fullmatch(cell) for cell in cells):
        cells = [""] * len(cells)
    return "\t".join(cells)


def _is_furniture(line: str) -> bool:
    return (
        bool(line) and "\t" not in line and bool(_NAVIGATION.match(line) or _FONT_SIZES.match(line))
    )


class _Layout:
    """One pass over the lines, building paragraphs and tables."""

    def __init__(self, lines: list[str], numbers: list[int]):
        self.lines = lines
        self.numbers = numbers  # each line's number in the file, wrapped lines joined
        self.out: list[Paragraph | Table] = []
        self.tables = 0
        self.rows: list[Row] | None = None
        self.width = 0
        self.pending: list[str] | None = None
        self.pending_line = 0

    def blocks(self) -> list[Paragraph | Table]:
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            if "\t" in line:
                if self.rows is None:
                    self._open_table(_usual_width(self.lines, index))
                self._tab_line(line, self.numbers[index])
                index += 1
                continue
            if self.pending is not None and not self._pending_complete():
                if line:
                    self.pending[-1] += "\n" + line
                    index += 1
                    continue
                if self._row_goes_on(index):
                    # A page break inside a wrapped row leaves a blank line in it.
                    index += 1
                    continue
            if self.pending is not None and line and not _breaks_table(line):
                _append_to_last_filled(self.pending, line)
                index += 1
                continue
            self._close_table()
            header = _web_header(self.lines, index)
            if header is not None:
                index = self._web_table(index, *header)
                continue
            flat = _flat_header(self.lines, index)
            if flat is not None:
                index = self._flat_table(index, *flat)
                continue
            if line:
                self.out.append(Paragraph(line, Location(line=self.numbers[index])))
            index += 1
        self._close_table()
        return self.out

    def _row_goes_on(self, index: int) -> bool:
        following = next((line for line in self.lines[index + 1 :] if line), "")
        return bool(following) and ("\t" in following or not _breaks_table(following))

    # Tab-separated tables: a row may be broken over lines; tabs tell where cells end.
    def _tab_line(self, line: str, number: int) -> None:
        cells = [cell.strip(_EDGE) for cell in line.split("\t")]
        if self.pending is not None and not self._pending_complete():
            if len(self.pending) + len(cells) - 1 <= self.width:
                self.pending[-1] = _join(self.pending[-1], cells[0])
                self.pending.extend(cells[1:])
                return
        self._flush_row(complete=True)
        self.width = max(self.width, len(cells))
        self.pending, self.pending_line = cells, number

    def _pending_complete(self) -> bool:
        return self.pending is not None and len(self.pending) >= self.width

    def _open_table(self, width: int) -> None:
        self.tables += 1
        self.rows, self.width = [], width

    def _flush_row(self, complete: bool = False) -> None:
        """End the open row; a `complete` one (the next row has begun) short of cells lacks
        those merged with the row above, placed by what its cells hold."""
        if self.pending is None or self.rows is None:
            return
        cells, merged = self.pending, []
        if complete and self.rows and len(cells) < self.width and _SEQ_CELL.match(cells[0]):
            # Only a short row reads the header: most rows are whole.
            kinds = _column_kinds(self.rows[0].cells)
            if len(kinds) == self.width:
                after, merged = _fill_merged(kinds[1:], cells[1:])
                cells = [cells[0], *after]
        cells = cells + [""] * (self.width - len(cells))
        location = Location(line=self.pending_line, table=self.tables, row=len(self.rows) + 1)
        self.rows.append(Row(cells, location, frozenset(1 + gap for gap in merged)))
        self.pending = None

    def _close_table(self) -> None:
        self._flush_row()
        if self.rows:
            self.out.append(
                Table(self.rows, Location(line=self.rows[0].location.line, table=self.tables))
            )
        self.rows = None

    # Web-page copies: one cell per line, "|" lines between cells when the page had them.
    def _web_table(self, index: int, header: list[str], piped: bool, end: int) -> int:
        self._open_table(len(header))
        self.rows.append(Row(header, Location(line=self.numbers[index], table=self.tables, row=1)))
        kinds_after = _column_kinds(header)[1:]
        index = end
        lines = self.lines
        while index < len(lines):
            line = lines[index]
            if line == _PIPE:
                index += 1
                continue
            if _web_header(lines, index) is not None or _TABLE_END.search(line):
                break
            if not line and not _empty_cell_starts_row(lines, index, piped):
                index += 1
                continue
            if line and not _SEQ_CELL.match(line):
                # A section heading between the rows of one table.
                self._close_table()
                self.out.append(Paragraph(line, Location(line=self.numbers[index])))
                self._open_table(len(header))
                index = _skip_empty_cells(lines, index + 1, piped, len(header) - 1)
                continue
            cells, next_index = _web_row(lines, index, piped, len(header))
            # The copy ends before the row does: a row cut short.
            partial = not any(lines[next_index:]) and not _whole(lines[index:], piped, len(header))
            # A row short of cells before the next 序号 lacks those merged with the row above.
            merged = []
            if not partial:
                after, merged = _fill_merged(kinds_after, cells[1:])
                cells = [cells[0], *after]
            self.rows.append(
                Row(
                    cells + [""] * (len(header) - len(cells)),
                    Location(line=self.numbers[index], table=self.tables, row=len(self.rows) + 1),
                    frozenset(1 + gap for gap in merged),
                    partial,
                )
            )
            index = next_index
        self._close_table()
        return index

    def _flat_table(self, index: int, header: list[str], end: int) -> int:
        """A table copied one cell per line, with blank or "|" lines anywhere between cells.

        Rows are found by their 序号 counting up (1, 2, 3…), not by a count of lines: a cell
        merged over rows (a 工作任务 shared by two) is simply missing from the copy. A section
        row across the table (「二、…」) goes between its rows as a heading.
        """
        cells, headings, end = _flat_cells(self.lines, self.numbers, end)
        if not _count_up(cells):
            return index + 1
        cuts = sorted({0, *headings, len(cells)})
        headed = False
        for start, stop in zip(cuts, cuts[1:], strict=False):
            if start in headings:
                text, line = headings[start]
                self.out.append(Paragraph(text, Location(line=line)))
            rows = _flat_rows(header, cells[start:stop], cut=stop == len(cells))
            if rows is None:
                continue
            self._open_table(len(rows[0][0]))
            # The header once: the tables after a section row go on in its columns.
            for cells_, line, covered, partial in rows[1:] if headed else rows:
                location = Location(line=line, table=self.tables, row=len(self.rows) + 1)
                self.rows.append(Row(cells_, location, covered, partial))
            self._close_table()
            headed = True
        return end


def _unspace(lines: list[str], raw: list[str]) -> list[str]:
    """Tables laid out with spaces (「序号  重点工作  责任单位」, as a PDF's text export
    aligns them) as tab-separated rows, from a header row the vocabulary knows on.

    A row's cells go to the columns they stand under, so a wrapped cell's next line
    (「        完善配套设施。」) lands in its own column.
    """
    out = list(lines)
    starts: list[int] | None = None
    for index, line in enumerate(raw):
        if starts is None:
            if "\t" in line or not COLUMN_GAP.search(line):
                continue
            labels = [cell for cell in COLUMN_GAP.split(line.strip(_EDGE)) if cell]
            if len(labels) >= _MIN_HEADER_CELLS and read_header(labels):
                starts = [start for start, _ in _spaced_cells(line)]
                out[index] = "\t".join(labels)
            continue
        cells = _spaced_cells(line)
        if not line.strip(_EDGE):
            starts = starts if _table_goes_on(raw, index) else None
            continue
        if _breaks_table(lines[index]) or "\t" in lines[index]:
            # A section heading across the table (「一、稳增长」) leaves it going on.
            heading = len(cells) == 1 and not _TABLE_END.search(lines[index])
            starts = starts if heading and _table_goes_on(raw, index) else None
            continue
        if len(cells) != len(starts):
            # A name spaced with one ideographic space (「杨　帆」) is not two cells.
            cells = _spaced_cells(line, _WIDE_GAP) if _IDEOGRAPHIC_GAP.search(line) else cells
        if len(cells) == len(starts):
            out[index] = "\t".join(cell for _, cell in cells)
            continue
        row = [""] * len(starts)
        for start, cell in cells:
            column = max(i for i, at in enumerate(starts) if at <= start + _ALIGN_SLACK or i == 0)
            row[column] = f"{row[column]} {cell}".strip()
        out[index] = "\t".join(row)
    return out


def _unsingle(lines: list[str]) -> list[str]:
    """Tables copied a row a line with one space between cells (「序号 重点工作任务 责任领导」)
    as tab-separated rows, from a header whose every word the vocabulary knows on.

    Two spaces in a row leave an empty cell between them; a row with more words than
    columns had spaces inside a cell, put back where the words fit their columns best.
    """
    out = list(lines)
    kinds: list[str | None] | None = None
    for index, line in enumerate(lines):
        words = line.split(" ")
        if kinds is None or "\t" in line or _TABLE_END.search(line):
            kinds = None
            if "\t" not in line and _is_spaced_header(words):
                kinds = _column_kinds(words)
                out[index] = "\t".join(words)
            continue
        if len(words) > 1 and _SEQ_CELL.match(words[0]):
            out[index] = "\t".join([words[0], *_joined(kinds[1:], words[1:], glue=" ")])
    return out


def _is_spaced_header(words: list[str]) -> bool:
    return (
        len(words) >= _MIN_HEADER_CELLS
        and all(header_kind(word) for word in words)
        and read_header(words) is not None
    )


def _spaced_cells(line: str, gap: re.Pattern = COLUMN_GAP) -> list[tuple[int, str]]:
    """The cells of a space-aligned line, each with the display column it starts at."""
    cells, position, width = [], 0, 0
    for match in gap.finditer(line + "  "):
        cell = line[position : match.start()]
        if cell.strip(_EDGE):
            lead = len(cell) - len(cell.lstrip(_EDGE))
            cells.append((width + _display(cell[:lead]), cell.strip(_EDGE)))
        width += _display(line[position : match.end()])
        position = match.end()
    return cells


def _display(text: str) -> int:
    """Display width: a Chinese character takes two columns, as in the export's layout."""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


def _table_goes_on(raw: list[str], index: int) -> bool:
    """A blank line inside a space-aligned table: the next line is a row of it again."""
    following = next((line for line in raw[index + 1 :] if line.strip(_EDGE)), "")
    return len([cell for cell in COLUMN_GAP.split(following.strip(_EDGE)) if cell]) >= 2


def _unwrap(lines: list[str], widths: list[int]) -> tuple[list[str], list[int]]:
    """Join lines a copy hard-wrapped at a fixed width, dropping the page footers between.

    Returns the lines and each one's number in the file. A copy wrapped every ~30 characters
    has many lines of that one length; such a full line goes on into the next, unless the
    next opens a numbered item or a label line.
    """
    numbers = list(range(1, len(lines) + 1))
    width = _wrap_width(lines, widths)
    if width is None:
        return lines, numbers
    joined: list[str] = []
    kept: list[int] = []
    full = False
    for number, (line, printed) in enumerate(zip(lines, widths, strict=True), start=1):
        if PAGE_FOOTER.fullmatch(line):
            continue
        if full and line and "\t" not in line and not _opens_item(line):
            joined[-1] += line
        else:
            joined.append(line)
            kept.append(number)
        full = printed >= width - _WRAP_SLACK and "\t" not in line
    return joined, kept


def _wrap_width(lines: list[str], widths: list[int]) -> int | None:
    """The width a copy was hard-wrapped at, if most of its long lines share one length."""
    lengths = Counter(
        width
        for line, width in zip(lines, widths, strict=True)
        if width >= _MIN_WRAP and "\t" not in line
    )
    if not lengths:
        return None
    width, count = max(lengths.items(), key=lambda pair: (pair[1], pair[0]))
    near = sum(n for length, n in lengths.items() if abs(length - width) <= _WRAP_SLACK)
    if count < _MIN_WRAPPED or near < sum(lengths.values()) * _WRAPPED_SHARE:
        return None
    return width


def _opens_item(line: str) -> bool:
    found = labels(line)
    return (
        numbering(line) is not None
        or (found is not None and not found[0])
        or bool(_TABLE_END.search(line))
    )


def _usual_width(lines: list[str], index: int) -> int:
    """The width most lines of the table starting here have; a wrapped line has fewer cells."""
    widths: Counter[int] = Counter()
    for line in lines[index : index + _WIDTH_SAMPLE]:
        if not line:
            break
        if "\t" in line:
            widths[line.count("\t") + 1] += 1
    return max(widths, key=lambda width: (widths[width], width))


def _join(before: str, after: str) -> str:
    return f"{before}\n{after}" if before and after else before or after


def _append_to_last_filled(cells: list[str], line: str) -> None:
    """A line without tabs after a whole row continues the row's last filled cell."""
    for index in range(len(cells) - 1, -1, -1):
        if cells[index]:
            cells[index] += "\n" + line
            return
    cells[-1] = line


def _breaks_table(line: str) -> bool:
    """A heading (一、), a note under the table (注：, 说明：), 抄送 or 附件 ends its rows."""
    return bool(_TABLE_END.search(line) or _AFTER_TABLE.match(line))


def _web_header(lines: list[str], index: int) -> tuple[list[str], bool, int] | None:
    """The header cells starting at `index`, whether "|" lines part them, and where they end."""
    if not lines[index] or header_kind(lines[index]) != SEQ:
        return None
    cells, piped, position = [lines[index]], False, index + 1
    while position < len(lines):
        line = lines[position]
        if line == _PIPE:
            piped = True
            position += 1
            continue
        if not line or header_kind(line) is None:
            break
        cells.append(line)
        position += 1
    if len(cells) < _MIN_HEADER_CELLS:
        return None
    return cells, piped, position


def _flat_header(lines: list[str], index: int) -> tuple[list[str], int] | None:
    """Header cells one per line, blank or "|" lines between them; read_header must accept.

    A table's title just above (「2023年目标任务分解表」) is not its first column."""
    if not lines[index] or header_kind(lines[index]) is None or _TABLE_TITLE.search(lines[index]):
        return None
    cells, position = [], index
    while position < len(lines):
        line = lines[position]
        if not line or line == _PIPE:
            position += 1
            continue
        if header_kind(line) is None or _breaks_table(line):
            break  # 「一、主要预期目标」 after the header is a section row, not a column
        cells.append(line)
        position += 1
    if len(cells) < _MIN_HEADER_CELLS or read_header(cells) is None:
        return None
    return cells, position


def _flat_cells(
    lines: list[str], numbers: list[int], index: int
) -> tuple[list[tuple[str, int]], dict[int, tuple[str, int]], int]:
    """The cells after a flat header, with their line numbers, up to what ends the table;
    and the section rows across it (「二、…」 before the next 序号), by the cell they precede."""
    cells, headings = [], {}
    while index < len(lines):
        line = lines[index]
        if line and line != _PIPE:
            if _flat_header(lines, index) is not None:
                break
            if _breaks_table(line):
                following = next(
                    (text for text in lines[index + 1 :] if text and text != _PIPE), ""
                )
                if _TABLE_END.search(line) or not _SEQ_CELL.match(following):
                    break
                headings[len(cells)] = (line, numbers[index])
            else:
                cells.append((line, numbers[index]))
        index += 1
    return cells, headings, index


def _flat_rows(
    header: list[str], cells: list[tuple[str, int]], cut: bool = True
) -> list[tuple[list[str], int, frozenset[int], bool]] | None:
    """Cut flat cells into rows at each 序号; the header row first. None without a 序号 run.

    `cut`: the cells end where the copy does, so their last row may be cut short.
    """
    kinds = [header_kind(cell) for cell in header]
    starts = _count_up(cells)
    if not starts:
        return None
    if SEQ in kinds:
        width, offset = len(header), kinds.index(SEQ)
    else:
        # A header that leaves the 序号 column out (「具体要求」 spans it): it stands where
        # the cells before the first number end.
        width, offset = len(header) + 1, min(starts[0], len(header))
        header = header[:offset] + ["序号"] + header[offset:]
    after = width - offset - 1
    kinds_after = _column_kinds(header)[offset + 1 :]
    rows = [(list(header), cells[0][1], frozenset(), False)]
    for number, start in enumerate(starts):
        before_start = starts[number - 1] + 1 + after if number else 0
        before = [text for text, _ in cells[max(before_start, start - offset) : start]]
        end = len(cells)
        if number + 1 < len(starts):
            # The next row's own cells before its number, as many as the copy kept.
            end = starts[number + 1] - max(0, min(offset, starts[number + 1] - start - 1 - after))
        following = [text for text, _ in cells[start + 1 : max(start + 1, end)]]
        # Cells before the number that the copy lacks were merged with the row above.
        missing = offset - len(before)
        partial = cut and len(following) < after and number + 1 == len(starts)
        merged = []
        if not partial:
            following, merged = _fill_merged(kinds_after, following)
            following = _joined(kinds_after, following)
        row = [""] * missing + before + [cells[start][0]] + following[:after]
        if len(following) > after:
            row[-1] += "\n" + "\n".join(following[after:])
        if partial:
            # Cut short, its cells cannot be told apart: all of it is the task's text.
            row = [""] * missing + before + [cells[start][0]]
            text = next((i for i, kind in enumerate(kinds) if kind in (TEXT, NAME)), offset + 1)
            row += [""] * (width - len(row))
            if text < width:
                row[text] = "\n".join(filter(None, [row[text], *following]))
        row += [""] * (width - len(row))
        covered = [*range(missing), *(offset + 1 + gap for gap in merged)]
        rows.append((row, cells[start][1], frozenset(covered), partial))
    return rows


def _column_kinds(header: list[str]) -> list[str | None]:
    """What each column holds, as the header reads (two task columns: a name, then the text)."""
    columns = read_header(header)
    if columns is None:
        return [header_kind(cell) for cell in header]
    kinds: list[str | None] = [None] * len(header)
    for kind, indexes in columns.kinds.items():
        for index in indexes:
            kinds[index] = kind
    return kinds


def _joined(kinds: list[str | None], cells: list[str], glue: str = "\n") -> list[str]:
    """A row with more cells than columns: a cell of several paragraphs (a task's text in
    two) came as several. Those that fit their columns best are joined by `glue`, a text
    first."""
    extra = len(cells) - len(kinds)
    if extra <= 0 or extra > _MOST_JOINED:
        return cells

    def joined(after: tuple[int, ...]) -> list[str]:
        out = [cells[0]]
        for index, cell in enumerate(cells[1:]):
            if index in after:
                out[-1] += glue + cell
            else:
                out.append(cell)
        return out

    def fitting(after: tuple[int, ...]) -> tuple[int, int]:
        fit = sum(fits(kind, cell) for kind, cell in zip(kinds, joined(after), strict=True))
        # The column the cell after `at` joins: its place, less the joins before it.
        into = [kinds[at + 1 - sum(j <= at for j in after)] for at in after]
        return fit, into.count(TEXT)

    placings = list(combinations(range(len(cells) - 1), extra))
    return joined(max(reversed(placings), key=fitting))


def _fill_merged(kinds: list[str | None], cells: list[str]) -> tuple[list[str], list[int]]:
    """A row's cells after its 序号, an empty one put where the copy left a column out, and
    the columns a merge with the row above covers: a 备注 left out is an empty one, which
    copies drop, not one shared with the row above.

    A task's text of two paragraphs, each a sentence, comes as two cells; they are joined
    when that leaves fewer cells out of place than any placing of them apart.
    """
    filled, gaps = _with_gaps(kinds, cells)
    misplaced = _misfits(kinds, filled)
    for at in range(len(cells) - 1):
        if not all(_is_sentence(cell) for cell in cells[at : at + 2]):
            continue
        joined = [*cells[:at], f"{cells[at]}\n{cells[at + 1]}", *cells[at + 2 :]]
        tried, tried_gaps = _with_gaps(kinds, joined)
        into = tried.index(joined[at], at)
        if kinds[into] == TEXT and _misfits(kinds, tried) < misplaced:
            filled, gaps, misplaced = tried, tried_gaps, _misfits(kinds, tried)
    return filled, [gap for gap in gaps if kinds[gap] != REMARK]


def _is_sentence(cell: str) -> bool:
    return fits(TEXT, cell) and cell.rstrip().endswith(_SENTENCE_END)


def _with_gaps(kinds: list[str | None], cells: list[str]) -> tuple[list[str], tuple[int, ...]]:
    gaps = _merged_gaps(kinds, cells)
    filled = list(cells)
    for gap in gaps:
        filled.insert(gap, "")
    return filled, gaps


def _misfits(kinds: list[str | None], cells: list[str]) -> int:
    """Cells that do not hold what their column holds (columns of no known kind aside)."""
    return sum(
        1
        for kind, cell in zip(kinds, cells, strict=False)
        if cell.strip() and kind in FITTED and not fits(kind, cell)
    )


def _merged_gaps(kinds: list[str | None], cells: list[str]) -> tuple[int, ...]:
    """The columns after the 序号 that a row's cells leave out, merged with the row above
    (a 责任领导 printed once for three rows): where the most cells fit their column.

    Among placings that fit as well, gaps in columns a merge shares win, then the last ones.
    """
    if len(cells) >= len(kinds):
        return ()

    def fitting(gaps: tuple[int, ...]) -> tuple[int, int]:
        columns = [kind for index, kind in enumerate(kinds) if index not in gaps]
        fit = sum(fits(kind, cell) for kind, cell in zip(columns, cells, strict=False))
        return fit, sum(kinds[gap] in SHARED_BY_MERGE for gap in gaps)

    placings = list(combinations(range(len(kinds)), len(kinds) - len(cells)))
    return max(reversed(placings), key=fitting)


def _count_up(cells: list[tuple[str, int]]) -> list[int]:
    """Indexes of the cells numbering the rows: 1, 2, 3… (or from any first number)."""
    starts: list[int] = []
    for index, (text, _) in enumerate(cells):
        if not _SEQ_CELL.match(text):
            continue
        if not starts or int(text) == int(cells[starts[-1]][0]) + 1:
            starts.append(index)
    return starts


def _web_row(lines: list[str], index: int, piped: bool, width: int) -> tuple[list[str], int]:
    """A row's cells from `index` on, at most `width`, ending before the next 序号: a row
    short of cells merged with the row above (a 责任领导 printed once) is followed by it."""
    cells, position = [lines[index]], index + 1
    step = 2 if piped else 1
    while len(cells) < width and position + step - 1 < len(lines):
        if piped and lines[position] != _PIPE:
            break
        following = lines[position + step - 1]
        if _SEQ_CELL.match(following) and _SEQ_CELL.match(cells[0]):
            if int(following) == int(cells[0]) + 1:
                break
        cells.append(following)
        position += step
    return cells, position


def _whole(lines: list[str], piped: bool, width: int) -> bool:
    """Whether the copy's last lines hold a whole row: a cell for each column."""
    if piped:
        return sum(1 for line in lines if line == _PIPE) >= width - 1
    return len(lines) >= width


def _empty_cell_starts_row(lines: list[str], index: int, piped: bool) -> bool:
    """Whether a blank line is an empty first cell (a merged 序号) rather than a gap."""
    if piped:
        return index + 1 < len(lines) and lines[index + 1] == _PIPE
    following = next((line for line in lines[index + 1 :] if line), "")
    return (
        bool(following)
        and not _SEQ_CELL.match(following)
        and header_kind(following) != SEQ
        and not _breaks_table(following)  # a section row across the table (「二、…」)
    )


def _skip_empty_cells(lines: list[str], index: int, piped: bool, count: int) -> int:
    if not piped:
        return index
    while count and index + 1 < len(lines) and lines[index] == _PIPE and not lines[index + 1]:
        index += 2
        count -= 1
    return index
