"""Where the numbers of a task text are: clauses, quoted names, and quantities with units."""

import re
from dataclasses import dataclass
from decimal import Decimal

from . import lexicon as lx
from .numbers import CHINESE_NUMERAL_CHARS, MULTIPLIERS, parse_number

_NUMBER_RE = re.compile(rf"\d+(?:,\d{{3}})*(?:\.\d+)?|[{CHINESE_NUMERAL_CHARS}]+")
_TAIL_RE = re.compile(
    rf"\s*(?P<mult>千万|百万|万|亿)?\s*(?:(?P<unit>{lx.alternation(lx.UNITS)})|(?P<grade>级))"
)
# Every quantity is a number whose last character is followed by a tail, so text without
# this cannot hold one; one search spares the per-number checks of most clauses.
_QUANTITY_HINT_RE = re.compile(rf"[\d{CHINESE_NUMERAL_CHARS}]{_TAIL_RE.pattern}")
QUOTES = {"“": "”", "「": "」", "『": "』", "《": "》", "‘": "’"}
OPEN_PARENS, CLOSE_PARENS = "（(", "）)"
# Clause ends; a comma between digits (10,000) is a thousands separator.
_CLAUSE_MARK_RE = re.compile(r"[，；;。！？!?：:\n]|(?<!\d),|,(?!\d)")
_OPENER_RE = re.compile("[" + "".join(QUOTES) + '"（(]')
# Rates per something stay in the unit: 49 万元/亩.
_PER_RE = re.compile(r"/(?:亩|人|户|年|日|天|吨|平方米|立方米|千瓦时|公顷)")
_PAREN_RE = re.compile(r"[（()）]")
_DIGIT_RE = re.compile(r"\d")
_JOINERS = frozenset({"、", "和", "及", "与"})
# A Chinese numeral alone is a target only when a boundary or comparator follows it, so that
# 一个都不掉队, 五张清单, 一批企业 stay words.
_AFTER_CHINESE_OK = frozenset("，,；;。、）)：:") | {""}


@dataclass(slots=True)
class Quantity:
    start: int
    stop: int  # end of the unit, or of the suffix comparator (以上) when there is one
    value: Decimal
    unit: str
    grade: bool  # 千亿级: a scale rather than a count
    suffix: str | None
    # tail: after its metric (新增企业 50 家); num_first: before its noun (为 350 个教室);
    # level_size: an amount naming a class to reach (千亿级鞋产业集群); size: a class inside
    # a metric (亿元以上产业项目20个); total: 总投资 1500 亿元的…
    kind: str = "tail"
    shares_next: bool = False  # 50 亿元、百亿元制造业项目: takes its noun from the next number


class MarkedText:
    """The text with the spans where numbers and verbs do not count: quotes and notes."""

    def __init__(self, text: str):
        self.text = text
        self.masked = bytearray(len(text))  # 1 inside quotes or bracketed notes
        self.boundaries: set[int] = set()
        self._scan_brackets()
        for match in _CLAUSE_MARK_RE.finditer(text):
            if not self.masked[match.start()]:
                self.boundaries.add(match.start())

    def _scan_brackets(self) -> None:
        text, pos = self.text, 0
        while opener := _OPENER_RE.search(text, pos):
            i, char = opener.start(), opener.group()
            pos = i + 1
            if char in OPEN_PARENS:
                end = self._matching_paren(i)
                if end < 0:
                    continue
                inner = text[i + 1 : end]
                # A bracket that breaks a quantity down (其中…, 含 5 个) holds targets of its own.
                if inner.lstrip().startswith("其中") or _DIGIT_RE.search(inner):
                    self.boundaries.update((i, end))
                    continue
            else:
                end = text.find(QUOTES.get(char, char), i + 1)
                if end < 0:
                    continue
            self.masked[i : end + 1] = b"\x01" * (end + 1 - i)
            pos = end + 1

    def _matching_paren(self, i: int) -> int:
        depth = 0
        for match in _PAREN_RE.finditer(self.text, i):
            depth += 1 if match.group() in OPEN_PARENS else -1
            if depth == 0:
                return match.start()
        return -1

    def clauses(self) -> list[tuple[int, int]]:
        cuts = sorted(self.boundaries)
        spans, start = [], 0
        for cut in cuts:
            spans.append((start, cut))
            start = cut + 1
        spans.append((start, len(self.text)))
        return [(s, e) for s, e in spans if s < e]

    def find_unmasked(self, pattern: re.Pattern, start: int, end: int) -> re.Match | None:
        for match in pattern.finditer(self.text, start, end):
            if not self.masked[match.start()]:
                return match
        return None


