"""Quantitative targets of a task's text, following spec/targets.md."""

import re
from dataclasses import dataclass
from decimal import Decimal

from . import lexicon as lx
from .numbers import as_json_number
from .scan import (
    CLOSE_PARENS,
    OPEN_PARENS,
    QUOTES,
    MarkedText,
    Quantity,
    classify,
    find_quantities,
    may_hold_quantities,
)

PERIODS = {"annual": "annual", "livelihood": "annual", "other": None}

# A bracketed note that lists, explains or qualifies (五化标准（发展人文化、…）亮点公厕,
# 停车泊位（含充电桩）, 新建（改扩建）幼儿园) is not part of a metric; 村(社区) is.
_NOTE_PAREN_RE = re.compile(
    r"^\s*[（(][^（）()]*[）)]|[（(](?:[^（）()]*[、，,]|\s*(?:含|包括|不含|即|如))[^（）()]*[）)]"
)
_AGE_RE = re.compile(r"\d+(?:\.\d+)?\s*周?岁(?:及以下|及以上|以下|以上)?")
_MID_INCREASE_RE = re.compile(r"^(.+?)(?:新增|净增)(.+)$")
_CJK_SPACE_RE = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
# Predicates and comparators end a segment; searching only its last characters keeps it linear.
_WINDOW = 8
_SPLIT_JOINERS_RE = re.compile(r"和|及|与")


@dataclass(slots=True)
class _Target:
    metric: str
    measure: str
    comparator: str
    value: Decimal
    unit: str
    start: int
    stop: int
    explicit: bool  # the comparator came from a word of its own span
    suffix: bool  # that word follows the number (以上), so it can close a list


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _lead(doc: MarkedText, start: int, end: int) -> tuple[int, int | None, str | None, bool]:
    """Skip adverbs to the governing verb: (metric start, verb start, verb measure, 其中 seen)."""
    text, pos, breakdown = doc.text, start, False
    while True:
        pos = _skip_space(text, pos, end)
        if pos >= end:
            return pos, None, None, breakdown
        if text.startswith("其中", pos):
            breakdown, pos = True, pos + 2
            continue
        verb = None if doc.masked[pos] else lx.GOVERNING_VERB_RE.match(text, pos, end)
        if verb:
            # Verbs in a row govern together (新建改造, 引进培育); 新增 among them makes an increase.
            verb_start, measures = pos, set()
            while verb:
                measures.add(lx.GOVERNING_VERBS.get(verb.group(), "count"))
                pos = _skip_space(text, verb.end(), end)
                verb = lx.SECOND_VERB_RE.match(text, pos, end)
            measure = "increase" if "increase" in measures else "count"
            return pos, verb_start, measure, breakdown
        modal = lx.TIME_PHRASE_RE.match(text, pos, end) or (
            None
            if doc.masked[pos]
            else lx.MODAL_RE.match(text, pos, end) or lx.QUANTIFIER_RE.match(text, pos, end)
        )
        if modal:
            pos += len(modal.group())
            continue
        if text[pos] == "在":
            # 在室外消火栓周围增设…: the verb follows the place.
            verb = doc.find_unmasked(lx.GOVERNING_VERB_RE, pos + 1, end)
            if verb:
                pos = verb.start()
                continue
        return pos, None, None, breakdown


def _strip_subject_lead(doc: MarkedText, start: int, end: int) -> int:
    """Start of the subject of a predicate, past adverbs, quantifiers and leading verbs."""
    text, pos = doc.text, start
    while True:
        pos = _skip_space(text, pos, end)
        if text.startswith("其中", pos, end):
            pos += 2
            continue
        match = (
            lx.MODAL_RE.match(text, pos, end)
            or lx.PREDICATE_LEAD_RE.match(text, pos, end)
            or lx.QUANTIFIER_RE.match(text, pos, end)
            or lx.TIME_PHRASE_RE.match(text, pos, end)
        )
        if not match:
            return pos
        pos += len(match.group())


