"""Words of the genre: units, verbs, adverbs and comparators of Chinese work-report targets."""

import re


def alternation(words) -> str:
    # Longest first so that 改造提升 wins over 改造 and 个位次 over 个.
    return "|".join(sorted(map(re.escape, set(words)), key=len, reverse=True))


# Units a target can be counted in; anything else after a number (年, 期, 分钟, 岁, 大, 强, 版,
# 国道, 轮, 天 ...) makes it a date, a name or a slogan rather than a target.
UNITS = """% ％ ‰ 个百分点 百分点 个位次 位次 人次 场次 户次 亿美元 万美元 美元 元 家 个 人 名 位 亩 公顷
平方米 平方公里 立方米 套 台 处 所 座 张 场 幢 栋 间 公里 千米 米 条 管 户 对 项 批 辆 艘 吨 件 次 例 册
篇 只 头 株 棵 块 宗 部 支 倍 千瓦 兆瓦 千伏安 床 微克/立方米""".split()
# Words a one-character unit begins (家庭, 所有): the number before them is not counted in it.
NOT_UNIT_WORDS = frozenset("家庭 人民 户籍 名单 名称 条件 条例 所有 台账 次数".split())
MONEY_UNITS = frozenset({"元", "美元", "万元", "亿元", "万美元", "亿美元"})
PERCENT_UNITS = frozenset({"%", "％", "‰", "个百分点", "百分点"})
# Counting words that put the number before its noun (为 350 个公办中小学教室).
CLASSIFIERS = frozenset(UNITS) - PERCENT_UNITS - MONEY_UNITS - {"倍"}

# Verbs that govern a counted object, with the measure they give (targets.md "measure by verb").
INCREASE_VERBS = ("新增", "净增", "扩增", "增设", "增加", "新增加")
COUNT_VERBS = """新建 建成 新开工 开工 改造 改造提升 提升改造 实施 培育 引进 引育 招引 打造 创建 创成 续创 新创
完成 整治 出让 盘活 交付 培训 举办 开展 打通 落地 建设 筹集 组建 申报 入选 签约 新签约 推进 跟进 提升 实现
改建 扩建 新改建 建立 设立 认定 招收 吸引 安置 培养 选派 发放 治理 修复 种植 造林 清理 拆除 征收
减免 收储 安排 投入 争取 储备 开通 接种 筛查 签订 招聘 吸纳 资助 新开 创成 争创 认证 评选 推动
提质 承办 建设筹集 实施改造 落实 开工建设 申报入选 新建改建 新开工建设 接待 新引进 新培育 新招引 新认定 为""".split()
GOVERNING_VERBS = {verb: "increase" for verb in INCREASE_VERBS} | dict.fromkeys(
    COUNT_VERBS, "count"
)
# Nouns that begin like a verb (建设用地 is land, not 建设 + 用地).
_VERB_LIKE_NOUNS = "建设用地 建设项目 培训机构 培训中心 改造项目 实施方案 扩增仪 安置房".split()
GOVERNING_VERB_RE = re.compile(
    rf"(?!{alternation(_VERB_LIKE_NOUNS)})(?:{alternation(GOVERNING_VERBS)})"
)

# Verbs that join the one before them into a compound (新建改造, 引进培育).
SECOND_VERB_RE = re.compile(
    rf"(?!{alternation(_VERB_LIKE_NOUNS)})(?:建设|改造|改建|扩建|提升|培育|引进|筹集|入选|整治|创建)"
)

# Adverbs and modal verbs standing before the governing verb; never part of a metric or text.
MODALS = """确保 力争 努力 全力 加快 着力 大力 积极 有效 持续 继续 进一步 稳步 全面 全域 全程 攻坚 力求
同时 累计 年内 全年 今年 当年 扎实 深入 高标准 高质量 高水平 率先 逐步 切实 预计 其中 并 将""".split()
MODAL_RE = re.compile(alternation(MODALS))
# Time phrases before a target (到2025年, “十四五”期间, 今后五年): not part of a metric.
TIME_PHRASE_RE = re.compile(
    r"(?:到|至|截至|截止)?(?:\d{4}\s*年(?:底|末|前)?|“十[一二三四五六七八九]五”(?:期间|时期|末)?|今后五年|五年内|期间)"
)
# Quantifiers dropped from a metric (targets.md: 各类, 全区).
QUANTIFIER_RE = re.compile(r"全区|我区|本区|全市|全县|各类|各项")

