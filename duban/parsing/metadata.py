"""The notice's own data: issuer, 文号, title, dates, addressees, 抄送, attachments, body."""

import re

from duban.parsing.dates import DATE, find_date, iso_date
from duban.parsing.model import NoticeMeta
from duban.parsing.text import EDGE, join_lines, remove_cjk_spaces, squeeze
from duban.parsing.units import segments

DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,15}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\s*\d{1,4}\s*号"
)
_HEADER = re.compile(r"^(.{2,40}?)\s*文\s*件$")
_TITLE_END = re.compile(
    r"(?:通\s*知|通\s*报|意\s*见|方\s*案|决\s*定|函|批\s*复|规\s*定|办\s*法|计\s*划|要\s*点|安\s*排|公\s*告)$"
)
_ABOUT = re.compile(r"关\s*于")
_COLON_END = re.compile(r"[：:]$")
_ATTACHMENTS = re.compile(r"^附\s*件\s*[：:]\s*(.*)$")
_NUMBERED = re.compile(r"^\d{1,2}\s*[.．、]")
_NUMBER_SPLIT = re.compile(r"(?:^|\s)\d{1,2}\s*[.．、]\s*")
_CC = re.compile(r"^(?:抄送|抄报|分送)\s*[：:]\s*(.*)$")
_PRINTED = re.compile(rf"(?:{DATE.pattern})\s*印\s*发")
_PUBLIC = re.compile(r"此件[^）)]*?公开|公开方式\s*[：:]\s*\S+|不予公开")
_NOT_PUBLIC = re.compile(r"不|依申请|免予")
_ORG_END = re.compile(r"(?:办公室|政府|委员会|局|厅|委|办|部|中心|会|院)$")
_TERMINAL = "。！？；：…”」』)）"
MAX_SIGNATURE_LENGTH = 40


def read_metadata(front: list[str], tail: list[str]) -> NoticeMeta:
    """Metadata from the lines before the first annex and after the last table."""
    meta = NoticeMeta()
    everything = front + tail
    meta.doc_number = _doc_number(everything)
    title_start, title_end = _title_span(front)
    if title_start is not None:
        meta.title = remove_cjk_spaces("".join(front[title_start:title_end]))
    body_start = title_end if title_end is not None else 0
    if body_start < len(front) and _COLON_END.search(front[body_start]):
        meta.addressees = _split_list(front[body_start][:-1])
        body_start += 1
    date_index = _signature_date(front, body_start)
    if date_index is not None:
        meta.issued_on = find_date(front[date_index])
    meta.issuer = _issuer(front, tail, date_index, meta.title)
    meta.attachments, attachments_at = _attachments(front, body_start)
    meta.public = _public(everything)
    body_end = min(
        index
        for index in (attachments_at, _signature_start(front, date_index), len(front))
        if index is not None
    )
    meta.body = _body(front[body_start:body_end])
    meta.printed_on, meta.cc = _printed(everything), _cc(everything)
    return meta


def _doc_number(lines: list[str]) -> str | None:
    for line in lines:
        match = DOC_NUMBER.search(line)
        if match:
            return squeeze(match.group())
    return None


def _title_span(front: list[str]) -> tuple[int | None, int | None]:
    """Where the title starts and ends: the lines from 「…关于…」 to 「…通知」."""
    limit = min(len(front), 12)
    start = next(
        (i for i in range(limit) if _ABOUT.search(front[i]) and not front[i].startswith("《")), None
    )
    if start is None:
        start = next(
            (
                i
                for i in range(limit)
                if not (_HEADER.match(front[i]) or DOC_NUMBER.search(front[i]))
            ),
            None,
        )
        if start is None:
            return None, None
    if start > 0 and _ABOUT.match(front[start]) and _is_issuer_line(front[start - 1]):
        # The issuer printed on its own line above 「关于…」 opens the title.
        start -= 1
    for end in range(start, min(start + 4, len(front))):
        if _TITLE_END.search(front[end]):
            return start, end + 1
        if end + 1 < len(front) and _COLON_END.search(front[end + 1]):
            return start, end + 1
    return start, start + 1


