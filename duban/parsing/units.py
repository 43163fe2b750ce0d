"""Split a 责任单位 cell into units with their role, and read lead overrides from remarks."""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from duban.parsing.model import JOINT, LEAD, SUPPORT, Unit
from duban.parsing.text import EDGE, squeeze

_OPEN = "（([【〔“‘「『《"
_CLOSE = "）)]】〕”’」』》"
_HARD = "、，,；;"
HARD_SEPARATOR = re.compile(r"([、，,；;])")
# Clauses of a cell, each with its own role word; an ASCII comma often stands for 「、」.
_CLAUSE_SEPARATOR = re.compile(r"([，；;])")
# An ASCII comma ends a clause after a role word: 「A主办,B、C协办」 (a web copy's NFKC).
_ROLE_COMMA = re.compile(r"(牵头|主办|主责|配合|协办|协同|协助|参与|负责)\s*,")
SPACE = re.compile(r"(\s)")
_NESTING = re.compile(r'[（(\[【〔“‘「『《"]')
# Trailing words such as 「配合落实」 are at most this long; longer parts are never short units.
_SHORT_PART = 6
# What marks a lead unit beside its name: 「区发改局*」, 「★县财政局」, 「县教育局▲」.
_STARS = "*＊★☆▲"

# Genre knowledge: how the names of government bodies end and begin.
_UNIT_END = re.compile(
    r"(局|办|委|部|中心|街道|街镇|镇|乡|队|会|集团|院|所|站|公司|团|厅|处|科|室|组|馆|社|银行|支行|分行|署|司|海关"
    r"|部门|单位|管理区|园区|新区|片区|保税区|试验区|示范区|合作区"
    r"|台|开发区|高新区|政府|法院|联|协|校|单位|机构|企业|平台|区块)$"
)
# A fragment opening with a generic head noun (「服务中心」) finishes the name before it.
_GENERIC_START = re.compile(
    r"^(?:服务|管理|建设|发展|办公|工作|指挥|领导|促进|保障|执法|监督|委员|中心|办事|事务)"
)
_UNIT_START = re.compile(r"^(区|市|县|省|镇|乡|中共|共青团|团|国家|各|相关|有关|全)")
_UNNAMED_PLACE_BODY = re.compile(r"^(?:乡镇|镇|乡|街道|社区|村)(?:人民政府|政府|办事处|管委会)$")
_PLACE_END = re.compile(r"(街道|街镇|镇|乡)$")
_PLACE_BODY = re.compile(r"(街道|镇|乡|区|县|市)(?:人民政府|政府|管委会|管理委员会|办事处)$")
# Places of one level, which may share the body printed after the last of them.
_PEERS = {
    "街道": ("街道",),
    "镇": ("镇", "乡"),
    "乡": ("镇", "乡"),
    "区": ("区", "县"),
    "县": ("区", "县"),
    "市": ("市",),
}
_TRAILING_BRACKETS = re.compile(r"[（(][^（()）]*[）)]$")

_NOTE = re.compile(
    r"[（(]([^（()）]*(?:(?:第一|首)[^（()）]*(?:牵头|汇总|主办)|下同)[^（()）]*)[）)]"
)
FIRST_IS_LEAD = re.compile(
    r"(?:第一|首)位?[^，。；,;]{0,6}?(?:为|是)[^，。；,;]{0,8}?(?:牵头|主办)"
)
_CARRY = re.compile(r"下同")

_TRAILING_WORDS = re.compile(
    r"(?:等(?:相关|有关)?(?:单位|部门)?"
    r"|(?P<support>配合落实|配合实施|配合|协助|协办|协同|参与)|(?P<lead>牵头负责|牵头落实|牵头|主办|主责)"
    r"|按(?:各自)?职(?:责|能)(?:分工)?(?:负责|落实)?|负责落实|负责|落实)$"
)

# A role label inside a unit cell; 「责任单位：」 keeps the column's role. Opening a clause, a
# label ending in its noun needs no colon: 「牵头单位区水务局；参与单位各镇（街道）」.
_ROLE_LABEL = re.compile(
    r"(牵头|主办|主责|配合|协办|协助|参与|责任)(?:单位|部门)?\s*[：:]"
    r"|(?:^|(?<=[；;，,\s]))(牵头|主办|主责|配合|协办|协助|参与)(?:单位|部门)(?=\S)"
)
# A role label a narrow column wrapped inside its word: 「…局 配\n合：区商务局」.
_WRAPPED_ROLE = re.compile(r"([牵主配协参])\n([头办责合同助与])(?=(?:单位|部门)?\s*[：:])")
_LABEL_ROLES = {
    "牵头": LEAD,
    "主办": LEAD,
    "主责": LEAD,
    "配合": SUPPORT,
    "协办": SUPPORT,
    "协助": SUPPORT,
    "参与": SUPPORT,
}
_BRACKETED_ROLE = re.compile(r"[（(]((?:牵头|主责|配合|协助|协办|参与)[^（()）]{0,2})[）)]$")

