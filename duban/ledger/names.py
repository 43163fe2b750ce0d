"""Unit and official names as they are stored and matched: pure functions on strings.

Bracketed names. Notices print a unit's second nameplate in brackets after its name:
区府办（区大数据发展管理局）, 区财政局（区国资办）. The rule (see `canonical_names`): a bracketed
suffix is an alias of its base unit when the base is already a unit (or alias) in the registry,
when the notice also prints the base without brackets (as a unit or as a body a remark says
leads), or when the notice prints the base with two or more different brackets. Otherwise the
full name stays a unit of its own, since the bracket may be part of its identity; the office
can merge it later (`merge_units`).
"""

import re
from collections import defaultdict
from collections.abc import Iterable

from duban.ledger.choices import UnitKind

_SPACE = re.compile(r"\s+")
# Spaces matter only between two Latin letters or digits ("IT Center"); elsewhere they are
# artefacts of line wrapping and justified text ("区 交通运输局").
_INNER_SPACE = re.compile(r"(?<![A-Za-z0-9])\s+|\s+(?![A-Za-z0-9])")
_FULLWIDTH_ALNUM = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF5B) if chr(c).isalnum()}
_BRACKETS = str.maketrans({"(": "（", ")": "）", "［": "【", "]": "】", "[": "【"})
_SUFFIX = re.compile(r"^(?P<base>.+?)（(?P<note>[^（）]+)）$")

_PLACEHOLDER = re.compile(
    r"^(各|相关|有关|其他|其它|涉及)"
    r"|(相关单位|有关单位|相关部门|有关部门|成员单位|责任单位|相关街镇|各街镇)$"
    r"|等单位$"
)
_KIND_PATTERNS = [
    (UnitKind.SUBDISTRICT, re.compile(r"街道(办事处)?$")),
    (UnitKind.TOWN, re.compile(r"[镇乡](人民政府)?$")),
    (UnitKind.MUNICIPAL_BRANCH, re.compile(r"^市.+分局$|(分局|大队|支队|支行|分行|海关)$")),
    # The party committee of the notice's level or another: 区委…, 市委…, 团县委.
    (UnitKind.PARTY_BODY, re.compile(r"^团?[区市县州省旗]委|(党委|党工委|纪委|监委)$")),
    (
        UnitKind.MASS_ORGANISATION,
        re.compile(r"(残联|科协|妇联|工会|侨联|文联|工商联|红十字会)$"),
    ),
    (UnitKind.STATE_COMPANY, re.compile(r"(集团|公司)$")),
    (UnitKind.DISTRICT_DEPARTMENT, re.compile(r"(局|办|委|中心|室|院|馆|站|所|队|会)$")),
]


def _fold_quotes(name: str) -> str:
    # Straight quotes become Chinese ones, opening and closing in turn.
    out, double, single = [], False, False
    for ch in name:
        if ch == '"':
            double = not double
            ch = "“" if double else "”"
        elif ch == "'":
            single = not single
            ch = "‘" if single else "’"
        out.append(ch)
    return "".join(out)


def normalise_name(name: str) -> str:
    """The form a unit or official name is stored and matched in.

    Brackets are folded to full width, straight quotes to Chinese ones, full-width letters
    and digits to ASCII; stray spaces and a trailing lead marker (*) are removed.
    """
    name = _SPACE.sub(" ", name).strip().rstrip("*＊ ").strip()
    name = _INNER_SPACE.sub("", name)
    name = name.translate(_FULLWIDTH_ALNUM).translate(_BRACKETS)
    return _fold_quotes(name)


def split_suffix(name: str) -> tuple[str, str] | None:
    """("区府办", "区大数据发展管理局") for 区府办（区大数据发展管理局）, None without a bracket."""
    match = _SUFFIX.match(normalise_name(name))
    if match is None:
        return None
    return match["base"], match["note"]


def is_placeholder(name: str) -> bool:
    """Whether the name stands for several units (相关街镇, 各相关单位, …其他成员单位)."""
    return bool(_PLACEHOLDER.search(normalise_name(name)))


def infer_kind(name: str) -> str:
    """The kind of unit a name suggests, from generic patterns; OTHER when none fits."""
    name = normalise_name(name)
    if is_placeholder(name):
        return UnitKind.PLACEHOLDER
    parts = split_suffix(name)
    base = parts[0] if parts else name
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(base):
            return kind
    return UnitKind.OTHER


def canonical_names(names: Iterable[str], known: Iterable[str] = ()) -> dict[str, tuple[str, str]]:
    """Map each name (normalised) to (canonical name, note) by the bracket rule above.

    `names` are every unit and body name printed in the notice; `known` the names and
    aliases already in the registry. The note is the bracket text for an alias, else "".
    """
    printed = {normalise_name(n) for n in names if n.strip()}
    known = {normalise_name(n) for n in known}
    notes_by_base = defaultdict(set)
    for name in printed:
        parts = split_suffix(name)
        if parts and not is_placeholder(name):
            notes_by_base[parts[0]].add(parts[1])
    result = {}
    for name in printed:
        parts = split_suffix(name)
        if name in known or parts is None or is_placeholder(name):
            result[name] = (name, "")
            continue
        base, note = parts
        if base in known or base in printed or len(notes_by_base[base]) > 1:
            result[name] = (base, note)
        else:
            result[name] = (name, "")
    return result


def alias_note(note: str) -> str:
    return f"括注：{note}" if note else ""
