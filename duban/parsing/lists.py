"""Tasks written as paragraphs: numbering, and 「（牵头单位：X；责任单位：Y）」 labels."""

import re
from dataclasses import dataclass

from duban.parsing.text import EDGE

_CN = "一二三四五六七八九十百"
# Numbering styles, each a level: 一、 / （一） / 1. 1、 1 / （1） / ①.
_NUMBERING = re.compile(
    rf"^\s*(?:(?P<cn>[{_CN}]+)\s*[、.．]"
    rf"|[（(](?P<pcn>[{_CN}]+)[）)]"
    r"|[（(](?P<pnum>\d{1,3})[）)]"
    r"|(?P<num>\d{1,3})\s*[.．、](?!\d)"
    r"|(?P<bare>\d{1,3})\s+(?=[^\d\s年月日%])"
    r"|(?P<circled>[①-⑳]))\s*"
)
_LABEL_NAMES = {
    "牵头单位": "lead_units",
    "牵头部门": "lead_units",
    "主办单位": "lead_units",
    "责任单位": "units",
    "责任部门": "units",
    "承办单位": "units",
    "配合单位": "support_units",
    "配合部门": "support_units",
    "协办单位": "support_units",
    "参与单位": "support_units",
    "完成时限": "deadline",
    "完成时间": "deadline",
    "时间节点": "deadline",
    "备注": "remark",
}
_LABEL = re.compile(
    r"(牵头单位|牵头部门|主办单位|责任单位|责任部门|承办单位|配合单位|配合部门|协办单位|参与单位"
    r"|完成时限|完成时间|时间节点|备注|(?:牵头|责任|分管|联系)(?:市|区|县|省)?领导)\s*[：:]"
)
_OPENERS = {"（": "）", "(": ")", "【": "】", "[": "]", "〔": "〕"}
_VALUE_END = "；;，,。. " + EDGE


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
    first = _LABEL.search(text)
    if not first:
        return None
    before, after = text[: first.start()], text[first.start() :]
    stripped = before.rstrip(EDGE)
    if stripped and stripped[-1] in _OPENERS:
        closer = _OPENERS[stripped[-1]]
        tail = after.rstrip(EDGE + "。.")
        if tail.endswith(closer):
            after = tail[: -len(closer)]
        before = stripped[:-1]
    parts: dict[str, str] = {}
    matches = list(_LABEL.finditer(after))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(after)
        value = after[match.end() : end].strip(_VALUE_END)
        key = _LABEL_NAMES.get(match.group(1), "leaders")
        parts[key] = f"{parts[key]}、{value}" if key in parts else value
    return before.strip(EDGE), parts