# Predicates between a metric and its number, with the measure they give.
PREDICATES = {
    "年均增长": "growth",
    "增长": "growth",
    "增加": "growth",
    "提高": "growth",
    "上升": "growth",
    "年均下降": "decrease",
    "下降": "decrease",
    "减少": "decrease",
    "降低": "decrease",
    "压减": "decrease",
    "突破": "level",
    "达到": "level",
    "达": "level",
    "超过": "level",
    "超": "level",
    "提高到": "level",
    "提升到": "level",
    "提高至": "level",
    "提升至": "level",
    "增至": "level",
    "降至": "level",
    "降到": "level",
    "稳定在": "level",
    "保持在": "level",
    "稳控在": "level",
    "控制在": "level",
    "维持在": "level",
    "保持": "level",
}
PREDICATE_RE = re.compile(rf"(?:{alternation(PREDICATES)})\s*$")
# Adverbs and comparison bases between a metric and its predicate (较前三年平均数, 继续, 分别).
TRAILING_ADVERB_RE = re.compile(
    r"(?:(?:较|比)(?:前|上|去|同期|基期|\d)[^，。；]*|同比|继续|稳步|分别|持续|进一步|力争|确保|每年|逐年|均|再|将)+\s*$"
)

PREFIX_COMPARATORS = {
    "不少于": ">=",
    "不低于": ">=",
    "至少": ">=",
    "超过": ">=",
    "突破": ">",
    "超": ">",
    "高于": ">",
    "多于": ">",
    "不超过": "<=",
    "不高于": "<=",
    "低于": "<",
    "少于": "<",
}
PREFIX_COMPARATOR_RE = re.compile(rf"(?:{alternation(PREFIX_COMPARATORS)})\s*$")
SUFFIX_COMPARATORS = {
    "及以上": ">=",
    "以上": ">=",
    "及以下": "<=",
    "以下": "<=",
    "以内": "<=",
    "左右": "=",
}
SUFFIX_COMPARATOR_RE = re.compile(rf"\s*(?:{alternation(SUFFIX_COMPARATORS)})")

# Heads of indicators whose percentage changes are stated one per item (事故起数和死亡人数…下降20%).
INDICATOR_HEAD_RE = re.compile(
    r"(?:数|额|量|率|值|收入|投资|产值|支出|规模|比重|价格|指数|消费|面积|产量|总值)$"
)
# Heads that a list of indicators shares, written once after the last item.
SHARED_HEAD_RE = re.compile(
    r"(?:居民人均可支配收入|人均可支配收入|可支配收入|增加值|总产值|产值|营业收入|零售总额|收入|投资|利润|税收|产量)$"
)
# Metric endings naming a rate or ratio, held at a level as a share.
RATE_RE = re.compile(r"(?:率|比重|占比|比例|覆盖面|覆盖率)$")
# Verbs ending a counted noun phrase before its object (为 350 个公办中小学教室安装空调).
NOUN_STOP_RE = re.compile(r"的|安装|加装|实施|建成|投用|开展|配备|配置|完成|实现|纳入|接入")
# Verbs joining a subject to the ranking it enters (经济综合实力进入全省城区排名前 10 名).
RANK_VERB_RE = re.compile(r"进入|位居|位列|跻身|保持|稳居")
# Verbs before the subject of a predicate (实现规上工业增加值增长 9%); not part of the metric.
PREDICATE_LEAD_RE = re.compile(r"实现|推动|促进|保持|推进|力争|确保|争取|完成")
# Generic nouns that stand for an indicator named earlier in the sentence
# (增加保障性租赁住房供给，建设筹集住房 7560 套以上 → 保障性租赁住房).
GENERIC_NOUNS = frozenset({"住房", "房源", "项目", "资金", "用地"})
