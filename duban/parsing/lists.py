"""Tasks written as paragraphs: numbering, and 「（牵头单位：X；责任单位：Y）」 labels."""

import re
from dataclasses import dataclass

from duban.parsing.text import EDGE
from duban.parsing.units import names_units

_CN = "一二三四五六七八九十百"
# Numbering styles, each a level: 一、 / （一） / 1. 1、 1 / （1） / ① / 序号：1 (a card of labels)
# / 1-1. 一(1) 1.1 (a task numbered within its section, the section's number first).
_NUMBERING = re.compile(
    # A mark before the number (★1.) flags the task, as a 考核 list does; it is not its number.
    rf"^\s*[★☆▲※]?\s*(?:(?P<compound>(?:\d{{1,2}}\s*[-－–—]\s*\d{{1,3}}(?![\d年月日号%万亿个家])"
    rf"|[{_CN}]+[（(]\d{{1,3}}[）)]|\d{{1,2}}[.．]\d{{1,3}}(?=[、\s]|[.．](?!\d))))\s*[.．、]?"
    rf"|(?P<cn>[{_CN}]+)\s*[、.．]"
    r"|序号\s*[：:]\s*(?P<labelled>\d{1,3})\s*[、.．]?"
    rf"|[（(](?P<pcn>[{_CN}]+)[）)]"
    r"|[（(](?P<pnum>\d{1,3})[）)]"
    r"|(?P<num>\d{1,3})\s*(?:[.．、﹒]|[)）](?=\S))(?!\d)"
    r"|(?P<bare>\d{1,3})\s+(?=[^\d\s年月日%])"
    r"|(?P<circled>[①-⑳]))\s*"
)
# Labels are built the way offices write them: a role word, an optional 责任/负责, and the
# noun for the bodies (牵头责任单位, 协同责任单位, 主办部门) or for the leader (分管省领导,
# 牵头负责领导). The role word decides the part: lead, helpers, or all the units.
_LEAD_WORD = "牵头|主办|主责|主抓"
_SUPPORT_WORD = "协同|配合|协办|参与|协助|协作"
_UNIT_WORD = "责任|承办|实施|负责|落实|主体"
_BODY_NOUN = "单位|部门|处室|科室|主体"
_JURISDICTION = "市|区|县|省|州|盟|旗|镇|乡"
_LEADER_LABEL = (
    rf"(?:{_LEAD_WORD}|责任|分管|联系|包保|挂钩|挂点|主管|协管|协抓|协调)(?:负责)?(?:{_JURISDICTION})?(?:政府)?(?:级)?领导"
    # The leader's title as the label: 「分管副县长：陈永福」.
    rf"|(?:{_LEAD_WORD}|责任|分管|联系|主管)(?:常务)?副?(?:{_JURISDICTION})长"
)
_UNITS_LABEL = (
    rf"(?:(?:{_LEAD_WORD}|{_SUPPORT_WORD}|{_UNIT_WORD})(?:责任|负责)?(?:{_BODY_NOUN})"
    r"|(?:部门|责任|任务)分工"
    # A role word alone labels units too: 「牵头：市发改委；配合：市统计局」.
    rf"|(?:{_LEAD_WORD}|{_SUPPORT_WORD}))"
)
_DEADLINE_LABEL = r"完成时限|完成时间|时间节点|时限要求|完成期限|时间要求|进度要求"
_NAME_LABEL = r"项目名称|任务名称|工作名称|事项名称"
_TEXT_LABEL = r"(?:建设|工作|主要|任务|具体|项目)内容|建设任务|具体任务|目标任务|工作目标|目标要求"
_FIELD_LABEL = re.compile(rf"\s*({_NAME_LABEL}|{_TEXT_LABEL})\s*[：:]")
# What a progress report writes under each task: it reports on tasks, it assigns none.
_PROGRESS_LABEL = r"(?:推进|完成|进展|落实)情况|(?:完成|当前)进度|工作进展"
_LABELS = rf"{_LEADER_LABEL}|{_UNITS_LABEL}|{_DEADLINE_LABEL}|{_PROGRESS_LABEL}|备注"
# 「牵头单位：X」, or the label in black brackets with no colon: 「【牵头单位】X」.
_LABEL = re.compile(rf"【(?P<bracketed>{_LABELS})】\s*[：:]?|(?P<label>{_LABELS})\s*[：:]")
_LEAD_LABEL = re.compile(rf"^(?:{_LEAD_WORD})")
_SUPPORT_LABEL = re.compile(rf"^(?:{_SUPPORT_WORD})")
_OPENERS = {"（": "）", "(": ")", "【": "】", "[": "]", "〔": "〕"}
_CLOSERS = set(_OPENERS.values())
# The verbs that give units their part in a bracket: 「X牵头，Y配合」, 「X负责」.
_ROLE_WORD = re.compile(r"牵头|主办|协办|负责|配合|参与|协助|协同|落实")
# A label's value ends at its separator, or at the brackets around each label:
# 「【完成时限：2024年11月底前】【责任单位：…】」.
_VALUE_END = "；;，,。. 【】" + EDGE
# A deadline closing a bracket of units, as printed: 「（X牵头，Y配合，2024年12月底前完成）」,
# 「（…，2024年12月底前完成年度目标）」, 「（X牵头，持续推进）」.
_WHEN = (
    r"(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月(?:\d{1,2}\s*日|底|末|[上中下]旬)?|年底|年末|年内|[上下]半年"
    r"|第?[一二三四1-4]\s*季度末?)|\d{4}\s*年\s*(?:底|末|内)?"
)
_CLOSING_DEADLINE = re.compile(
    rf"(?:(?:{_WHEN})(?:之前|以前|前)?|全年)(?:完成|建成|落实|实现|到位|见效)[^，,；;。]{{0,6}}"
    rf"|(?:{_WHEN})(?:之前|以前|前)?|全年|长期坚持|持续推进|长期推进|常态化推进|长期"
)