def _remove_example_list(metric: str) -> str:
    """Drop an example list ending in 等 (初小、城乡、学前等各类教共体 → 各类教共体)."""
    depth, cut = 0, -1
    for i, char in enumerate(metric):
        if char in QUOTES or char in OPEN_PARENS:
            depth += 1
        elif char in QUOTES.values() or char in CLOSE_PARENS:
            depth -= 1
        elif (
            char == "等"
            and depth == 0
            and 0 < i < len(metric) - 1
            and metric[i + 1] not in "级次同"
        ):
            cut = i
    return metric[cut + 1 :] if cut >= 0 else metric


def _clean_metric(metric: str) -> str:
    """The shortest noun phrase: no notes, example lists, quantifiers, ages or stray spaces."""
    metric = _NOTE_PAREN_RE.sub("", metric)
    if "等" in metric:
        metric = _remove_example_list(metric)
    metric = metric.strip()
    metric = _AGE_RE.sub("", metric).strip()
    while quantifier := lx.QUANTIFIER_RE.match(metric):
        metric = metric[quantifier.end() :].strip()
    if metric.startswith("在") and metric.endswith("中"):
        metric = metric[1:-1]
    mid = _MID_INCREASE_RE.match(metric)
    if mid:
        metric = mid.group(1) + mid.group(2)  # 城镇新增就业 → 城镇就业, as 新增城镇就业
    metric = _CJK_SPACE_RE.sub("", metric).strip().removesuffix("的")
    return metric


def _split_list(doc: MarkedText, start: int, end: int, joiners: bool) -> list[tuple[int, int]]:
    """Items of text[start:end] split at unmasked 、 (and at 和/及/与 when joiners)."""
    pattern = _SPLIT_JOINERS_RE if joiners else re.compile("、")
    items, pos = [], start
    for match in pattern.finditer(doc.text, start, end):
        if not doc.masked[match.start()]:
            items.append((pos, match.start()))
            pos = match.end()
    items.append((pos, end))
    return [(_skip_space(doc.text, s, e), _trim_end(doc.text, s, e)) for s, e in items]


def _indicator_items(doc: MarkedText, start: int, end: int, each: bool) -> list[tuple]:
    """The metrics a percentage change applies to one by one (分别, 事故起数和死亡人数), each as
    (start, end, metric as written): 城镇和农村居民人均可支配收入 → 城镇居民人均可支配收入, …"""
    text = doc.text
    spans = _split_list(doc, start, end, joiners=False)
    if len(spans) == 1:
        spans = _split_list(doc, start, end, joiners=True)
    if len(spans) < 2 or any(s >= e for s, e in spans):
        return [(start, end, text[start:end])]
    shared = lx.SHARED_HEAD_RE.search(text[spans[-1][0] : spans[-1][1]])
    items = []
    for s, e in spans:
        head = "" if lx.INDICATOR_HEAD_RE.search(text[s:e]) or not shared else shared.group()
        items.append((s, e, text[s:e] + head))
    # Without 分别 only items that each name an indicator are split; a shared head
    # (生态环境和公共设施投资) makes one indicator.
    if each or all(lx.INDICATOR_HEAD_RE.search(text[s:e]) for s, e, _ in items):
        return items
    return [(start, end, text[start:end])]


