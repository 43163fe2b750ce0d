"""One short sentence per rule of spec/targets.md."""

import json
import time

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duban.parsing.targets import extract_targets


def targets(text: str, plan_kind: str = "annual") -> list[dict]:
    found = extract_targets(text, plan_kind)
    for target in found:
        assert target["text"] in text, target
    return found


def brief(text: str, plan_kind: str = "annual") -> list[tuple]:
    """(metric, measure, comparator, value, unit) of each target, the fields most rules decide."""
    return [
        (t["metric"], t["measure"], t["comparator"], t["value"], t["unit"])
        for t in targets(text, plan_kind)
    ]


def test_a_growth_target_with_its_trailing_comparator():
    assert targets("地区生产总值增长 7%以上。") == [
        {
            "metric": "地区生产总值",
            "measure": "growth",
            "comparator": ">=",
            "value": 7,
            "unit": "%",
            "period": "annual",
            "text": "地区生产总值增长 7%以上",
        }
    ]


def test_fenbie_gives_one_target_per_metric_of_the_list():
    text = "制造业投资、高新技术产业投资、生态环境和公共设施投资、民间投资分别增长 12%以上。"
    found = targets(text)
    assert [t["metric"] for t in found] == [
        "制造业投资",
        "高新技术产业投资",
        "生态环境和公共设施投资",
        "民间投资",
    ]
    assert {(t["measure"], t["comparator"], t["value"]) for t in found} == {("growth", ">=", 12)}
    assert found[-1]["text"] == "民间投资分别增长 12%以上"


def test_two_indicators_falling_by_one_rate_are_two_targets():
    assert brief("事故起数和死亡人数较前三年平均数下降20%。") == [
        ("事故起数", "decrease", "=", 20, "%"),
        ("死亡人数", "decrease", "=", 20, "%"),
    ]


def test_one_number_shared_by_a_list_without_fenbie_is_one_target():
    assert brief("培育省市级众创空间、科技企业孵化器 5 家以上。") == [
        ("省市级众创空间、科技企业孵化器", "count", ">=", 5, "家")
    ]


def test_a_shared_verb_and_a_trailing_yishang_reach_every_item_of_the_list():
    found = targets("新增高新技术企业 50 家、科技型中小企业 150 家以上。")
    assert [(t["metric"], t["measure"], t["comparator"]) for t in found] == [
        ("高新技术企业", "increase", ">="),
        ("科技型中小企业", "increase", ">="),
    ]
    assert [t["text"] for t in found] == ["新增高新技术企业 50 家", "科技型中小企业 150 家以上"]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("交付安置房 1 万套。", 10000, "套"),
        ("引进高校毕业生1.6万人。", 16000, "人"),
        ("确保招引到位资金 1200 亿元。", 1200, "亿元"),
        ("完成市场采购贸易方式试点出口45亿美元。", 45, "亿美元"),
        ("新增就业一万人。", 10000, "人"),
        ("建成社区食堂十个。", 10, "个"),
        ("力争规上亩均税收达到 49 万元。", 49, "万元"),
    ],
)
def test_wan_and_yi_are_multiplied_out_except_before_yuan(text, value, unit):
    [target] = targets(text)
    assert (target["value"], target["unit"]) == (value, unit)


def test_a_chinese_hundred_billion_is_100_yi_yuan():
    found = brief("力争 50 亿元、百亿元制造业项目实现零的突破。")
    assert found == [
        ("制造业项目", "level", "=", 50, "亿元"),
        ("制造业项目", "level", "=", 100, "亿元"),
    ]


def test_a_qianyi_class_is_a_level_of_1000_yi_yuan():
    [target] = targets("加快打造“中国鞋都”千亿级鞋产业集群、向“世界鞋都”迈进。", "five_year")
    assert (target["metric"], target["measure"], target["comparator"]) == (
        "鞋产业集群",
        "level",
        "=",
    )
    assert (target["value"], target["unit"], target["text"]) == (1000, "亿元", "千亿级鞋产业集群")


