import pytest

from duban.parsing import ParseError, errors, parse_bytes
from duban.parsing.tests.notices import headings, items, names, parse_text, units

NOTICE_HEAD = """某某县人民政府办公室文件

某政办发〔2023〕12号

某某县人民政府办公室关于印发2023年重点工作任务分解的通知

各乡镇人民政府，县政府各部门：

现将《2023年重点工作任务分解》印发给你们，请认真贯彻落实。

某某县人民政府办公室
2023年2月10日

2023年重点工作任务分解
"""


def refused(text: str) -> ParseError:
    """The error with which the parser refuses `text` as no notice (no_tasks)."""
    with pytest.raises(ParseError) as refusal:
        parse_bytes(text.encode(), "notice.txt")
    assert refusal.value.code == errors.NO_TASKS
    return refusal.value


def test_it_reads_a_numbered_list_with_units_in_brackets():
    parsed = parse_text(
        NOTICE_HEAD
        + """
一、王明副县长牵头

1. 地区生产总值增长6.5%以上。（牵头单位：县发改局；责任单位：县统计局、县经信局）
2、完成固定资产投资120亿元。(牵头单位:县发改局;责任单位:各乡镇)
"""
    )
    first, second = items(parsed)
    assert (first["seq"], first["text"]) == ("1", "地区生产总值增长6.5%以上。")
    assert units(first) == [("县发改局", "lead"), ("县统计局", "support"), ("县经信局", "support")]
    assert (second["seq"], second["text"]) == ("2", "完成固定资产投资120亿元。")
    assert units(second) == [("县发改局", "lead"), ("各乡镇", "support")]
    assert parsed["plans"][0]["sections"][0]["leaders"] == [{"name": "王明", "titles": ["副县长"]}]
    assert parsed["warnings"] == []


def test_it_reads_a_leader_label_after_a_section_heading_as_the_sections_leaders():
    parsed = parse_text(
        NOTICE_HEAD
        + """
（一）扩大有效投资（牵头县领导：王明）
1.完成固定资产投资120亿元。（牵头单位：县发改局；责任单位：县财政局）
（二）保障和改善民生（牵头县领导：李华、赵刚）
2.新建学校3所。（牵头单位：县教育局）
"""
    )
    assert headings(parsed) == ["（一）扩大有效投资", "（二）保障和改善民生"]
    sections = parsed["plans"][0]["sections"]
    assert [names(section["leaders"]) for section in sections] == [["王明"], ["李华", "赵刚"]]
    assert [item["seq"] for item in items(parsed)] == ["1", "2"]
    assert all(item["leaders"] == [] for item in items(parsed))
    assert parsed["warnings"] == []


def test_it_reads_units_in_square_brackets_when_names_hold_brackets():
    parsed = parse_text(
        NOTICE_HEAD
        + "\n1. 推进数字政府建设。【牵头单位：县府办（县大数据局）；责任单位：县经信局】\n"
        "2. 建设公路。[牵头单位：县交通运输局(县公路中心)；配合单位：县财政局]\n"
    )
    first, second = items(parsed)
    assert units(first) == [("县府办（县大数据局）", "lead"), ("县经信局", "support")]
    assert units(second) == [("县交通运输局(县公路中心)", "lead"), ("县财政局", "support")]


def test_it_reads_lead_and_responsible_units_on_their_own_lines():
    parsed = parse_text(
        NOTICE_HEAD
        + """
1. 推进垃圾分类，
实现城乡全覆盖。
牵头单位：县综合行政执法局
责任单位：各乡镇、县住建局
完成时限：12月底前
2. 新建公园2个。
责任单位：县住建局
"""
    )
    first, second = items(parsed)
    assert first["text"] == "推进垃圾分类，实现城乡全覆盖。"
    assert units(first) == [
        ("县综合行政执法局", "lead"),
        ("各乡镇", "support"),
        ("县住建局", "support"),
    ]
    assert first["deadline"] == "12月底前"
    assert units(second) == [("县住建局", "joint")]


def test_it_reads_a_leader_line_per_task():
    parsed = parse_text(
        NOTICE_HEAD
        + """
一、经济发展
牵头市领导：张三
1. 任务甲。（牵头单位：市发改委）
2. 任务乙。（牵头单位：市财政局）
牵头市领导：李四
"""
    )
    section = parsed["plans"][0]["sections"][0]
    assert names(section["leaders"]) == ["张三"]
    first, second = items(parsed)
    assert first["leaders"] == []
    assert names(second["leaders"]) == ["李四"]


def test_it_reads_three_levels_of_numbering_that_restart():
    parsed = parse_text(
        NOTICE_HEAD
        + """
一、张三副县长牵头
（一）扩大有效投资
1. 任务一。（责任单位：县发改局）
2. 任务二。（责任单位：县财政局）
（二）促进消费
1. 任务三。（责任单位：县商务局）
二、李四副县长牵头
（一）乡村振兴
1 任务四。（责任单位：县农业农村局）
"""
    )
    assert headings(parsed) == ["（一）扩大有效投资", "（二）促进消费", "（一）乡村振兴"]
    sections = parsed["plans"][0]["sections"]
    assert [names(s["leaders"]) for s in sections] == [["张三"], ["张三"], ["李四"]]
    assert [item["seq"] for item in items(parsed)] == ["1", "2", "1", "1"]
    assert parsed["warnings"] == []


def test_it_reads_numbering_that_continues_across_sections():
    parsed = parse_text(
        NOTICE_HEAD
        + """
一、经济发展
1、任务一。（牵头单位：县发改局）
2、任务二。（牵头单位：县财政局）
二、社会事业
3、任务三。（牵头单位：县教育局）
"""
    )
    assert headings(parsed) == ["一、经济发展", "二、社会事业"]
    assert [item["seq"] for item in items(parsed)] == ["1", "2", "3"]
    assert [s["leaders"] for s in parsed["plans"][0]["sections"]] == [[], []]


