"""Leaders named in section headings, leader columns and 「牵头市领导：…」 lines."""

import re

from duban.parsing.model import Leader
from duban.parsing.text import EDGE, squeeze

# Genre vocabulary of official titles, longest first so 「常务副区长」 wins over 「副区长」.
_TITLE_WORDS = sorted(
    {
        f"{prefix}{office}"
        for prefix in ("", "常务", "副", "常务副", "党组", "党工委", "党委")
        for office in (
            "区长",
            "市长",
            "县长",
            "州长",
            "省长",
            "镇长",
            "乡长",
            "书记",
            "主任",
            "部长",
            "秘书长",
            "主席",
            "院长",
            "检察长",
            "局长",
            "组长",
            "政委",
            "旗长",
        )
    }
    | {
        "常委",
        "区委常委",
        "市委常委",
        "县委常委",
        "委员",
        "区委书记",
        "市委书记",
        "县委书记",
        "区委副书记",
        "市委副书记",
        "县委副书记",
        "巡视员",
        "一级巡视员",
        "二级巡视员",
        "调研员",
        "总经济师",
        "总工程师",
        "总会计师",
        "党组成员",
        "同志",
    }
    # 「区政府党组成员王明」: a member of the government's party group, not yet a deputy.
    | {f"{level}政府党组成员" for level in ("省", "市", "区", "县", "州", "旗")},
    key=len,
    reverse=True,
)
_TITLE = "|".join(map(re.escape, _TITLE_WORDS))
_TRAILING_TITLE = re.compile(rf"(?:{_TITLE})$")
_LEADING_TITLE = re.compile(rf"^(?:{_TITLE})")
_SEPARATORS = re.compile(r"[、，,；;/／]")
# A Han name, or a name in Han transliteration whose parts a middle dot joins (努尔兰·哈力木).
_NAME = re.compile(
    r"^[\u4e00-\u9fff]{2,5}$|^[\u4e00-\u9fff]{1,6}(?:[·・•][\u4e00-\u9fff]{1,6}){1,2}$"
)
# A body before a title, 「区公安分局局长」: a post the leader before it also holds.
_BODY = re.compile(r"^[区市县省州旗][\u4e00-\u9fff]*(?:局|委|办|部|院|厅|政府|中心)$")
# 「一、林杰常委、常务副区长牵头重点工作」: the leaders stand before 牵头 or 主抓.
_LEADING_VERB = re.compile(r"^(.+?)(?:共同|联合)?(?:牵头|主抓|负责|分管|联系)")
_BRACKETED_TITLE = re.compile(rf"[（(]((?:{_TITLE})+)[）)]$")
_TRAILING_BRACKET = re.compile(r"[（(]([^（()）]+)[）)]\s*$")
# A note after a leader's name, 「张三副市长（5项）」: not part of the name.
_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[）)]$")
_LEADER_LABEL = re.compile(r"(?:牵头|责任|分管|联系)(?:市|区|县|省)?领导\s*[：:]\s*([^）)；;。]+)")


# The common Chinese surnames: general knowledge to tell a bare name from a short word.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左"
    "柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
    "解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬"
    "边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原"
    "栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索"
    "宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危"
    "玉银亢嵇公哈湛宾戎勾茅利揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由洪鄂"
)
_COMPOUND_SURNAMES = frozenset(
    {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "尉迟", "长孙", "慕容", "司徒", "夏侯"}
)


def has_surname(name: str) -> bool:
    """Whether a name opens with a common surname (「王」, 「欧阳」)."""
    return name[:2] in _COMPOUND_SURNAMES or name[:1] in _SURNAMES


def parse_leaders(text: str) -> list[Leader]:
    """Leaders in 「张三、李四」, 「林杰常委、常务副区长」 or 「常务副区长林杰」; [] if none."""
    leaders: list[Leader] = []
    pending_titles: list[str] = []
    for piece in (part for piece in _SEPARATORS.split(text) for part in _spaced_names(piece)):
        name, titles = _strip_titles(_join_padded_name(piece))
        if not name:
            if leaders:
                leaders[-1].titles.extend(titles)
            else:
                pending_titles.extend(titles)
            continue
        if _BODY.match(name):
            if not (titles and leaders):
                return []  # 「区公安分局局长」 alone names an office, not a person
            leaders[-1].titles.append(name + "".join(titles))
            continue
        # 「陈副市长」: a surname and a title name the person as notices often do.
        if not _NAME.match(name) and not (len(name) == 1 and titles and has_surname(name)):
            return []
        leaders.append(Leader(name=name, titles=pending_titles + titles))
        pending_titles = []
    return leaders


def _spaced_names(piece: str) -> list[str]:
    """「张明 李建华」: whole names a space parts (a cell's two lines) are two leaders; 「张 伟」
    is one name padded."""
    words = piece.split()
    if len(words) > 1 and all(2 <= len(word) <= 4 and has_surname(word) for word in words):
        return words
    return [piece]


def _join_padded_name(piece: str) -> str:
    """「张 伟」 is one padded name; 「张三 李四」 would be two and is not guessed at.

    A title in brackets (「张三（副区长）」) reads as a title after the name; other brackets
    (「（5项）」) are notes and are left out.
    """
    return _TRAILING_NOTE.sub("", _BRACKETED_TITLE.sub(r"\1", squeeze(piece.strip(EDGE))))


def _strip_titles(piece: str) -> tuple[str, list[str]]:
    leading: list[str] = []
    trailing: list[str] = []
    while match := _LEADING_TITLE.match(piece):
        if len(piece) == match.end() or match.group() == "同志":
            break
        leading.append(match.group())
        piece = piece[match.end() :]
    while match := _TRAILING_TITLE.search(piece):
        trailing.insert(0, match.group())
        piece = piece[: match.start()]
    titles = [title for title in leading + trailing if title != "同志"]
    return piece, titles


def heading_leaders(heading: str) -> list[Leader]:
    """The leaders a section heading names (after its number), or []."""
    label = _LEADER_LABEL.search(heading)
    if label:
        return parse_leaders(label.group(1))
    match = _LEADING_VERB.match(heading)
    found = parse_leaders(match.group(1).removeprefix("由")) if match else []
    bracket = _TRAILING_BRACKET.search(heading)
    if not found and bracket:
        # 「一、工业经济（周明副县长牵头）」: the leaders in brackets after the topic.
        found = heading_leaders(bracket.group(1))
    if not found:
        # 「一、孙志强区长（联系：区政府办）」: the heading is the leaders, a note after them.
        found = _titled_only(heading[: bracket.start()] if bracket else heading)
    return found


def _titled_only(text: str) -> list[Leader]:
    """The leaders a text names when it names nothing else, each with a title and a name
    that opens with a surname (「孙志强区长」, not 「区长办公会议」)."""
    found = parse_leaders(text)
    whole = sum(len(leader.name) + sum(map(len, leader.titles)) for leader in found)
    if whole != len(_SEPARATORS.sub("", text.strip())):
        return []
    if all(leader.titles and has_surname(leader.name) for leader in found):
        return found
    return []


def leader_line(text: str) -> list[Leader] | None:
    """Leaders of a 「牵头市领导：张三」 line, or None if the text is not one."""
    match = _LEADER_LABEL.search(text)
    return parse_leaders(match.group(1)) if match else None