def test_a_top_ten_rank_is_measure_other_at_most_10():
    found = targets("经济综合实力进入全省城区排名前 10 名。", "five_year")
    assert brief("经济综合实力进入全省城区排名前 10 名。", "five_year") == [
        ("经济综合实力全省城区排名", "other", "<=", 10, "名")
    ]
    assert found[0]["text"] == "经济综合实力进入全省城区排名前 10 名"


def test_climbing_ten_places_is_measure_other_equal():
    assert brief("在“全国综合实力百强区”排名中上升 10 个位次。") == [
        ("“全国综合实力百强区”排名", "other", "=", 10, "个位次")
    ]


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("不良贷款率继续稳控在1.2%以下。", "<="),
        ("城镇调查失业率控制在5.5%以内。", "<="),
        ("引进高层次人才不少于 100 名。", ">="),
        ("培育企业至少 10 家。", ">="),
        ("高新技术企业突破 400 家。", ">"),
        ("工业总产值超过 1000 亿元。", ">="),
        ("固定资产投资增长 10%。", "="),
        ("居民消费价格涨幅控制在3%左右。", "="),
    ],
)
def test_comparators_come_only_from_explicit_words(text, comparator):
    [target] = targets(text)
    assert target["comparator"] == comparator


def test_five_year_targets_are_annual_averages_with_nianjun_and_cumulative_without():
    growth, level = targets("地区生产总值年均增长 7%，服务业增加值突破 1200 亿元。", "five_year")
    assert (growth["period"], level["period"]) == ("annual_average", "cumulative")


@pytest.mark.parametrize(
    ("plan_kind", "period"), [("annual", "annual"), ("livelihood", "annual"), ("other", None)]
)
def test_the_period_follows_the_plan(plan_kind, period):
    [target] = targets("新建园林驿站 5 个。", plan_kind)
    assert target["period"] == period


@pytest.mark.parametrize(
    "text",
    [
        "紧扣“1512”跑道体系，推进“3+1”历史文化街区开发建设。",
        "突出抓好“8+3”重点领域专项整治，紧盯“三类 500 强”。",
        "迭代升级“双十双百双千”工程，新建 5G 基站，深入实施“七大工程”。",
        "打好第二轮安全生产综合治理三年行动收官战，加快打造“十大特色文旅街区”。",
        "加快打造 15 分钟品质文化生活圈，实施“迎亚运、讲文明、提品质”300天大会战行动。",
        "深化330国道鹿城段等项目前期，104国道鹿城段完工，升级“亩均论英雄”3.0版。",
        "加快推进 2021 年前征迁未安置户安置，2022 年 3 月 7 日印发。",
        "确保共富路上一个都不掉队，完善“三张清单”，落地一批效益高的项目，滚动实施五张清单。",
    ],
)
def test_names_slogans_dates_and_years_are_not_targets(text):
    assert targets(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "力争规上高新技术企业实现研发机构全覆盖。",
        "“零就业家庭”动态清零，实现进出口总额稳步增长。",
    ],
)
def test_commitments_without_a_printed_number_are_not_targets(text):
    assert targets(text) == []


def test_fourteen_towns_covered_is_a_count_of_14():
    [target] = targets("实现14个街镇婴幼儿照护服务机构全覆盖。")
    assert (target["measure"], target["value"], target["unit"]) == ("count", 14, "个")
    assert target["text"] == "实现14个街镇婴幼儿照护服务机构全覆盖"


def test_a_qizhong_breakdown_is_a_separate_target_of_its_own_noun():
    text = "新增 3 岁以下婴幼儿照护服务机构托位 900 个（其中普惠型托位 550 个）。"
    assert brief(text, "livelihood") == [
        ("婴幼儿照护服务机构托位", "increase", "=", 900, "个"),
        ("普惠型托位", "increase", "=", 550, "个"),
    ]


def test_a_left_out_noun_is_the_one_just_counted():
    text = "创建省级放心农贸市场 6 家（其中续创 4 家，新创 2 家）。"
    found = targets(text, "livelihood")
    assert [(t["metric"], t["value"], t["text"]) for t in found] == [
        ("省级放心农贸市场", 6, "创建省级放心农贸市场 6 家"),
        ("省级放心农贸市场", 4, "续创 4 家"),
        ("省级放心农贸市场", 2, "新创 2 家"),
    ]