def test_it_reads_a_tab_separated_table_with_a_first_is_lead_statement():
    parsed = parse_text(
        "附件\n\n2023年重点工作责任分解表\n\n（列第一位者为牵头单位）\n\n"
        "一、张三副区长牵头\n\n序号\t重点工作\t责任单位\t完成时限\n"
        "1\t任务一。\t区发改局、区财政局\t全年\n2\t任务二。\t区科技局\t6月底前\n"
    )
    first, second = items(parsed)
    assert units(first) == [("区发改局", "lead"), ("区财政局", "support")]
    assert (first["deadline"], second["deadline"]) == ("全年", "6月底前")


def test_it_reads_a_web_page_copy_with_pipes_and_navigation():
    parsed = parse_text(
        """网站导航
首页 > 政务公开 > 政府文件
发布时间：2023-02-12
来源：县政府办
字号：大 中 小
某某县人民政府办公室关于印发2023年重点工作任务分解的通知
各乡镇人民政府，县政府各部门：
现将分解表印发给你们，请认真贯彻落实。
某某县人民政府办公室
2023年2月10日
（此件公开发布）
附件1
2023年重点工作任务分解表
一、张三副县长牵头
序号
|
工作任务
|
责任单位
|
备注
1
|
地区生产总值增长6%。
|
县发改局*、县统计局
|

2
|
新建学校2所。
|
县教育局
|
根据县委安排，由县委教育工委牵头。
二、李四副县长牵头
3
|
新建公园。
|
县住建局
|

【打印】【关闭】
"""
    )
    assert parsed["notice"]["title"] == "某某县人民政府办公室关于印发2023年重点工作任务分解的通知"
    assert parsed["notice"]["issued_on"] == "2023-02-10"
    assert parsed["notice"]["public"] is True
    first, second, third = items(parsed)
    assert units(first) == [("县发改局", "lead"), ("县统计局", "support")]
    assert second["lead_override"] == ["县委教育工委"]
    assert headings(parsed) == ["一、张三副县长牵头", "二、李四副县长牵头"]
    assert third["seq"] == "3"
    assert parsed["warnings"] == []


def test_it_reads_a_web_page_copy_with_one_cell_per_line():
    parsed = parse_text(
        "附件1\n2023年重点工作任务分解表\n序号\n工作任务\n责任单位\n备注\n"
        "1\n任务一。\n县发改局\n\n2\n任务二。\n县财政局、县税务局\n\n"
    )
    assert [(item["seq"], item["text"]) for item in items(parsed)] == [
        ("1", "任务一。"),
        ("2", "任务二。"),
    ]
    assert units(items(parsed)[1]) == [("县财政局", "joint"), ("县税务局", "joint")]


def test_a_cell_merged_down_a_one_cell_per_line_copy_is_placed_by_what_the_cells_hold():
    # The 责任领导 cell spanned rows 1–3 and is printed once; row 3 says 「/」 for no helpers.
    header = "序号\n\n重点工作\n\n责任领导\n\n牵头单位\n\n配合单位\n\n完成时限\n\n"
    parsed = parse_text(
        "附件\n2023年重点工作责任分解表\n"
        + header
        + "1\n\n地区生产总值增长6%。\n\n刘振华\n\n县发改局\n\n县统计局\n\n全年\n\n"
        + "2\n\n一般公共预算收入增长6%。\n\n县财政局\n\n县税务局\n\n全年\n\n"
        + "3\n\n市场主体净增5000户。\n\n县市场监管局\n\n/\n\n2023年6月底前\n\n"
        + "4\n\n新建学校2所。\n\n王丽君\n\n县教育局\n\n县住建局\n\n全年\n\n"
    )
    rows = [(names(item["leaders"]), units(item), item["deadline"]) for item in items(parsed)]
    assert rows == [
        (["刘振华"], [("县发改局", "lead"), ("县统计局", "support")], "全年"),
        (["刘振华"], [("县财政局", "lead"), ("县税务局", "support")], "全年"),
        (["刘振华"], [("县市场监管局", "lead")], "2023年6月底前"),
        (["王丽君"], [("县教育局", "lead"), ("县住建局", "support")], "全年"),
    ]


def test_a_one_cell_per_line_copy_without_blank_lines_ends_each_row_at_the_next_number():
    # 目标任务 and 责任领导 spanned rows 1–3; row 3's 工作举措 is two paragraphs.
    header = "序号\n目标任务\n工作举措\n责任领导\n责任单位\n完成时限\n"
    parsed = parse_text(
        "附件\n2024年重点工作责任清单\n"
        + header
        + "1\n稳定工业经济增长\n新增规模以上工业企业10户。\n王振宇\n区工信局\n2024年12月底前\n"
        + "2\n完成园区基础设施投资2亿元。\n区发改局、区自然资源局\n2024年第三季度\n"
        + "3\n培育精深加工企业3户；\n建设电商服务中心1个。\n区商务局\n长期坚持\n"
        + "4\n扩大有效投资\n实施5000万元以上项目60个。\n刘金山\n区发改局\n2024年12月底前\n"
    )
    rows = [
        (item["name"], item["text"], names(item["leaders"]), units(item), item["deadline"])
        for item in items(parsed)
    ]
    assert rows == [
        (
            "稳定工业经济增长",
            "新增规模以上工业企业10户。",
            ["王振宇"],
            [("区工信局", "joint")],
            "2024年12月底前",
        ),
        (
            "稳定工业经济增长",
            "完成园区基础设施投资2亿元。",
            ["王振宇"],
            [("区发改局", "joint"), ("区自然资源局", "joint")],
            "2024年第三季度",
        ),
        (
            "稳定工业经济增长",
            "培育精深加工企业3户；建设电商服务中心1个。",
            ["王振宇"],
            [("区商务局", "joint")],
            "长期坚持",
        ),
        (
            "扩大有效投资",
            "实施5000万元以上项目60个。",
            ["刘金山"],
            [("区发改局", "joint")],
            "2024年12月底前",
        ),
    ]