def find_quantities(doc: MarkedText, start: int, end: int) -> list[Quantity]:
    """Numbers with a unit in text[start:end], without those in names, dates and slogans."""
    text, found = doc.text, []
    if not may_hold_quantities(text, start, end):
        return found
    for match in _NUMBER_RE.finditer(text, start, end):
        i, j = match.span()
        if doc.masked[i]:
            continue
        before = text[i - 1] if i else ""
        if before and before.isascii() and (before.isalnum() or before in "+.-/"):
            continue  # PM2.5, B2C, 1+8: part of a name
        if j < len(text) and (text[j].isascii() and text[j].isalpha() or text[j] == "+"):
            continue  # 5G, 3+1
        if text[max(0, i - 3) : i].rstrip().endswith("第"):
            continue  # 第二轮, 第 3 名: an ordinal
        tail = _TAIL_RE.match(text, j, end)
        if tail is None:
            continue
        number = match.group()
        chinese = not number[0].isdigit()
        if chinese and before and before in "每第双单几数多":
            continue
        value = parse_number(number)
        if value is None:
            continue
        mult, unit, grade = tail.group("mult"), tail.group("unit"), tail.group("grade")
        stop = tail.end()
        if grade:
            if mult not in ("万", "亿"):
                continue  # 两级, 三级: ranks of a name, not an amount
            unit = mult + "元"
        else:
            if unit in ("元", "美元") and mult:
                unit = mult + unit
            elif mult:
                value *= MULTIPLIERS[mult]
            if unit in lx.MONEY_UNITS and text.startswith("级", stop):
                grade, stop = True, stop + 1
        if unit == "个" and text.startswith(("月", "工作日", "小时"), stop):
            continue
        if text[stop - 1 : stop + 1] in lx.NOT_UNIT_WORDS:
            continue
        per = _PER_RE.match(text, stop, end)
        if per:
            unit, stop = unit + per.group(), per.end()
        suffix = lx.SUFFIX_COMPARATOR_RE.match(text, stop, end)
        if suffix:
            stop = suffix.end()
        following = text[stop:end].lstrip()[:1]
        if chinese and following not in _AFTER_CHINESE_OK:
            if not _chinese_before_noun(number, unit, mult, grade):
                continue
        found.append(
            Quantity(i, stop, value, unit, bool(grade), suffix.group().strip() if suffix else None)
        )
    return found


def may_hold_quantities(text: str, start: int = 0, end: int | None = None) -> bool:
    """False when text[start:end] surely holds no quantity, found by one cheap search."""
    return _QUANTITY_HINT_RE.search(text, start, len(text) if end is None else end) is not None


def _chinese_before_noun(number: str, unit: str, mult: str | None, grade) -> bool:
    """百亿元制造业项目, 千亿级, 二十个社区 are amounts; 一批企业, 千家万户, 五张清单 are words."""
    if unit in lx.MONEY_UNITS or grade or mult:
        return True
    return "十" in number and unit in lx.CLASSIFIERS


def classify(quantities: list[Quantity], text: str, end: int) -> None:
    """Decide how each quantity of a clause relates to the words around it."""
    for index, q in enumerate(quantities):
        following = text[q.stop : end].lstrip()[:1]
        later = quantities[index + 1] if index + 1 < len(quantities) else None
        money = q.unit in lx.MONEY_UNITS or q.grade
        if (
            following
            and following in "、和及与"
            and later
            and text[q.stop : later.start].strip() in _JOINERS
        ):
            q.kind = "numlist"  # 50 亿元、百亿元制造业项目: numbers sharing what follows
        elif (
            not following
            or following in "、（(）)和及与"
            or (following.isascii() and not following.isalnum() and following != '"')
        ):
            q.kind = "tail"
        elif following == "的" and q.suffix:
            q.kind = "size"  # 收入50万元以上的村: a class of what follows, counted or not
        elif following == "的" and money:
            q.kind = "total"
        elif (money or q.suffix in ("以上", "以下", "及以上", "及以下")) and later:
            q.kind = "size"  # 亿元以上产业项目20个: the scale is part of the metric
        elif money:
            q.kind = "level_size"
        elif q.unit in lx.CLASSIFIERS:
            q.kind = "num_first"
    for index in range(len(quantities) - 2, -1, -1):
        if quantities[index].kind == "numlist":
            quantities[index].kind = quantities[index + 1].kind
            quantities[index].shares_next = True
            quantities[index].suffix = quantities[index].suffix or quantities[index + 1].suffix