@dataclass(slots=True)
class Numbered:
    style: str
    seq: str
    rest: str


def numbering(text: str) -> Numbered | None:
    """The numbering of a paragraph: its style (level), number and the text after it."""
    match = _NUMBERING.match(text)
    if not match:
        return None
    style = match.lastgroup
    return Numbered(style=style, seq=match.group(style), rest=text[match.end() :])


def labels(text: str) -> tuple[str, dict[str, str]] | None:
    """Split 「任务。（牵头单位：X；责任单位：Y）」 into the task text and its labelled parts.

    Returns None when the paragraph has no label; the text is "" for a label-only line.
    """
    opening = _opening_field(text)
    if opening is not None:
        return opening
    first = _LABEL.search(text)
    if not first:
        return _role_tail(text) or _role_line(text)
    before, after = text[: first.start()], text[first.start() :]
    stripped = before.rstrip(EDGE)
    if stripped and stripped[-1] in _OPENERS:
        tail = after.rstrip(EDGE + "。.")
        # Copies mix the widths, 「（牵头单位：X)」: a closer of either kind that nothing
        # inside opened closes the bracket.
        if tail and tail[-1] in _CLOSERS and _depth(tail) < 0:
            after = tail[:-1]
        before = stripped[:-1]
    parts: dict[str, str] = {}
    matches = list(_LABEL.finditer(after))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(after)
        value = after[match.end() : end].strip(_VALUE_END)
        key = _label_part(match["bracketed"] or match["label"])
        parts[key] = f"{parts[key]}、{value}" if key in parts else value
    return before.strip(EDGE), parts


def _opening_field(text: str) -> tuple[str, dict[str, str]] | None:
    """「1.项目名称：X」, 「建设内容：Y」: a line opening with the label of the task's name or
    text (民生实事 are written so). Only at the start: mid-sentence, such words are the text's."""
    number = numbering(text)
    rest = number.rest if number else text
    match = _FIELD_LABEL.match(rest)
    if match is None:
        return None
    part = "name" if re.fullmatch(_NAME_LABEL, match.group(1)) else "text"
    value = rest[match.end() :].strip(EDGE)
    more = labels(value)
    parts = more[1] if more is not None else {}
    parts[part] = more[0] if more is not None else value
    return text[: len(text) - len(rest)].strip(EDGE), parts