def test_it_reads_ascii_and_full_width_punctuation_alike():
    wide = parse_text(
        NOTICE_HEAD + "\n1. 任务。（牵头单位：县发改局；责任单位：县财政局，县统计局）\n"
    )
    ascii_ = parse_text(NOTICE_HEAD + "\n1. 任务。(牵头单位:县发改局;责任单位:县财政局,县统计局)\n")
    assert units(items(wide)[0]) == units(items(ascii_)[0])
    assert units(items(wide)[0]) == [
        ("县发改局", "lead"),
        ("县财政局", "support"),
        ("县统计局", "support"),
    ]


def test_it_reads_a_gbk_encoded_notice():
    parsed = parse_text(NOTICE_HEAD + "\n1. 任务。（牵头单位：县发改局）\n", encoding="gbk")
    assert parsed["notice"]["doc_number"] == "某政办发〔2023〕12号"
    assert units(items(parsed)[0]) == [("县发改局", "lead")]


def test_it_warns_about_a_paragraph_it_cannot_place():
    parsed = parse_text(
        NOTICE_HEAD
        + "\n1. 任务。（牵头单位：县发改局）\n这是一句无法归位的说明文字，没有任何单位。\n"
    )
    assert any("not placed" in w["message"] and w["location"]["line"] for w in parsed["warnings"])


def test_it_reads_a_notice_without_tasks_as_metadata_only():
    parsed = parse_text("关于做好某项工作的通知\n\n各单位：\n\n请遵照执行。\n")
    assert parsed["plans"] == []
    assert parsed["notice"]["title"] == "关于做好某项工作的通知"
    assert parsed["notice"]["addressees"] == ["各单位"]
    assert parse_text("")["plans"] == []


def test_it_warns_about_an_annex_without_tasks():
    parsed = parse_text(
        "附件1\n\n2023年重点工作任务清单\n\n附件2\n\n民生实事项目\n\n1. 任务。（牵头单位：县民政局）\n"
    )
    assert [plan["annex"] for plan in parsed["plans"]] == ["1", "2"]
    assert any("plan without tasks" in w["message"] for w in parsed["warnings"])


def test_it_reads_a_leader_line_under_a_tab_separated_row():
    parsed = parse_text(
        "附件1\n\n2023年重点工作表\n\n序号\t重点工作\t责任单位\t备注\n"
        "1\t任务一。\t区发改局\t\n牵头市领导：张三\n2\t任务二。\t区财政局\t\n"
    )
    first, second = items(parsed)
    assert (names(first["leaders"]), units(first)) == (["张三"], [("区发改局", "joint")])
    assert second["leaders"] == []


def test_a_leader_cell_printed_once_for_a_group_of_rows_applies_to_the_rows_under_it():
    # The .txt of a table whose 牵头市领导 cells were merged down: only the first is filled.
    parsed = parse_text(
        NOTICE_HEAD
        + """
一、稳住经济大盘
序号\t重点任务\t牵头市领导\t牵头单位\t完成时限
1\t地区生产总值增长6%。\t王建华\t市发改委\t全年
2\t一般公共预算收入增长5%。\t\t市财政局\t全年
序号\t重点任务\t牵头市领导\t牵头单位\t完成时限
3\t固定资产投资增长8%。\t\t市发改委\t全年
二、增进民生福祉
序号\t重点任务\t牵头市领导\t牵头单位\t完成时限
4\t新建学校5所。\t\t市教育局\t全年
5\t新增养老床位1000张。\t陈静\t市民政局\t全年
6\t新增就业2万人。\t\t市人社局\t全年
"""
    )
    assert [names(item["leaders"]) for item in items(parsed)] == [
        ["王建华"],
        ["王建华"],
        ["王建华"],
        [],  # a new section: nothing above it to share
        ["陈静"],
        ["陈静"],
    ]


def test_it_reads_a_copy_made_through_markdown_without_its_marks():
    parsed = parse_text(
        NOTICE_HEAD.replace("2023年重点工作任务分解\n", "## 2023年重点工作任务分解\n")
        + """
**一、王明副县长牵头重点工作**

| 序号 | 重点工作 | 责任单位 |
|---|---|---|
| 1 | 地区生产总值增长6.5%以上。 | 县发改局\\*、县统计局 |
"""
    )
    assert headings(parsed) == ["一、王明副县长牵头重点工作"]
    assert names(parsed["plans"][0]["sections"][0]["leaders"]) == ["王明"]
    assert parsed["plans"][0]["title"] == "2023年重点工作任务分解"
    assert units(items(parsed)[0]) == [("县发改局", "lead"), ("县统计局", "support")]


def test_it_rejoins_a_line_broken_inside_the_unit_brackets():
    parsed = parse_text(
        NOTICE_HEAD
        + """
一、王明副县长牵头
1. 新建学校3所。（牵头单位：县教育局；责任单位：县
发改局、县财政局）
2. 推进“无废城市”建设（2023年
底前完成）。（牵头单位：县生态环境局）
"""
    )
    first, second = items(parsed)
    assert units(first) == [("县教育局", "lead"), ("县发改局", "support"), ("县财政局", "support")]
    assert second["text"] == "推进“无废城市”建设（2023年底前完成）。"
    assert parsed["warnings"] == []