class _Extractor:
    """Reads one task text clause by clause, remembering the targets found so far."""

    def __init__(self, text: str):
        self.doc = MarkedText(text)
        self.text = text
        self.targets: list[_Target] = []
        self.plain_clauses: list[tuple[int, int]] = []  # clauses without a number, in order
        self.position = 0  # start of the clause being read

    def run(self) -> list[_Target]:
        for start, end in self.doc.clauses():
            self.position = start
            quantities = find_quantities(self.doc, start, end)
            if quantities:
                classify(quantities, self.text, end)
                self._clause(quantities, start, end)
            else:
                self.plain_clauses.append((start, end))
        # A number tied to nothing that is measured (a bare “10%”) is not a target.
        return [t for t in self.targets if any(char.isalnum() for char in t.metric)]

    def _clause(self, quantities: list[Quantity], start: int, end: int) -> None:
        seg_start, run, index = start, [], 0
        while index < len(quantities):
            q = quantities[index]
            last = index
            while quantities[last].shares_next:
                last += 1
            inside = q.start < seg_start and not quantities[index - 1].shares_next
            if q.kind == "size" or inside:  # inside: already part of the noun counted before it
                index += 1
                continue
            if q.kind in ("num_first", "level_size"):
                consumed = self._before_noun(q, quantities[last], seg_start, end)
                last = index  # every number of the list is a target of its own
            elif q.kind == "total":
                consumed = self._total(q, seg_start)
            else:
                continuation = bool(run) and self._continues(seg_start, q.start)
                if not continuation:
                    self._close_run(run)
                    run = []
                    seg_start = _skip_space(self.text, seg_start, q.start)
                    if start < seg_start < q.start:  # past the 、 after the previous number
                        seg_start += self.text[seg_start] in "、和及与"
                run.extend(self._tail(quantities[index : last + 1], seg_start, continuation))
                consumed = quantities[last].stop
            seg_start = max(seg_start, consumed)
            index = last + 1
        self._close_run(run)

    def _continues(self, start: int, end: int) -> bool:
        """Whether text[start:end] is the next item of a list sharing the verb before it:
        、科技型中小企业 150 家, not 、改造提升…7家 or 、财政收入增长 6%."""
        text = self.text
        pos = _skip_space(text, start, end)
        if pos >= end or text[pos] not in "、和及与":
            return False
        item = _skip_space(text, pos + 1, end)
        if lx.GOVERNING_VERB_RE.match(text, item, end):
            return False
        return not lx.PREDICATE_RE.search(
            text, max(item, end - _WINDOW), _trim_end(text, item, end)
        )

    @staticmethod
    def _close_run(run: list[_Target]) -> None:
        # A trailing 以上 applies to every quantity of the list it closes.
        if len(run) > 1 and run[-1].suffix:
            for target in run[:-1]:
                if not target.explicit:
                    target.comparator = run[-1].comparator

    def _emit(self, metric, measure, comparator, q, start, stop, explicit) -> _Target:
        target = _Target(
            metric, measure, comparator, q.value, q.unit, start, stop, explicit, bool(q.suffix)
        )
        self.targets.append(target)
        return target

    def _refer_back(self, metric: str, verb: str = "") -> str:
        # 续创 4 家, 建成10所: the noun left out is the one just counted; with none before,
        # the action itself is what is counted (培训 2000 人次).
        if metric:
            return metric
        return self.targets[-1].metric if self.targets else verb.strip()

    def _before_noun(self, q: Quantity, last: Quantity, seg_start: int, end: int) -> int:
        """A number before its noun: 为 350 个公办中小学教室…, 千亿级鞋产业集群."""
        text, doc = self.text, self.doc
        noun_start = _skip_space(text, last.stop, end)
        stop = doc.find_unmasked(lx.NOUN_STOP_RE, noun_start + 1, end)
        comma = doc.find_unmasked(re.compile("、"), noun_start, end)
        noun_end = end
        if stop and (stop.group() == "的" or text[stop.end() : end].strip()):
            noun_end = stop.start()
        if comma:
            noun_end = min(noun_end, comma.start())
        metric = _clean_metric(text[noun_start:noun_end])
        span_end = _trim_end(text, noun_start, comma.start() if comma else end)
        if q.kind == "level_size":
            comparator = lx.SUFFIX_COMPARATORS.get(q.suffix, "=")
            self._emit(metric, "level", comparator, q, q.start, span_end, bool(q.suffix))
            return span_end
        metric_start, verb_start, measure, _ = _lead(doc, seg_start, q.start)
        modifier = text[metric_start : q.start].strip()
        if verb_start is not None and modifier and not re.search("[、等]", modifier):
            metric = _clean_metric(modifier + metric)  # 塘河“一环三线”13个项目: the set counted
        start = verb_start if verb_start is not None else q.start
        self._emit(metric, measure or "count", "=", q, start, span_end, False)
        return span_end

    def _total(self, q: Quantity, seg_start: int) -> int:
        """总投资 1500 亿元的 230 个项目: a total describing the projects, measure other."""
        metric_start, _, _, _ = _lead(self.doc, seg_start, q.start)
        metric = _clean_metric(self.text[metric_start : q.start])
        self._emit(metric, "other", "=", q, metric_start, q.stop, False)
        return q.stop

    def _tail(self, group: list[Quantity], seg_start: int, continuation: bool) -> list[_Target]:
        """Numbers after their metric, the common case; a group is 分别增长6.5%和8%."""
        text, doc, q = self.text, self.doc, group[0]
        seg_end = _trim_end(text, seg_start, q.start)
        prefix = lx.PREFIX_COMPARATOR_RE.search(text, max(seg_start, seg_end - _WINDOW), seg_end)
        prefix_word = prefix.group().strip() if prefix else None
        if prefix and prefix_word not in lx.PREDICATES:
            seg_end = _trim_end(text, seg_start, prefix.start())
        closing = group[-1].suffix
        comparators = [
            (lx.SUFFIX_COMPARATORS[x.suffix or closing], True)
            if x.suffix or closing
            else (lx.PREFIX_COMPARATORS[prefix_word], True)
            if prefix_word
            else ("=", False)
            for x in group
        ]
        if continuation:
            item_start = _skip_space(text, seg_start, seg_end)
            item_start = _skip_space(text, item_start + 1, seg_end)  # past 、/和
            measure = self.targets[-1].measure
            metric = self._refer_back(_clean_metric(text[item_start:seg_end]))
            return [
                self._emit(metric, measure, cmp, x, item_start, x.stop, explicit)
                for x, (cmp, explicit) in zip(group, comparators, strict=True)
            ]
        rank = seg_end > seg_start and text[seg_end - 1] == "前" and q.unit in ("名", "位")
        predicate = (
            None
            if rank
            else lx.PREDICATE_RE.search(text, max(seg_start, seg_end - _WINDOW), seg_end)
        )
        if rank or predicate:
            return self._predicate(group, comparators, seg_start, seg_end, predicate, rank)
        seg_start = self._last_action(seg_start, seg_end)
        metric_start, verb_start, measure, breakdown = _lead(doc, seg_start, seg_end)
        raw = text[metric_start:seg_end]
        if raw.startswith("总投资"):
            measure = "other"  # 总投资 500 亿元 describes projects; it is not an amount to reach
        if measure is None:
            if breakdown and self.targets:
                measure = self.targets[-1].measure  # 其中普惠型托位 550 个, as its whole
            elif _MID_INCREASE_RE.match(raw):
                measure = "increase"
            elif q.unit in lx.PERCENT_UNITS:
                measure = "share"
            else:
                measure = "count"
        verb = text[verb_start:metric_start] if verb_start is not None else ""
        metric = self._refer_back(_clean_metric(raw), verb)
        if metric in lx.GENERIC_NOUNS:
            metric = self._named_indicator(metric) or metric
        start = verb_start if verb_start is not None else metric_start
        return [
            self._emit(metric, measure, cmp, x, start, x.stop, explicit)
            for x, (cmp, explicit) in zip(group, comparators, strict=True)
        ]

    def _last_action(self, start: int, end: int) -> int:
        """Where the last of several 、-joined actions starts (完工…一期工程、新增床位760张)."""
        text, doc = self.text, self.doc
        for i in range(end - 1, start, -1):
            if text[i] == "、" and not doc.masked[i]:
                after = _skip_space(text, i + 1, end)
                if lx.GOVERNING_VERB_RE.match(text, after, end) and text[after] != "为":
                    return after
        return start

    def _named_indicator(self, noun: str) -> str | None:
        """The indicator a generic noun stands for, named in an earlier clause of the sentence."""
        text, doc = self.text, self.doc
        for start, end in reversed(self.plain_clauses):
            if "。" in text[end : self.position]:
                break
            at = text.find(noun, start, end)
            while at >= 0 and doc.masked[at]:
                at = text.find(noun, at + 1, end)
            if at >= 0:
                metric_start = _lead(doc, start, at)[0]
                phrase = _clean_metric(text[metric_start : at + len(noun)])
                if len(phrase) > len(noun):
                    return phrase
        return None

    def _predicate(self, group, comparators, seg_start, seg_end, predicate, rank):
        """Metric, predicate, number: 地区生产总值增长 7%以上, 高新技术企业突破 400 家."""
        text, doc, q = self.text, self.doc, group[0]
        percent = q.unit in lx.PERCENT_UNITS
        if rank:
            measure, region_end = "other", seg_end - 1
            # 前 10 名: a rank of 10 or better.
            comparators = [c if c[1] else ("<=", True) for c in comparators]
        else:
            measure = lx.PREDICATES[predicate.group().strip()]
            region_end = predicate.start()
            if measure == "growth" and not percent:
                measure = "increase"
            if q.unit in ("个位次", "位次"):
                measure = "other"
        adverbs = lx.TRAILING_ADVERB_RE.search(
            text, max(seg_start, region_end - 4 * _WINDOW), region_end
        )
        each = False
        if adverbs and adverbs.start() > seg_start:
            each = "分别" in adverbs.group()
            region_end = adverbs.start()
        region_end = _trim_end(text, seg_start, region_end)
        region_start = _strip_subject_lead(doc, seg_start, region_end)
        whole = (region_start, region_end, text[region_start:region_end])
        items = [whole]
        if each or (percent and measure in ("growth", "decrease")):
            items = _indicator_items(doc, region_start, region_end, each)
        if each and len(items) == 1 and len(group) == 2 and whole[2].startswith("城乡"):
            # 城乡居民人均可支配收入分别增长6%和7.5%: urban, then rural.
            items = [(region_start, region_end, part + whole[2][2:]) for part in ("城镇", "农村")]
        if len(group) == 1:
            pairs = [(item, q, comparators[0]) for item in items]
        elif len(items) == len(group):  # 城镇和农村居民人均可支配收入分别增长6.5%和8%
            pairs = list(zip(items, group, comparators, strict=True))
        else:
            pairs = [(whole, x, c) for x, c in zip(group, comparators, strict=True)]
        added = []
        for (start, end, raw), x, (comparator, explicit) in pairs:
            if rank:
                raw = lx.RANK_VERB_RE.sub("", raw)
            metric = self._refer_back(_clean_metric(raw))
            kind = measure
            if kind == "level" and (percent or lx.RATE_RE.search(metric)):
                kind = "share"
            added.append(self._emit(metric, kind, comparator, x, start, x.stop, explicit))
        return added


def extract_targets(text: str, plan_kind: str) -> list[dict]:
    """The quantitative targets of a task's text, as target objects of notice.schema.json."""
    if not may_hold_quantities(text):
        return []  # about half of all task texts: no number with a unit, so no target
    period_default = PERIODS.get(plan_kind)
    found = []
    for target in _Extractor(text).run():
        span = text[target.start : target.stop]
        if plan_kind == "five_year":
            period = "annual_average" if "年均" in span else "cumulative"
        else:
            period = period_default
        found.append(
            {
                "metric": target.metric,
                "measure": target.measure,
                "comparator": target.comparator,
                "value": as_json_number(target.value),
                "unit": target.unit,
                "period": period,
                "text": span,
            }
        )
    return found