# A remark moving the lead: 「…，由区委办（区委改革办）、区委政法委牵头。」, 「由A、B共同牵头」.
_OVERRIDE = re.compile(r"([^，。；,;：:]+?)(?:共同|联合|统筹)?牵头")


@dataclass(slots=True)
class UnitCell:
    """The units of one cell, and any first-is-lead note printed in it."""

    units: list[Unit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    first_is_lead: bool = False
    carries: bool = False


def split_top(text: str, separator: re.Pattern) -> list[tuple[str, str]]:
    """Split on a one-character `separator` pattern, never inside brackets or quotes.

    Returns (part, separator after it) pairs, so the parts can be put back as printed.
    """
    if not _NESTING.search(text):
        pieces = separator.split(text)
        return [
            (pieces[i], pieces[i + 1] if i + 1 < len(pieces) else "")
            for i in range(0, len(pieces), 2)
        ]
    parts, current, depth, in_ascii_quote = [], [], 0, False
    for char in text:
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char == '"':
            in_ascii_quote = not in_ascii_quote
        if depth == 0 and not in_ascii_quote and separator.match(char):
            parts.append(("".join(current), char))
            current = []
        else:
            current.append(char)
    parts.append(("".join(current), ""))
    return parts


def _bare(name: str) -> str:
    """The name without its * marker and trailing bracket, for the shape rules."""
    name = squeeze(name).strip(_STARS)
    return _TRAILING_BRACKETS.sub("", name) or name


def _stands_alone(fragment: str) -> bool:
    bare = _bare(fragment)
    return len(bare) > 2 and bool(_UNIT_END.search(bare))


def _starts_new(fragment: str) -> bool:
    """Whether a fragment after a line break or space begins a unit of its own.

    Only a jurisdiction or placeholder prefix (区…, 市…, 各…) or a place name ending in
    街道/镇/乡 does; 「鹿城分局」 or 「政执法局」 continue the name before them.
    """
    bare = _bare(fragment)
    if _UNIT_START.match(bare):
        return True
    return len(bare) > 2 and bool(_PLACE_END.search(bare)) and not _GENERIC_START.match(bare)


def _glue(
    pieces: list[tuple[str, str]], separators_present: bool, line_per_unit: bool
) -> list[str]:
    """Rejoin a name broken by a line break or a stray space, keeping the raw text.

    With `line_per_unit` (a Word or Excel cell, whose line breaks are typed, not wrapped),
    a line that is a whole name by itself is a unit of its own: 「发改局\n财政局」.
    """
    fragments: list[str] = []
    gap = ""
    for piece, separator in pieces:
        if piece:
            starless = piece.strip(_STARS) == ""
            own_line = line_per_unit and "\n" in gap and _stands_alone(piece)
            if fragments and (
                starless
                or separators_present
                or not (_stands_alone(fragments[-1]) and (own_line or _starts_new(piece)))
            ):
                fragments[-1] += gap + piece
            else:
                fragments.append(piece)
            gap = ""
        gap += separator
    return fragments


def _clean(raw: str) -> tuple[str, str | None]:
    """The unit name without markers or trailing words, and the role those words give."""
    name = squeeze(raw)
    if not any(char.isalnum() for char in name):
        return "", None  # 「/」, 「—」: a cell that says there is none
    role = None
    if any(star in name for star in _STARS):
        role = LEAD
        name = name.translate({ord(star): None for star in _STARS})
    if name.startswith("由"):
        name = name[1:]
    # 「区财政局（牵头）」 marks the role as the trailing word 「牵头」 does.
    name = _BRACKETED_ROLE.sub(r"\1", name)
    # Words pile up: 「市财政局等按职责分工负责」; the last one says the role.
    word_role = None
    while (match := _TRAILING_WORDS.search(name)) and match.start() >= 2:
        name = name[: match.start()]
        if word_role is None and match.group("support"):
            word_role = SUPPORT
        elif word_role is None and match.group("lead"):
            word_role = LEAD
    return name, word_role or role


def segments(text: str) -> list[str]:
    """Parts between 、，；, keeping names that share an affix whole.

    「各区、县（市）政府」 and 「各乡、镇人民政府」 share a suffix, 「人民大垸、荒湖管理区」 too (a part
    that does not end like a body, before one that does); 「省政府各部门、各直属机构」 shares
    the prefix 「省政府」. 「各地、各部门」 and 「市统计局、市市场监管局」 are two names each.
    """
    pieces = [(part.strip(EDGE), separator) for part, separator in split_top(text, HARD_SEPARATOR)]
    pieces = [(part, separator) for part, separator in pieces if part]
    found: list[str] = []
    carried = ""
    before = ""  # the separator after the last part found
    for index, (part, separator) in enumerate(pieces):
        following = _suffix_holder(pieces[index + 1 :])
        if following is not None and separator and _shares_suffix(part, separator, following):
            carried += part + separator
            continue
        if not carried and before == "、" and _shares_prefix(found[-1], part):
            found[-1] += before + part
        else:
            found.append(carried + part)
        carried, before = "", separator
    if carried:
        found.append(carried.rstrip(_HARD))
    return found


def _suffix_holder(pieces: list[tuple[str, str]]) -> str | None:
    """The part that may print the suffix the parts before it share: the next one, or past
    places that do not end like a body, 「涪城区、游仙区、安州区人民政府」's last."""
    for part, separator in pieces:
        if separator != "、" or _UNIT_END.search(_bare(_clean(part)[0])):
            return part
    return pieces[-1][0] if pieces else None


def _shares_prefix(previous: str, part: str) -> bool:
    """「省政府各部门、各直属机构」: 各直属机构 belongs to the 省政府 printed before 各部门.

    Only a body shares itself so: 「省直各部门、各市县政府」 are two names. A short bare noun
    after 「各…」 shares its 各: 「各嘎查村、社区」.
    """
    if previous.startswith("各") and len(part) <= _SHORT_PART - 2 and not _UNIT_START.match(part):
        return True  # 「各嘎查村、社区」: 各 goes for both, as 「各村、社区」 is written
    if previous.startswith("各") and _UNNAMED_PLACE_BODY.match(part):
        return True  # 「各街道办事处、镇人民政府」: a town's government, of no town named
    prefix = previous[: max(previous.find("各"), 0)]
    return part.startswith("各") and bool(_UNIT_END.search(prefix))


def _shares_suffix(part: str, separator: str, following: str) -> bool:
    # 「城关镇、柳陂镇人民政府」, 「经济技术开发区、高新区管委会」, 「姚伏镇、通伏乡人民政府」:
    # places of one level, the body printed once after the last.
    body = _PLACE_BODY.search(_bare(_clean(following)[0]))
    if separator == "、" and body and _bare(_clean(part)[0]).endswith(_PEERS[body.group(1)]):
        return True
    bare = _bare(_clean(part)[0]) if len(part) <= _SHORT_PART else part
    if len(bare) <= 2 and not bare.startswith("各"):
        return not _UNIT_END.search(bare)
    if following.startswith("各"):
        return False
    if len(bare) <= 2:
        return True
    bare = _bare(_clean(part)[0])
    return (
        separator == "、"
        and not _UNIT_START.match(bare)
        and not _UNIT_END.search(bare)
        and bool(_UNIT_END.search(_bare(_clean(following)[0])))
    )


def _fragments(text: str, line_per_unit: bool) -> list[str]:
    parts = segments(text)
    several = len(parts) > 1
    fragments: list[str] = []
    for segment in parts:
        fragments.extend(_glue(split_top(segment, SPACE), several, line_per_unit))
    return fragments


class _Reading(NamedTuple):
    """What a cell's text says by itself, before the column's role is applied."""

    units: tuple[tuple[str, str, str | None], ...]  # (name, raw, role its words give)
    notes: tuple[str, ...]
    first_is_lead: bool
    carries: bool


@lru_cache(maxsize=4096)
def _read_cell(text: str, line_per_unit: bool) -> _Reading:
    # The same cells (「区发改局」) recur row after row and notice after notice.
    notes, first_is_lead, carries = [], False, False
    for match in _NOTE.finditer(text):
        notes.append(match.group(1).strip(EDGE))
        if FIRST_IS_LEAD.search(match.group(1)):
            first_is_lead = True
            carries = bool(_CARRY.search(match.group(1)))
    units = []
    text = _ROLE_COMMA.sub(r"\1，", _NOTE.sub("", text))
    for clause, _ in split_top(text, _CLAUSE_SEPARATOR):
        found = []
        for fragment in _fragments(clause, line_per_unit):
            name, word_role = _clean(fragment)
            if name:
                found.append((name, fragment.strip(EDGE), word_role))
        # 「市发改委、市住建局牵头，…」: a 牵头 ending a clause is for all its units; a star,
        # a bracket (「区财政局（牵头）」) or a helper word (「团市委配合」) marks only its own.
        shared = None
        if found and found[-1][2] == LEAD and found[-1][1][-1] not in _CLOSE + _STARS:
            shared = LEAD
        units.extend((name, raw, word_role or shared) for name, raw, word_role in found)
    return _Reading(tuple(units), tuple(notes), first_is_lead, carries)


def split_units(
    text: str, role: str | None = None, first_is_lead: bool = False, line_per_unit: bool = False
) -> UnitCell:
    """Units of a cell in order. `role` is the role of the column (牵头单位/配合单位);
    `line_per_unit` says the cell's line breaks were typed (Word, Excel), not wrapped.

    A cell may label its parts itself: 「牵头：区大数据局\n配合：区发改委、区财政局」.
    """
    if not line_per_unit:
        text = _WRAPPED_ROLE.sub(r"\1\2", text)
    found = list(_ROLE_LABEL.finditer(text))
    if not found:
        return _split_plain(text, role, first_is_lead, line_per_unit)
    cell = UnitCell()
    starts = [
        (0, role),
        *(
            (match.end(), _LABEL_ROLES.get(match.group(1) or match.group(2), role))
            for match in found
        ),
    ]
    if role is None and any(part_role == LEAD for _, part_role in starts):
        # Beside a labelled lead, the 「责任单位：」 part holds the others.
        starts = [(start, part_role or SUPPORT) for start, part_role in starts]
    ends = [match.start() for match in found] + [len(text)]
    for (start, part_role), end in zip(starts, ends, strict=True):
        part = text[start:end].strip(EDGE + _HARD)
        if not part:
            continue
        more = _split_plain(part, part_role, first_is_lead, line_per_unit)
        cell.units.extend(more.units)
        cell.notes.extend(more.notes)
        cell.first_is_lead |= more.first_is_lead
        cell.carries |= more.carries
    return cell


def _split_plain(text: str, role: str | None, first_is_lead: bool, line_per_unit: bool) -> UnitCell:
    reading = _read_cell(text, line_per_unit)
    cell = UnitCell(
        units=[Unit(name=name, role=JOINT, raw=raw) for name, raw, _ in reading.units],
        notes=list(reading.notes),
        first_is_lead=reading.first_is_lead,
        carries=reading.carries,
    )
    marked = [word_role for _, _, word_role in reading.units]
    _assign_roles(cell.units, marked, role, first_is_lead or cell.first_is_lead)
    return cell


def _assign_roles(units: list[Unit], marked: list, role: str | None, first_is_lead: bool) -> None:
    if role is not None:
        for unit in units:
            unit.role = role
        return
    if any(marked):
        # A unit marked as lead or as helper makes the unmarked ones the other kind,
        # unless the first-is-lead rule already names the lead: then the others help.
        by_position = first_is_lead and LEAD not in marked and not marked[0]
        rest = SUPPORT if LEAD in marked or by_position else LEAD
        for unit, mark in zip(units, marked, strict=True):
            unit.role = mark or rest
        if by_position:
            units[0].role = LEAD
        return
    if first_is_lead and units:
        units[0].role = LEAD
        for unit in units[1:]:
            unit.role = SUPPORT


def names_units(text: str) -> bool:
    """Whether a text is a list of unit names and nothing else (role words aside)."""
    units = split_units(text).units
    return bool(units) and all(_UNIT_END.search(_bare(unit.name)) for unit in units)


def finishes_names(units: str, line: str) -> bool:
    """Whether `line` goes on with the units line before it, wrapped inside a name
    (「…、区规划」 + 「资源局、区财政局」) or after a separator (「…、」 + 「区财政局」)."""
    units, line = units.rstrip(), line.strip()
    if not units or not names_units(line):
        return False
    if units[-1] in "、，,":
        return True
    tail = HARD_SEPARATOR.split(units)[-1]
    head = HARD_SEPARATOR.split(line)[0]
    return not _stands_alone(tail) and _stands_alone(tail + head)


def lead_override(remark: str | None) -> list[str]:
    """Bodies that a remark names as leading instead: 「…由区委政法委牵头。」."""
    if not remark:
        return []
    names: list[str] = []
    for match in _OVERRIDE.finditer(remark):
        clause = match.group(1)
        clause = clause[clause.rfind("由") + 1 :]
        for unit in split_units(clause).units:
            # Only names shaped like bodies: 「列第一位者为牵头单位」 names none.
            if unit.name not in names and _UNIT_END.search(_bare(unit.name)):
                names.append(unit.name)
    return names