def test_it_reads_units_a_tasks_last_sentence_names_and_items_numbered_with_a_bracket():
    parsed = parse_text(
        NOTICE_HEAD
        + """
1)完成政务公开目录编制工作，由县政府办负责落实。
2)推进养老服务体系建设，县民政局牵头，各乡镇配合。
3)加快重点项目建设，由县发改局、县财政局共同牵头。
"""
    )
    first, second, third = items(parsed)
    assert (first["seq"], units(first)) == ("1", [("县政府办", "joint")])
    assert first["text"] == "完成政务公开目录编制工作，由县政府办负责落实。"
    assert units(second) == [("县民政局", "lead"), ("各乡镇", "support")]
    assert units(third) == [("县发改局", "lead"), ("县财政局", "lead")]


def test_it_reads_the_labels_offices_build_from_role_words():
    parsed = parse_text(
        NOTICE_HEAD
        + """
1﹒全县生产总值增长7%以上。
牵头负责领导:王明。
牵头责任单位:县发改委。
协同责任单位:县统计局、县财政局等。
2.一般公共预算收入增长5%左右。
分管县领导:李强
部门分工:县财政局牵头,县税务局、各乡镇配合。
"""
    )
    first, second = items(parsed)
    assert units(first) == [("县发改委", "lead"), ("县统计局", "support"), ("县财政局", "support")]
    assert names(first["leaders"]) == ["王明"]
    assert units(second) == [("县财政局", "lead"), ("县税务局", "support"), ("各乡镇", "support")]
    assert names(second["leaders"]) == ["李强"]


def test_it_reads_role_words_alone_as_labels():
    parsed = parse_text(
        NOTICE_HEAD + "\n1.新建学校2所。【牵头：县教育局；配合：县财政局；时间要求：年底前】\n"
    )
    (item,) = items(parsed)
    assert units(item) == [("县教育局", "lead"), ("县财政局", "support")]
    assert (item["text"], item["deadline"]) == ("新建学校2所。", "年底前")


def test_a_heading_with_units_gives_them_to_the_unlabelled_items_under_it():
    parsed = parse_text(
        NOTICE_HEAD
        + """
一、优化营商环境（牵头单位：县发改局；责任领导：赵强）
（1）深化“放管服”改革，推行“一件事一次办”。
（2）开展营商环境评价，争创全省标杆。
二、推进城市建设（牵头单位：县住建局）
（1）完成老旧小区改造30个。
"""
    )
    assert headings(parsed) == ["一、优化营商环境", "二、推进城市建设"]
    first, second, third = items(parsed)
    assert (first["seq"], units(first)) == ("1", [("县发改局", "lead")])
    assert units(second) == [("县发改局", "lead")]
    assert parsed["plans"][0]["sections"][0]["leaders"][0]["name"] == "赵强"
    assert (third["text"], units(third)) == ("完成老旧小区改造30个。", [("县住建局", "lead")])


def test_it_reads_a_table_aligned_with_spaces_as_a_pdf_text_export_prints_it():
    parsed = parse_text(
        NOTICE_HEAD
        + """
序号    重点工作                                  责任单位              完成时限
1       新建城区公办幼儿园3所，新增学位1200个。   县教育局*、县住建局   2023年12月
2       改造老旧小区15个，惠及居民4000户，同步    县住建局              年底前
        完善配套设施。
3\u3000新增停车泊位2000个。\u3000县交通运输局\u30002023年9月
"""
    )
    first, second, third = items(parsed)
    assert units(first) == [("县教育局", "lead"), ("县住建局", "support")]
    assert (second["text"], second["deadline"]) == (
        "改造老旧小区15个，惠及居民4000户，同步完善配套设施。",
        "年底前",
    )
    assert (third["seq"], units(third), third["deadline"]) == (
        "3",
        [("县交通运输局", "joint")],
        "2023年9月",
    )


def test_a_piped_web_table_cut_short_flags_its_last_row():
    parsed = parse_text(
        "附件1\n2023年重点工作任务分解表\n序号\n|\n工作任务\n|\n责任单位\n|\n备注\n"
        "1\n|\n地区生产总值增长6%。\n|\n县发改局\n|\n\n2\n|\n新建学校\n"
    )
    first, second = items(parsed)
    assert "partial" not in first and second["partial"] is True


def test_a_deadline_closing_a_bracket_of_units_is_the_tasks_deadline():
    parsed = parse_text(
        NOTICE_HEAD
        + """
1.地区生产总值增长6%以上。（县发改局、县工信局牵头，县统计局配合，2023年12月底前完成）
2.实施园区创建行动。（县商务局牵头，各乡镇配合，长期坚持）
3.深化国企改革。（县国资办牵头，持续推进）
4.推进种业基地建设。（县农业农村局按职责分工负责，2023年12月底前完成年度目标）
"""
    )
    first, second, third, fourth = items(parsed)
    assert first["text"] == "地区生产总值增长6%以上。"
    assert units(first) == [("县发改局", "lead"), ("县工信局", "lead"), ("县统计局", "support")]
    assert first["deadline"] == "2023年12月底前完成"
    assert (units(second)[-1], second["deadline"]) == (("各乡镇", "support"), "长期坚持")
    assert (units(third), third["deadline"]) == ([("县国资办", "lead")], "持续推进")
    assert (units(fourth), fourth["deadline"]) == (
        [("县农业农村局", "joint")],
        "2023年12月底前完成年度目标",
    )