def test_a_size_class_belongs_to_the_metric():
    text = "确保新签约亿元以上产业项目20个，其中10亿元以上产业项目5个。"
    assert brief(text) == [
        ("亿元以上产业项目", "count", "=", 20, "个"),
        ("10亿元以上产业项目", "count", "=", 5, "个"),
    ]


def test_a_total_investment_of_projects_is_other_and_the_projects_a_count():
    found = brief("全域推进总投资 1500 亿元的 230 个“大建大美”项目。")
    assert found == [
        ("总投资", "other", "=", 1500, "亿元"),
        ("“大建大美”项目", "count", "=", 230, "个"),
    ]


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("扩增 PCR 实验室 2 处。", "increase"),
        ("增设消防器材箱 180 个。", "increase"),
        ("净增市场主体1万户。", "increase"),
        ("完成老旧小区改造 20 个。", "count"),
        ("举办首发首秀40场。", "count"),
        ("招引数字经济头部企业 30 家。", "count"),
        ("核酸日检测能力达 11600 管。", "level"),
        ("全社会研发经费支出占GDP比重达到 2.8%。", "share"),
        ("“白名单”企业帮扶销号率60%以上。", "share"),
        ("为企业综合减负16亿元。", "count"),
        ("单位GDP能耗下降3%。", "decrease"),
    ],
)
def test_the_measure_follows_the_verb(text, measure):
    [target] = targets(text)
    assert target["measure"] == measure


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("新增各类研发机构 15 家。", "研发机构"),
        ("组建初小、城乡、学前等各类教共体10对以上。", "教共体"),
        ("盘活“批而未供”“供而未用”等存量用地 3000 亩。", "存量用地"),
        ("新增“小升规”工业企业 50 家。", "“小升规”工业企业"),
        ("扩增 PCR 实验室 2 处。", "PCR 实验室"),
        ("我区核酸日检测能力达 11600 管。", "核酸日检测能力"),
        ("在室外消火栓周围增设消防器材箱 180 个。", "消防器材箱"),
        ("城镇新增就业1.8万人。", "城镇就业"),
        ("新增城镇就业 10000 人。", "城镇就业"),
        ("有效增加保障性租赁住房供给，建设筹集住房 7560 套以上。", "保障性租赁住房"),
        ("打造五化标准（发展人文化、运行智慧化）亮点公厕 10 座。", "五化标准亮点公厕"),
        ("为 350 个公办中小学教室安装空调。", "公办中小学教室"),
        ("为全区 500 个老旧建筑的电梯加装电动自行车自动阻拦系统。", "老旧建筑"),
    ],
)
def test_the_metric_is_the_shortest_noun_phrase(text, metric):
    [target] = targets(text)
    assert target["metric"] == metric


def test_text_is_the_shortest_span_with_the_governing_verb():
    found = targets(
        "新增核酸检测一体机 3 台、扩增仪及相关配套设备 6 台, 我区核酸日检测能力达 11600 管。"
    )
    assert [t["text"] for t in found] == [
        "新增核酸检测一体机 3 台",
        "扩增仪及相关配套设备 6 台",
        "核酸日检测能力达 11600 管",
    ]
    assert [t["measure"] for t in found] == ["increase", "increase", "level"]


def test_several_actions_in_one_clause_each_keep_their_own_verb():
    found = brief(
        "完工区养老服务中心一期工程、新增床位760张，改造提升社区居家养老服务照料中心7家。"
    )
    assert found == [
        ("床位", "increase", "=", 760, "张"),
        ("社区居家养老服务照料中心", "count", "=", 7, "家"),
    ]


def test_a_task_without_targets_gives_an_empty_list():
    assert targets("") == []
    assert targets("健全科技成果产权制度。") == []


