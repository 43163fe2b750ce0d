"""How Chinese government bodies shorten their names, to spot a known unit printed another way.

区住房和城乡建设局 and 区住建局, 区人力资源和社会保障局 and 区人力社保局 are one body. The table
below is general knowledge of how body names abbreviate, not the units of any one notice:
each full form and its usual short forms fold to one key. Keys are compared exactly, then
with RapidFuzz for near spellings; a match is only ever proposed to the office, never merged.
"""

import re
from functools import lru_cache

from opencc import OpenCC
from rapidfuzz import fuzz, process

from duban.ledger.names import is_placeholder, normalise_name

# (the form names fold to, the other forms it is printed in). Longer forms win where they
# overlap, so 农业农村 is not read as 农业 followed by 农村.
ABBREVIATIONS = [
    ("住建", ["住房和城乡建设", "住房城乡建设", "住房与城乡建设"]),
    ("发改", ["发展和改革", "发展改革", "发展与改革"]),
    ("人社", ["人力资源和社会保障", "人力资源社会保障", "人力社保"]),
    ("市场监管", ["市场监督管理"]),
    ("自然资源", ["自然资源和规划", "自然资源规划", "规划和自然资源", "资规"]),
    ("生态环境", ["环境保护", "环保"]),
    ("农业农村", ["农业"]),
    ("文旅", ["文化和旅游", "文化旅游", "文化广电和旅游", "文化广电旅游", "文广旅", "文广新旅"]),
    ("卫健", ["卫生健康", "卫生和健康", "卫生计生", "卫生和计划生育"]),
    ("科技", ["科学技术"]),
    ("经信", ["经济和信息化", "经济信息化"]),
    ("工信", ["工业和信息化", "工业信息化"]),
    ("交通", ["交通运输"]),
    ("应急", ["应急管理"]),
    ("退役军人", ["退役军人事务"]),
    ("国资委", ["国有资产监督管理委员会", "国资监管委"]),
    ("国资", ["国有资产监督管理", "国有资产管理"]),
    ("医保", ["医疗保障"]),
    ("城管", ["城市管理", "城市管理行政执法", "城市管理综合行政执法"]),
    ("综合执法", ["综合行政执法", "行政执法"]),
    ("大数据", ["大数据发展管理", "大数据管理", "数据资源管理"]),
    ("机关事务", ["机关事务管理"]),
    ("政务服务", ["政务服务和数据管理", "政务服务管理", "行政审批服务"]),
    ("人防", ["人民防空"]),
    ("粮食物资", ["粮食和物资储备", "粮食物资储备"]),
    ("投促", ["投资促进"]),
    ("残联", ["残疾人联合会"]),
    ("总工会", []),
    ("妇联", ["妇女联合会"]),
    ("侨联", ["归国华侨联合会"]),
    ("科协", ["科学技术协会"]),
    ("工商联", ["工商业联合会"]),
    ("文联", ["文学艺术界联合会"]),
    ("管委会", ["管理委员会"]),
    ("街道", ["街道办事处"]),
    ("镇", ["镇人民政府", "镇政府"]),
    ("乡", ["乡人民政府", "乡政府"]),
    ("政府办", ["人民政府办公室", "政府办公室"]),
    ("委办", ["委办公室"]),
    ("政府", ["人民政府"]),
    ("委", ["委员会"]),
    ("办", ["办公室"]),
]
# 中国共产党X区委员会 → 区委, 共青团X区委 → 团区委; the place is dropped with the level below.
# (Matched after folding, so 委员会 already reads 委.)
_PARTY = re.compile(r"^中国共产党(?P<place>.*?)(?P<level>[省市区县旗])委")
_YOUTH = re.compile(r"^(?:中国)?共产主义青年团|^共青团|^团(?=[省市区县])")
# A place name and its level (杭州市西湖区, 西湖区) before the body. A place does not start
# with a level (区城市更新局 is 区 + 城市更新局), and 市场 is a body, not a level.
_PLACE = re.compile(
    r"^(?:(?![省市区县])[\u4e00-\u9fff]{2,6}?(?:省|自治区|市|自治州|州|盟|区|县|旗))+"
)
_LEVEL = re.compile(r"^(?P<level>[省市区县])(?!场)")
# Names that differ in a number or a direction (第一/第二中学, 东湖/西湖街道) are different bodies
# however alike they read.
_DISTINCT = re.compile(r"[0-9一二三四五六七八九十百零东南西北中上下前后左右内外新老]")
# Short keys differ by one character in 1 of 3 (教育局/体育局), long ones in 1 of 8 at most.
SIMILARITY = 88

_FORMS = {form: short for short, forms in ABBREVIATIONS for form in [short, *forms]}
_FORM_RE = re.compile("|".join(sorted(map(re.escape, _FORMS), key=len, reverse=True)))


@lru_cache(maxsize=1)
def _to_simplified() -> OpenCC:
    return OpenCC("t2s")


@lru_cache(maxsize=4096)
def name_key(name: str) -> tuple[str, str]:
    """(level, body) of a unit name: 杭州市西湖区住房和城乡建设局 → ("区", "住建局").

    The level is the last of 省/市/区/县 printed before the body, "" when none is printed.
    """
    # Folded first, so that a level inside a long form (城市管理) is not taken for a place.
    name = _FORM_RE.sub(lambda m: _FORMS[m[0]], _to_simplified().convert(normalise_name(name)))
    level = ""
    if party := _PARTY.match(name):
        name, level = party["level"] + "委" + name[party.end() :], party["level"]
    youth = _YOUTH.match(name)
    if youth:
        name = name[youth.end() :]
    if place := _PLACE.match(name):
        if len(name) > place.end():
            level, name = place[0][-1], name[place.end() :]
    elif lead := _LEVEL.match(name):
        level, name = lead["level"], name[lead.end() :]
    return level, "团" + name if youth else name


def same_level(a: str, b: str) -> bool:
    return not a or not b or a == b


def likely_same(name: str, other: str) -> bool:
    """Whether two unit names probably name one body (by the table, then by near spelling)."""
    (level, body), (other_level, other_body) = name_key(name), name_key(other)
    if not same_level(level, other_level):
        return False
    if body == other_body:
        return True
    return _near(body, other_body)


def _near(body: str, other: str) -> bool:
    if _DISTINCT.findall(body) != _DISTINCT.findall(other):
        return False
    return fuzz.ratio(body, other) >= SIMILARITY


def propose(new_names: list[str], known: dict[str, str]) -> dict[str, str]:
    """For each new name, the known unit it probably is: {new name: unit name}.

    `known` maps every registry name and alias to its unit's name. Placeholders (相关单位)
    and names that could be more than one known unit are left out.
    """
    keys: dict[tuple[str, str], set[str]] = {}
    for name, unit in known.items():
        if not is_placeholder(name):
            keys.setdefault(name_key(name), set()).add(unit)
    bodies = sorted({body for _, body in keys})
    proposals = {}
    for name in new_names:
        if is_placeholder(name):
            continue
        level, body = name_key(name)
        units = {
            u for (lv, b), us in keys.items() if b == body and same_level(level, lv) for u in us
        }
        if not units:
            near = process.extract(body, bodies, scorer=fuzz.ratio, score_cutoff=SIMILARITY)
            units = {
                u
                for candidate, _, _ in near
                if _near(body, candidate)
                for (lv, b), us in keys.items()
                if b == candidate and same_level(level, lv)
                for u in us
            }
        if len(units) == 1:
            proposals[name] = units.pop()
    return proposals