def test_a_bracket_of_labels_may_close_in_the_other_width():
    parsed = parse_text(
        NOTICE_HEAD
        + """
1.培育产业集群。（牵头单位：县工信局；配合单位：县科技局、县市场监管局)
2.推进乡村振兴。(牵头单位：县农业农村局；配合单位：各乡（镇）人民政府）
3.建设口袋公园。（牵头单位：县住建局；配合单位：各乡（镇）
"""
    )
    first, second, third = items(parsed)
    assert units(first)[-1] == ("县市场监管局", "support")
    assert units(second)[-1] == ("各乡（镇）人民政府", "support")
    # A bracket the unit's name closes, the outer one left open: the name keeps its closer.
    assert units(third)[-1] == ("各乡（镇）", "support")


def test_under_a_first_is_lead_statement_a_sole_unit_is_the_lead():
    parsed = parse_text(
        NOTICE_HEAD.replace(
            "请认真贯彻落实。", "请认真贯彻落实。责任单位中排在第一位的为牵头单位。"
        )
        + """
1.城镇新增就业1万人。（责任单位：县人社局）
2.新建养老床位200张。（责任单位：县民政局、县卫健局）
"""
    )
    first, second = items(parsed)
    assert units(first) == [("县人社局", "lead")]
    assert units(second) == [("县民政局", "lead"), ("县卫健局", "support")]


def test_a_table_with_cells_parted_by_spaces_goes_on_past_its_section_rows():
    # A Word table copied a row a line, its cells parted by runs of spaces (not aligned),
    # section rows across it, a name padded with one ideographic space, leads starred.
    parsed = parse_text(
        NOTICE_HEAD
        + """
序号   工作任务  责任领导    责任单位        完成时限
一、全力以赴稳增长
1  地区生产总值增长6%左右。  王明远      ★县发改局、县统计局  2023年12月底
2   一般公共预算收入增长5%。      王明远  县财政局★、县税务局      2023年12月底
二、做强茶产业
3      新建生态茶园2万亩。    杨　帆  县茶产业发展中心▲、各镇（街道）      2023年10月底前
"""
    )
    assert headings(parsed) == ["一、全力以赴稳增长", "二、做强茶产业"]
    rows = [(names(item["leaders"]), units(item), item["deadline"]) for item in items(parsed)]
    assert rows == [
        (["王明远"], [("县发改局", "lead"), ("县统计局", "support")], "2023年12月底"),
        (["王明远"], [("县财政局", "lead"), ("县税务局", "support")], "2023年12月底"),
        (["杨帆"], [("县茶产业发展中心", "lead"), ("各镇（街道）", "support")], "2023年10月底前"),
    ]


def test_labelled_lines_give_a_projects_name_and_text():
    parsed = parse_text(
        NOTICE_HEAD
        + """
1.项目名称：新建公办幼儿园
建设内容：新建公办幼儿园3所，新增学位1200个。
责任单位：县教育局（牵头），县财政局
完成时限：2023年12月底
备注：省级民生实事项目
2.项目名称：老旧小区改造
建设内容：改造老旧小区20个。工作目标：惠及居民5000户。
责任单位：县住建局
"""
    )
    first, second = items(parsed)
    assert (first["seq"], first["name"]) == ("1", "新建公办幼儿园")
    assert first["text"] == "新建公办幼儿园3所，新增学位1200个。"
    assert units(first) == [("县教育局", "lead"), ("县财政局", "support")]
    assert (first["deadline"], first["remark"]) == ("2023年12月底", "省级民生实事项目")
    # A label's words inside the text are the text's.
    assert second["text"] == "改造老旧小区20个。工作目标：惠及居民5000户。"


def test_a_short_line_over_a_tasks_sentences_is_its_name():
    parsed = parse_text(
        NOTICE_HEAD
        + """
1. 优化营商环境
深化“放管服”改革，企业开办时间压缩至1个工作日以内。
责任领导：郭志刚　　牵头单位：县行政审批局　　责任单位：县发改局
2. 地区生产总值
增长6%。
牵头单位：县发改局
"""
    )
    first, second = items(parsed)
    assert (first["name"], first["text"]) == (
        "优化营商环境",
        "深化“放管服”改革，企业开办时间压缩至1个工作日以内。",
    )
    assert units(first) == [("县行政审批局", "lead"), ("县发改局", "support")]
    # A sentence wrapped after a few words is one text.
    assert (second["name"], second["text"]) == (None, "地区生产总值增长6%。")


def test_a_line_of_units_with_their_role_words_belongs_to_the_task_above():
    parsed = parse_text(
        NOTICE_HEAD
        + """
一、主要预期目标
1.地区生产总值增长6%左右。
县发改局牵头,县统计局、各乡镇人民政府参与。
2.新建智能化煤矿2座。
县能源局牵头。
"""
    )
    first, second = items(parsed)
    assert first["text"] == "地区生产总值增长6%左右。"
    assert units(first) == [
        ("县发改局", "lead"),
        ("县统计局", "support"),
        ("各乡镇人民政府", "support"),
    ]
    assert units(second) == [("县能源局", "lead")]


def test_a_leaders_title_labels_them_inside_the_units_bracket():
    parsed = parse_text(
        NOTICE_HEAD
        + """
1.规模以上工业增加值增长8%以上。(牵头单位:县工信局;配合单位:县统计局;分管副县长:陈永福)
2.地区生产总值增长6.5%以上。(牵头单位:县发改局;分管县领导:常务副县长王海)
"""
    )
    first, second = items(parsed)
    assert units(first) == [("县工信局", "lead"), ("县统计局", "support")]
    assert names(first["leaders"]) == ["陈永福"]
    assert second["leaders"] == [{"name": "王海", "titles": ["常务副县长"]}]