def test_fenbie_with_a_number_per_item_pairs_them_and_restores_the_shared_head():
    assert brief("城镇和农村居民人均可支配收入分别增长6.5%和8%。") == [
        ("城镇居民人均可支配收入", "growth", "=", 6.5, "%"),
        ("农村居民人均可支配收入", "growth", "=", 8, "%"),
    ]


def test_chengxiang_with_two_numbers_is_urban_then_rural():
    assert [t["metric"] for t in targets("城乡居民人均可支配收入分别增长6%和7.5%。")] == [
        "城镇居民人均可支配收入",
        "农村居民人均可支配收入",
    ]


def test_a_class_of_villages_by_income_is_not_a_target():
    assert targets("实现村级集体经济年经营性收入50万元以上的村全覆盖。") == []


def test_verbs_in_a_row_govern_together():
    assert brief("新建改造污水管网50公里，新增污水处理能力2万吨/日。") == [
        ("污水管网", "count", "=", 50, "公里"),
        ("污水处理能力", "increase", "=", 20000, "吨/日"),
    ]


def test_a_shared_head_without_fenbie_is_one_indicator():
    assert brief("生态环境和公共设施投资增长 12%以上。") == [
        ("生态环境和公共设施投资", "growth", ">=", 12, "%")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新建10,000个停车位。", ("停车位", "count", "=", 10000, "个")),
        ("新建 5 个 PCR 实验室。", ("PCR 实验室", "count", "=", 5, "个")),
        ("建成二十个社区食堂。", ("社区食堂", "count", "=", 20, "个")),
        ("力争规上亩均税收达到 49 万元/亩。", ("规上亩均税收", "level", "=", 49, "万元/亩")),
        ("到2025年地区生产总值达到 800 亿元。", ("地区生产总值", "level", "=", 800, "亿元")),
        ("“十四五”期间累计完成投资 2000 亿元。", ("投资", "count", "=", 2000, "亿元")),
        ("谋划建立首支10亿元级科创产业基金。", ("科创产业基金", "level", "=", 10, "亿元")),
        ("培育10亿元级跨国公司5家。", ("10亿元级跨国公司", "count", "=", 5, "家")),
        ("培训 2000 人次。", ("培训", "count", "=", 2000, "人次")),
    ],
)
def test_numbers_as_they_are_printed(text, expected):
    assert brief(text) == [expected]


def reference_texts(seed_dir) -> list[str]:
    """The task texts of the reference notice's .txt rendering (column 3 in annex 3)."""
    lines = (seed_dir / "000_de8080339d2f7ae4.txt").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line[:1].isdigit() and "\t" in line]
    return [row[2] if len(row) > 4 else row[1] for row in rows]


def test_every_target_of_the_reference_notice_fits_the_schema(seed_dir):
    schema = json.loads((seed_dir.parent / "spec" / "notice.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator({**schema, **schema["$defs"]["target"]})
    found = [t for text in reference_texts(seed_dir) for t in targets(text, "annual")]
    assert len(found) > 100
    for target in found:
        validator.validate(target)
        assert target["metric"], target
    # Names and slogans of the notice never become targets.
    names = ("1512", "8+3", "3+1", "国道", "3.0版", "500 强", "七大", "分钟", "2021")
    assert not [t["text"] for t in found if any(name in t["text"] for name in names)]


def test_the_whole_reference_notice_is_read_quickly(seed_dir):
    texts = reference_texts(seed_dir)
    assert len(texts) > 150
    timings = []
    for _ in range(3):
        started = time.process_time()
        for text in texts:
            extract_targets(text, "annual")
        timings.append(time.process_time() - started)
    assert min(timings) < 0.05, timings


# Characters that steer the rules: digits, units, comparators, brackets, list marks and verbs.
_GENRE = "0123456789.,十百千万亿一二两%个家人亩元以上下其中分别等级前名、，。；（）()“”新增建成达到突破增长的 "


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_GENRE + "企业项目收入率"), max_size=40))
def test_any_text_gives_targets_that_are_spans_of_it_with_a_metric(text):
    for plan_kind in ("five_year", "annual", "livelihood", "other"):
        for target in targets(text, plan_kind):
            assert target["text"] and any(char.isalnum() for char in target["metric"])