def _is_issuer_line(line: str) -> bool:
    return (
        len(line) <= MAX_SIGNATURE_LENGTH
        and bool(_ORG_END.search(line))
        and not _HEADER.match(line)
        and not DOC_NUMBER.search(line)
        and not _COLON_END.search(line)
    )


def _split_list(text: str) -> list[str]:
    # 「各区、县（市）人民政府」 is one addressee: a 1–2 character part goes with the next.
    parts = (part.strip(EDGE + "。.") for part in segments(join_lines(text)))
    return [squeeze(part) for part in parts if part]


def _signature_date(front: list[str], start: int) -> int | None:
    """The date line under the signature: a line that holds little besides a date."""
    found = None
    for index in range(start, len(front)):
        match = DATE.search(front[index])
        if (
            match
            and len(squeeze(front[index])) <= len(squeeze(match.group())) + MAX_SIGNATURE_LENGTH
        ):
            rest = squeeze(front[index].replace(match.group(), ""))
            if not rest or _ORG_END.search(rest):
                found = index
    return found


def _signature_start(front: list[str], date_index: int | None) -> int | None:
    if date_index is None:
        return None
    before = date_index - 1
    if before >= 0 and _is_signature(front[before]):
        return before
    return date_index


def _is_signature(line: str) -> bool:
    return len(squeeze(line)) <= MAX_SIGNATURE_LENGTH and bool(_ORG_END.search(squeeze(line)))


def _issuer(
    front: list[str], tail: list[str], date_index: int | None, title: str | None
) -> str | None:
    if date_index is not None:
        line = front[date_index]
        match = DATE.search(line)
        same_line = squeeze(line.replace(match.group(), "")) if match else ""
        if same_line:
            return same_line
        if date_index > 0 and _is_signature(front[date_index - 1]):
            return squeeze(front[date_index - 1])
    for line in front[:5]:
        match = _HEADER.match(squeeze(line))
        if match:
            return match.group(1)
    for index, line in enumerate(tail):
        if _PRINTED.search(line) and index > 0 and _is_signature(tail[index - 1]):
            return squeeze(tail[index - 1])
    if title and "关于" in title:
        prefix = title.split("关于", 1)[0]
        return prefix or None
    return None


def _attachments(front: list[str], start: int) -> tuple[list[str], int | None]:
    for index in range(start, len(front)):
        match = _ATTACHMENTS.match(front[index])
        if not match:
            continue
        lines = [match.group(1)]
        for line in front[index + 1 :]:
            if not _NUMBERED.match(line):
                break
            lines.append(line)
        text = " ".join(lines)
        names = [remove_cjk_spaces(part) for part in _NUMBER_SPLIT.split(text)]
        return [name for name in names if name], index
    return [], None


def _public(lines: list[str]) -> bool | None:
    for line in lines:
        match = _PUBLIC.search(line)
        if match:
            return not _NOT_PUBLIC.search(match.group())
    return None


def _body(lines: list[str]) -> str | None:
    """The body paragraphs; a line cut mid-sentence is joined to the next."""
    text = ""
    for line in lines:
        line = line.strip(EDGE)
        if not line:
            continue
        if text and text[-1] in _TERMINAL:
            text += "\n"
        text += line
    return text or None


def _printed(lines: list[str]) -> str | None:
    for line in lines:
        match = _PRINTED.search(line)
        if match:
            return iso_date(match)
    return None


def _cc(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        match = _CC.match(line)
        if not match:
            continue
        text = match.group(1)
        for more in lines[index + 1 :]:
            if text.rstrip(EDGE).endswith("。") or _PRINTED.search(more) or _is_signature(more):
                break
            text += more
        return _split_list(text)
    return []