def test_a_report_of_progress_under_each_task_is_refused():
    text = (
        "营口市人民政府办公室关于重点工作任务三季度推进情况的通报\n\n"
        "一、主要预期目标推进情况\n"
        "1.地区生产总值增长6%左右。(牵头单位:市发展改革委)\n"
        "推进情况:前三季度全市地区生产总值同比增长5.2%。\n"
        "完成进度:进度滞后\n"
        "2.一般公共预算收入增长5%。(牵头单位:市财政局)\n"
        "推进情况:1-9月全市一般公共预算收入同比增长6.1%。\n"
    )
    assert refused(text).seen["progress_table"]


def test_a_piped_copy_ends_each_row_at_the_next_number_and_places_merged_cells():
    # Each cell is followed by a 「|」 line; an empty 备注 is an empty line; row 3 shares
    # row 2's 工作任务, merged in the page, so the copy left it out.
    cells = [
        ["序号", "工作任务", "具体要求", "责任部门", "分管领导", "完成时限", "备注"],
        ["1", "基层党建", "建成党群服务中心2个。", "党政办公室", "黄丽萍", "全年", ""],
        ["2", "经济发展", "新增限上商贸企业5家。", "经济发展办公室", "韦海燕", "全年", "考核指标"],
        ["3", "完成招商引资到位资金3亿元。", "经济发展办公室、党政办公室", "韦海燕", "全年", ""],
        ["4", "城市管理", "整治背街小巷5条。", "城市管理办公室", "覃志明", "全年", ""],
    ]
    copy = "".join(f"{cell}\n|\n" for row in cells for cell in row)
    parsed = parse_text("2024年重点工作任务清单\n" + copy)
    rows = [(item["seq"], item["name"], item["text"], units(item)) for item in items(parsed)]
    assert rows[2] == (
        "3",
        "经济发展",
        "完成招商引资到位资金3亿元。",
        [("经济发展办公室", "joint"), ("党政办公室", "joint")],
    )
    assert [row[0] for row in rows] == ["1", "2", "3", "4"]
    assert items(parsed)[1]["remark"] == "考核指标"


def test_a_note_under_a_table_ends_its_rows_and_may_say_who_leads():
    parsed = parse_text(
        "2024年重点工作任务清单\n"
        "序号\t重点任务\t分管领导\t责任部门\t完成时限\n"
        "1\t新建社区养老服务驿站1个。\t王丽娟\t民生保障办公室、各社区\t全年\n"
        "2\t全年开展群众性文化活动不少于50场。\t王丽娟\t社区服务中心\t全年\n"
        "说明：1．责任部门中第一个部门为牵头部门，其余为配合部门。\n"
        "2．各责任部门于每月25日前报送进展情况。\n"
    )
    first, second = items(parsed)
    assert units(first) == [("民生保障办公室", "lead"), ("各社区", "support")]
    assert (units(second), second["deadline"]) == ([("社区服务中心", "lead")], "全年")


def test_a_pipe_table_row_short_of_a_merged_cell_and_a_row_cut_by_the_copy():
    parsed = parse_text(
        "2024年全市自然资源重点工作任务分解\n"
        "| 序号 | 重点工作任务 | 分管局领导 | 责任处室 | 完成时限 |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 1 | 完成建设用地报批1.5万亩以上。 | 孙立伟 | 国土空间用途管制处 | 2024年12月底 |\n"
        "| 2 | 保障重点项目用地，实行一项目一方案。 | 国土空间用途管制处、开发利用处 | 全年 |\n"
        "| 3 | 完成全市基础地理信息数据更新 | 高洪涛 | 测绘地理信息处 | 分阶段推进 |\n"
        "| 4 | 加强地质灾害防治，完成隐患点\n"
    )
    rows = [(names(item["leaders"]), item["deadline"]) for item in items(parsed)]
    assert rows[:3] == [
        (["孙立伟"], "2024年12月底"),
        (["孙立伟"], "全年"),
        (["高洪涛"], "分阶段推进"),
    ]
    # The row the copy cut is a row of its own, not more of the deadline above it.
    assert items(parsed)[3]["text"] == "加强地质灾害防治，完成隐患点"


def test_cards_of_labels_numbered_by_a_xuhao_label():
    parsed = parse_text(
        NOTICE_HEAD
        + """
序号:1
项目名称:农村人居环境整治
建设内容:完成农村户厕改造260户。
责任领导:高志军
责任单位:乡村振兴办公室
完成时限:2024年10月底前
序号:2
项目名称:道路硬化
建设内容:硬化通组道路18公里。
责任单位:经济发展办公室
"""
    )
    first, second = items(parsed)
    assert (first["seq"], first["name"], first["text"]) == (
        "1",
        "农村人居环境整治",
        "完成农村户厕改造260户。",
    )
    assert (names(first["leaders"]), first["deadline"]) == (["高志军"], "2024年10月底前")
    assert (second["seq"], units(second)) == ("2", [("经济发展办公室", "joint")])


def test_a_remark_a_flat_copy_dropped_is_empty_not_the_one_above():
    header = "序号\n\n工作任务\n\n责任领导\n\n牵头单位\n\n完成时限\n\n备注\n\n"
    parsed = parse_text(
        "附件\n2024年重点工作任务分解表\n"
        + header
        + "1\n\n地区生产总值增长5.5%左右。\n\n李建华\n\n州发改委\n\n全年\n\n省考核指标\n\n"
        + "2\n\n推进盐湖资源综合利用。\n\n周德明\n\n州工信局\n\n长期坚持\n\n \n\n"
        + "3\n\n新增就业7000人以上。\n\n娜仁\n\n州人社局\n\n全年\n\n州列民生实事\n\n"
    )
    assert [item["remark"] for item in items(parsed)] == ["省考核指标", None, "州列民生实事"]