# Units named in the task's last sentence: 「…，由区发改局负责落实。」, 「区民政局牵头，各街道配合。」
_SENTENCE_UNITS = re.compile(
    r"(?:^|[，,。；;])\s*(?:由(?P<by>[^，,。；;]{2,60}?)(?:共同|联合)?(?:负责|牵头)[^，,。；;]{0,4}"
    r"|(?P<lead>[^，,。；;由]{2,60}?)(?:牵头|主办)[，,](?P<help>[^，,。；;]{2,80}?)(?:配合|协办|参与|协助))"
    r"[。；;.]?\s*$"
)


def sentence_units(text: str) -> str | None:
    """The units a task's last sentence names as carrying it, for a task without a label."""
    match = _SENTENCE_UNITS.search(text.rstrip(EDGE))
    if match is None:
        return None
    if match.group("by"):
        found = match.group("by") + ("牵头" if "牵头" in match.group() else "")
    else:
        found = f"{match.group('lead')}牵头，{match.group('help')}配合"
    return found if names_units(found) else None


def _depth(text: str) -> int:
    """Brackets opened less brackets closed in `text`, of any kind and width."""
    return sum(char in _OPENERS for char in text) - sum(char in _CLOSERS for char in text)


def _label_part(label: str) -> str:
    """The part of a task a label names: 牵头责任单位 -> lead_units, 分管省领导 -> leaders."""
    if label.endswith(("领导", "长")):
        return "leaders"
    if label == "备注":
        return "remark"
    if re.fullmatch(_PROGRESS_LABEL, label):
        return "progress"
    if re.fullmatch(_DEADLINE_LABEL, label):
        return "deadline"
    if label.endswith("分工"):
        return "units"
    if _LEAD_LABEL.match(label):
        return "lead_units"
    if _SUPPORT_LABEL.match(label):
        return "support_units"
    return "units"


def _role_tail(text: str) -> tuple[str, dict[str, str]] | None:
    """「任务。（市发改委牵头，市统计局配合）」: units named in a closing bracket, without labels.

    Only when every part of the bracket is a unit name, so a closing remark such as
    「（2023年底前完成）」 stays part of the task.
    """
    body = text.rstrip(EDGE + "。.；;")
    if not body or body[-1] not in _CLOSERS:
        return None
    depth = 0
    for index in range(len(body) - 1, -1, -1):
        char = body[index]
        if char in _CLOSERS:
            depth += 1
        elif char in _OPENERS:
            depth -= 1
            if depth == 0:
                break
    else:
        return None
    parts = _unit_parts(body[index + 1 : -1])
    before = body[:index].strip(EDGE)
    if not before or not _ROLE_WORD.search(parts["units"]) or not names_units(parts["units"]):
        return None
    return before, parts


def _role_line(text: str) -> tuple[str, dict[str, str]] | None:
    """「省发展改革委牵头，省统计局参与。」 on a line of its own, under its task: units with the
    words that give their parts, and nothing else."""
    body = text.strip(EDGE).rstrip("。.；;")
    if not body or numbering(body) is not None or not _ROLE_WORD.search(body):
        return None
    if _depth(body) or any(mark in body for mark in "：:"):
        return None  # a note (「注：…」) or a bracket's part, wrapped
    parts = _unit_parts(body)
    return ("", parts) if names_units(parts["units"]) else None


def _unit_parts(inside: str) -> dict[str, str]:
    """The units of a bracket or a line, and the deadline its last part gives, if it does."""
    head, _, last = inside.rpartition("，" if "，" in inside else ",")
    match = _CLOSING_DEADLINE.fullmatch(last.strip(EDGE))
    if not head or match is None:
        return {"units": inside}
    return {"units": head, "deadline": match.group()}