def test_section_rows_across_a_flat_table_head_the_rows_after_them():
    header = "序号\n\n工作任务\n\n责任区领导\n\n牵头单位\n\n配合单位\n\n完成时限\n\n"
    parsed = parse_text(
        "附件\n2023年区政府工作报告目标任务分解表\n"
        + header
        + "一、主要预期目标\n\n"
        + "1\n\n地区生产总值增长6%以上\n\n张明\n\n区发展改革委\n\n区统计局\n\n2023年12月\n\n"
        + "2\n\n一般公共预算收入增长5%\n\n张明\n\n区财政局\n\n区税务局\n\n2023年12月\n\n"
        + "二、全力推动经济平稳健康发展\n\n"
        + "3\n\n加快渝贵高铁綦江段建设。\n\n李建华\n\n区交通局\n\n区发展改革委\n\n2023年12月\n\n"
    )
    assert headings(parsed) == ["一、主要预期目标", "二、全力推动经济平稳健康发展"]
    rows = [(item["seq"], names(item["leaders"]), units(item)[0]) for item in items(parsed)]
    assert rows == [
        ("1", ["张明"], ("区发展改革委", "lead")),
        ("2", ["张明"], ("区财政局", "lead")),
        ("3", ["李建华"], ("区交通局", "lead")),
    ]


def test_a_project_plan_whose_bodies_build_is_refused():
    text = (
        "良庆区2024年第一批区级重点项目建设计划表\n单位:万元\n"
        "序号\n项目名称\n建设内容及规模\n总投资\n建设单位\n"
        "1\n五象新区总部基地三期\n建设甲级写字楼、商业及配套设施。\n186000\n南宁五象新区投资建设有限公司\n"
        "2\n大塘镇农产品冷链物流中心\n建设冷库3万吨及配套设施。\n35000\n南宁市良庆区大塘镇人民政府\n"
    )
    refused(text)


def test_a_task_cell_of_two_paragraphs_in_a_flat_copy_stays_one_cell():
    header = "序号\n\n工作任务\n\n责任领导\n\n牵头单位\n\n完成时限\n\n备注\n\n"
    parsed = parse_text(
        "附件\n2023年目标任务分解表\n"
        + header
        + "1\n\n加快高铁建设，力争城际铁路开工。\n\n推进综合交通枢纽前期工作。\n\n"
        + "张明\n\n区交通局\n\n2023年12月\n\n跨年度项目\n\n"
        + "2\n\n全年引进项目100个以上。\n\n李建华\n\n区招商局\n\n2023年12月\n\n考核指标\n\n"
    )
    first, second = items(parsed)
    assert first["text"] == "加快高铁建设，力争城际铁路开工。推进综合交通枢纽前期工作。"
    assert (names(first["leaders"]), first["remark"]) == (["张明"], "跨年度项目")
    assert units(second) == [("区招商局", "lead")]


def test_tasks_numbered_within_their_section_keep_the_compound_number():
    parsed = parse_text(
        NOTICE_HEAD
        + """
一、扩大有效投资
一(1)全年实施重点项目120个，完成投资260亿元以上。
牵头单位：县发展改革委
1-2.新建改扩建中小学校8所。
牵头单位：县教育局
1.3 城镇新增就业6500人，
3-5月开展春季招聘活动。
牵头单位：县人社局
"""
    )
    assert [(item["seq"], item["text"]) for item in items(parsed)] == [
        ("一(1)", "全年实施重点项目120个，完成投资260亿元以上。"),
        ("1-2", "新建改扩建中小学校8所。"),
        ("1.3", "城镇新增就业6500人，3-5月开展春季招聘活动。"),
    ]


def test_a_units_line_wrapped_inside_a_name_goes_on_over_the_next_line():
    parsed = parse_text(
        NOTICE_HEAD
        + """
一、城市建设
1.做好轨道交通南延伸工程前期工作，年内建成断头路5条。
责任单位：县交通局、县规划
资源局、县财政局
2.完成50条道路架空线入地。
责任单位：县城管局、
县住建局
二、民生事业
3.新增城镇就业4500人。
责任单位：县人社局
"""
    )
    assert [units(item) for item in items(parsed)] == [
        [("县交通局", "joint"), ("县规划资源局", "joint"), ("县财政局", "joint")],
        [("县城管局", "joint"), ("县住建局", "joint")],
        [("县人社局", "joint")],
    ]
    assert headings(parsed) == ["一、城市建设", "二、民生事业"]


def test_an_assisting_leaders_label_adds_them_after_the_leading_one():
    parsed = parse_text(
        NOTICE_HEAD
        + """
一、经济发展
1.地区生产总值增长6%左右。
牵头领导：杨志华
协管领导：段玉龙、赵丽萍
牵头单位：县发展改革局
2.接待游客6000万人次。
牵头领导：段玉龙
协管领导：/
牵头单位：县文化和旅游局
"""
    )
    first, second = items(parsed)
    assert names(first["leaders"]) == ["杨志华", "段玉龙", "赵丽萍"]
    assert names(second["leaders"]) == ["段玉龙"]
    assert units(second) == [("县文化和旅游局", "lead")]


def test_a_table_copied_a_row_a_line_with_one_space_between_cells():
    parsed = parse_text(
        NOTICE_HEAD
        + """序号 重点工作任务 责任领导 牵头单位 配合单位 完成时限
一、主要预期目标
1 地区生产总值增长6%左右。 刘振东 县发改局 县统计局、各镇(街道) 2024年12月底
2 争取专项债券资金8亿元以上。 刘振东 县财政局  2024年第三季度
二、民生事业
3 城镇新增就业 3000 人。 李春燕、孙明 县人社局 各镇(街道) 长期坚持
"""
    )
    rows = [
        (item["seq"], item["text"], names(item["leaders"]), units(item), item["deadline"])
        for item in items(parsed)
    ]
    assert rows == [
        (
            "1",
            "地区生产总值增长6%左右。",
            ["刘振东"],
            [("县发改局", "lead"), ("县统计局", "support"), ("各镇(街道)", "support")],
            "2024年12月底",
        ),
        ("2", "争取专项债券资金8亿元以上。", ["刘振东"], [("县财政局", "lead")], "2024年第三季度"),
        (
            "3",
            "城镇新增就业 3000 人。",
            ["李春燕", "孙明"],
            [("县人社局", "lead"), ("各镇(街道)", "support")],
            "长期坚持",
        ),
    ]
    assert headings(parsed) == ["一、主要预期目标", "二、民生事业"]


def test_a_division_of_the_leaders_duties_is_refused():
    error = refused(
        """某某市人民政府关于调整市人民政府领导同志工作分工的通知
各县区人民政府，市政府各部门：
根据工作需要，现将市人民政府领导同志工作分工调整如下：
序号\t姓名\t职务\t负责工作\t分管部门
1\t王建国\t市长\t领导市人民政府全面工作。负责审计方面工作。\t市审计局
2\t杨立新\t常务副市长\t负责发展改革、财政方面工作。\t市发展改革委、市财政局
"""
    )
    assert "division of the leaders' duties" in str(error)


def test_a_line_closing_a_group_of_tasks_names_their_leaders():
    parsed = parse_text(
        NOTICE_HEAD
        + """
一、稳增长
1.地区生产总值增长7%左右。
责任单位：县发改局
2.一般公共预算收入增长6%。
责任单位：县财政局
以上指标由县长张立新负责。
二、强产业
3.新增规模以上工业企业15家。
责任单位：县经信局
以上工作由常务副县长陈建国、县政府党组成员王明负责。
"""
    )
    assert [names(item["leaders"]) for item in items(parsed)] == [
        ["张立新"],
        ["张立新"],
        ["陈建国", "王明"],
    ]


def test_a_mark_before_the_number_a_tag_after_it_and_labels_in_their_own_brackets():
    parsed = parse_text(
        NOTICE_HEAD
        + """
一、稳增长
★1.地区生产总值增长6%。【完成时限：2024年11月底前】【责任单位：县发改局、县统计局】
2.（新增）实施招商引资“百日攻坚”行动。【责任单位：县商务局】
3.(续建)推进开发区道路建设。【责任单位：县住建局】
"""
    )
    rows = [
        (item["seq"], item["text"], units(item), item["deadline"], item["remark"])
        for item in items(parsed)
    ]
    assert rows == [
        (
            "1",
            "地区生产总值增长6%。",
            [("县发改局", "joint"), ("县统计局", "joint")],
            "2024年11月底前",
            None,
        ),
        ("2", "实施招商引资“百日攻坚”行动。", [("县商务局", "joint")], None, "新增"),
        ("3", "推进开发区道路建设。", [("县住建局", "joint")], None, "续建"),
    ]


def test_labels_in_black_brackets_need_no_colon():
    parsed = parse_text(
        NOTICE_HEAD
        + """
一、扩大有效投资
1.全年实施重大项目100个以上。
【责任县领导】刘国平、彭晓辉　【牵头单位】县发改委　【配合单位】县财政局、县住建局
"""
    )
    (item,) = items(parsed)
    assert names(item["leaders"]) == ["刘国平", "彭晓辉"]
    assert units(item) == [
        ("县发改委", "lead"),
        ("县财政局", "support"),
        ("县住建局", "support"),
    ]


def test_a_pipe_table_without_outer_pipes_goes_on_in_lines_whose_first_cell_is_empty():
    parsed = parse_text(
        NOTICE_HEAD
        + """序号 | 重点任务 | 责任单位 | 责任县领导 | 完成时限
1 | 全年实施重点项目120个，完成投资 | 牵头：县发展改革局 配合：县财政局、县自然 | 于海涛 | 2024年12月底前
 | 150亿元以上。 | 资源局 |  | 
2 | 做大西洋参产业，综合产值突破100亿元。 | 牵头：县农业农村局 配 | 孙丽华 | 2024年11月底前
 |  | 合：县市场监管局、县商务局 |  | 
"""
    )
    rows = [(item["seq"], item["text"], units(item)) for item in items(parsed)]
    assert rows == [
        (
            "1",
            "全年实施重点项目120个，完成投资150亿元以上。",
            [("县发展改革局", "lead"), ("县财政局", "support"), ("县自然资源局", "support")],
        ),
        (
            "2",
            "做大西洋参产业，综合产值突破100亿元。",
            [("县农业农村局", "lead"), ("县市场监管局", "support"), ("县商务局", "support")],
        ),
    ]


def test_a_section_row_after_a_blank_line_in_a_one_cell_per_line_table_is_a_heading():
    header = "序号\n重点任务\n牵头单位\n责任单位\n时间节点\n\n"
    parsed = parse_text(
        "附件\n2024年重点工作任务分解表\n"
        + header
        + "1\n地区生产总值增长6.5%。\n区发改局\n区统计局\n12月底前完成\n\n"
        + "二、推进城乡融合发展（责任区领导：徐丽萍）\n\n"
        + "2\n完成老旧小区改造12个。\n区住建局\n府山街道办事处\n6月底前\n\n"
    )
    second = items(parsed)[1]
    assert (second["seq"], second["text"]) == ("2", "完成老旧小区改造12个。")
    assert units(second) == [("区住建局", "lead"), ("府山街道办事处", "support")]
    section = parsed["plans"][0]["sections"][-1]
    assert (section["heading"], names(section["leaders"])) == ("二、推进城乡融合发展", ["徐丽萍"])
