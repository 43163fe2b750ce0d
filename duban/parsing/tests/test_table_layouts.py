import io

import docx

from duban.parsing import parse_bytes
from duban.parsing.tests.notices import headings, items, names, parse_blocks, units

HEADER = ["序号", "重点工作", "责任单位", "备注"]


def test_it_reads_separate_lead_and_support_columns():
    parsed = parse_blocks(
        "2023年重点工作任务分解表",
        [
            ["序号", "工作任务", "牵头单位", "配合单位"],
            ["1", "建设智慧城市。", "市大数据局", "市发改委、市财政局"],
        ],
    )
    assert units(items(parsed)[0]) == [
        ("市大数据局", "lead"),
        ("市发改委", "support"),
        ("市财政局", "support"),
    ]


def test_it_makes_the_responsible_column_support_beside_a_lead_column():
    parsed = parse_blocks(
        [
            ["序号", "主要任务", "牵头单位", "责任单位"],
            ["1", "推进改革。", "县委改革办", "县发改局"],
        ],
    )
    assert units(items(parsed)[0]) == [("县委改革办", "lead"), ("县发改局", "support")]


def test_it_reads_row_leaders_from_a_leader_column():
    parsed = parse_blocks(
        [
            ["序号", "工作任务", "责任领导", "责任单位", "完成时限"],
            ["1", "新建学校3所。", "张 伟", "区教育局", "12月底前"],
            ["2", "改造老旧小区。", "李四副区长、王五", "区住建局", "全年"],
        ],
    )
    first, second = items(parsed)
    assert names(first["leaders"]) == ["张伟"]
    assert first["deadline"] == "12月底前"
    assert second["leaders"] == [
        {"name": "李四", "titles": ["副区长"]},
        {"name": "王五", "titles": []},
    ]
    assert second["deadline"] == "全年"


def test_it_reads_a_leader_line_inside_the_task_cell():
    parsed = parse_blocks(
        [HEADER, ["1", "打造科创走廊。\n牵头市领导：陈明", "市科技局*、市发改委", ""]],
    )
    item = items(parsed)[0]
    assert item["text"] == "打造科创走廊。"
    assert names(item["leaders"]) == ["陈明"]
    assert units(item) == [("市科技局", "lead"), ("市发改委", "support")]


def test_it_reads_section_headings_held_in_a_table_row():
    parsed = parse_blocks(
        [
            HEADER,
            ["一、张三副市长牵头", "", "", ""],
            ["1", "任务甲。", "市发改委", ""],
            ["二、经济发展", "", "", ""],
            ["2", "任务乙。", "市财政局", ""],
        ],
    )
    assert headings(parsed) == ["一、张三副市长牵头", "二、经济发展"]
    sections = parsed["plans"][0]["sections"]
    assert names(sections[0]["leaders"]) == ["张三"]
    assert sections[1]["leaders"] == []
    assert [item["seq"] for item in items(parsed)] == ["1", "2"]


def test_it_reads_headings_that_say_zhuzhua():
    parsed = parse_blocks("一、李明常委、副县长主抓", [HEADER, ["1", "任务。", "县科技局", ""]])
    assert parsed["plans"][0]["sections"][0]["leaders"] == [
        {"name": "李明", "titles": ["常委", "副县长"]}
    ]


def test_it_skips_header_rows_repeated_at_page_breaks():
    parsed = parse_blocks(
        "一、王五副区长牵头重点工作",
        [HEADER, ["1", "任务一。", "区发改局", ""], ["2", "任务二。", "区财政局", ""]],
        [HEADER, ["3", "任务三。", "区科技局", ""]],
    )
    assert [item["seq"] for item in items(parsed)] == ["1", "2", "3"]
    assert len(parsed["plans"][0]["sections"]) == 1


def test_it_joins_a_row_cut_by_a_page_break():
    parsed = parse_blocks(
        [HEADER, ["1", "坚持依法治区，完善行政决策机制和", "区司法局", ""]],
        [HEADER, ["", "程序。", "", ""], ["2", "下一项。", "区财政局", ""]],
    )
    first, second = items(parsed)
    assert first["text"] == "坚持依法治区，完善行政决策机制和程序。"
    assert second["seq"] == "2"


def test_it_keeps_a_merged_project_row_as_its_own_item():
    parsed = parse_blocks(
        [
            ["序号", "名称", "项目内容", "牵头领导", "责任单位"],
            ["9", "“一路畅行”项目", "养护公路 15 公里。", "杨丽霞", "区交通运输局"],
            ["", "", "打通断头路 2 条。", "陈允岳", "区住建局"],
        ],
    )
    first, second = items(parsed)
    assert (second["seq"], second["name"]) == ("9", "“一路畅行”项目")
    assert names(second["leaders"]) == ["陈允岳"]
    assert units(second) == [("区住建局", "joint")]


def test_it_warns_about_a_table_of_unknown_layout():
    parsed = parse_blocks([["甲", "乙"], ["一些内容", "更多内容"]])
    assert items(parsed) == []
    assert any(
        "unknown layout" in w["message"] and w["location"]["table"] == 1 for w in parsed["warnings"]
    )


def test_it_warns_about_columns_it_does_not_know():
    parsed = parse_blocks(
        [["序号", "重点工作", "责任单位", "考核分值"], ["1", "任务。", "区发改局", "5"]]
    )
    assert any("考核分值" in w["message"] for w in parsed["warnings"])
    assert len(items(parsed)) == 1


def test_it_applies_a_notice_level_first_is_lead_statement():
    parsed = parse_blocks(
        "注：列第一位者为牵头单位。",
        [HEADER, ["1", "任务。", "区发改局、区财政局", ""], ["2", "任务。", "区科技局", ""]],
    )
    first, second = items(parsed)
    assert units(first) == [("区发改局", "lead"), ("区财政局", "support")]
    assert units(second) == [("区科技局", "lead")]


def test_it_applies_a_first_is_lead_note_to_the_following_rows():
    parsed = parse_blocks(
        [
            HEADER,
            ["1", "任务。", "区科技局、区教育局", ""],
            ["2", "任务。", "区发改局、区财政局（列第一位者为工作牵头单位或汇总单位，下同）", ""],
            ["3", "任务。", "区住建局、区交通局", ""],
        ],
    )
    first, second, third = items(parsed)
    assert units(first) == [("区科技局", "joint"), ("区教育局", "joint")]
    assert units(second) == [("区发改局", "lead"), ("区财政局", "support")]
    assert second["remark"] == "列第一位者为工作牵头单位或汇总单位，下同"
    assert units(third) == [("区住建局", "lead"), ("区交通局", "support")]


def test_it_reads_a_table_with_no_annex_heading_as_one_plan():
    parsed = parse_blocks(
        "关于印发2023年重点工作责任分解的通知",
        "各乡镇：",
        "现将分解表印发给你们。",
        "2023年重点工作责任分解表",
        [HEADER, ["1", "任务。", "县发改局", ""]],
    )
    plan = parsed["plans"][0]
    assert (plan["annex"], plan["title"], plan["kind"], plan["years"]) == (
        None,
        "2023年重点工作责任分解表",
        "annual",
        [2023],
    )


def test_it_reads_annex_headings_and_plan_kinds():
    parsed = parse_blocks(
        "某市人民政府办公室关于印发重点工作分解的通知",
        "2024年1月5日",
        "附件1",
        "“十四五”规划重点任务分解表",
        [HEADER, ["1", "任务。", "市发改委", ""]],
        "附件2",
        "2024年市政府民生实事项目",
        [HEADER, ["1", "任务。", "市民政局", ""]],
        "附件3",
        "今后五年重点工作",
        [HEADER, ["1", "任务。", "市财政局", ""]],
    )
    assert [(p["annex"], p["kind"], p["years"]) for p in parsed["plans"]] == [
        ("1", "five_year", [2021, 2025]),
        ("2", "livelihood", [2024]),
        ("3", "five_year", [2024, 2028]),
    ]


def test_it_reads_a_sheet_whose_title_and_headings_are_rows():
    parsed = parse_blocks(
        [
            ["2023年重点工作任务清单", "", "", ""],
            HEADER,
            ["一、王明副市长牵头", "", "", ""],
            ["1", "任务。", "市发改委", ""],
        ],
    )
    plan = parsed["plans"][0]
    assert plan["title"] == "2023年重点工作任务清单"
    assert headings(parsed) == ["一、王明副市长牵头"]


def test_it_moves_the_lead_to_the_body_a_remark_names():
    parsed = parse_blocks(
        [HEADER, ["1", "任务。", "", "根据区委工作安排，由区委办（区委改革办）、区委政法委牵头。"]],
    )
    item = items(parsed)[0]
    assert item["units"] == []
    assert item["lead_override"] == ["区委办（区委改革办）", "区委政法委"]


def test_it_reads_an_unnumbered_leader_heading_in_the_task_column():
    parsed = parse_blocks(
        [
            HEADER,
            ["1", "任务一。", "区发改局", ""],
            ["", "王五副区长牵头重点工作", "", ""],
            ["1", "任务二。", "区财政局", ""],
        ],
    )
    sections = parsed["plans"][0]["sections"]
    assert [s["heading"] for s in sections] == [None, "王五副区长牵头重点工作"]
    assert names(sections[1]["leaders"]) == ["王五"]


def test_beside_a_leaders_column_a_responsible_person_column_is_kept_as_printed():
    parsed = parse_blocks(
        [
            ["序号", "工作任务", "分管领导", "责任科室", "责任人", "完成时限"],
            ["1", "完成国土空间规划报批。", "林志强", "规划科", "郑宇航", "6月底前"],
        ],
    )
    (first,) = items(parsed)
    assert names(first["leaders"]) == ["林志强"]
    assert first["extra"] == {"责任人": "郑宇航"}


def test_it_keeps_the_cells_of_unknown_columns_by_their_header():
    parsed = parse_blocks(
        [
            ["序号", "项目名称", "建设内容", "计划投资（亿元）", "实施主体", "备注"],
            ["1", "滨江学校", "新建学校一所。", "5.2", "区教育局", "续建"],
            ["2", "城东公园", "建设公园。", "", "区住建局", ""],
        ],
    )
    first, second = items(parsed)
    assert (first["remark"], first["extra"]) == ("续建", {"计划投资（亿元）": "5.2"})
    assert units(first) == [("区教育局", "joint")]
    assert second["remark"] is None and "extra" not in second
    warning = next(w for w in parsed["warnings"] if "not recognised" in w["message"])
    assert warning["message"].endswith("kept as extra: 计划投资（亿元）")


def test_it_reads_a_first_is_lead_header_wrapped_over_lines():
    parsed = parse_blocks(
        [
            ["序号", "工作任务", "责任单位（列\n第一位者为牵\n头单位）"],
            ["1", "推进改革。", "县委改革办、县发改局"],
        ],
    )
    assert units(items(parsed)[0]) == [("县委改革办", "lead"), ("县发改局", "support")]


def test_it_reads_one_unit_per_typed_line_of_a_word_cell():
    parsed = parse_blocks(
        [HEADER, ["1", "推进金融服务实体经济。", "市金融办*\n人行台州市中心支行\n市税务局", ""]],
    )
    assert units(items(parsed)[0]) == [
        ("市金融办", "lead"),
        ("人行台州市中心支行", "support"),
        ("市税务局", "support"),
    ]


def test_a_lead_unit_repeated_in_the_responsible_column_is_listed_once_as_lead():
    parsed = parse_blocks(
        [
            ["序号", "工作任务", "牵头单位", "责任单位"],
            ["1", "推进改革。", "县委改革办", "县委改革办、县发改局"],
        ],
    )
    assert units(items(parsed)[0]) == [("县委改革办", "lead"), ("县发改局", "support")]


def test_a_row_cut_after_a_full_stop_goes_on_with_the_tasks_next_sub_item():
    parsed = parse_blocks(
        [
            ["序号", "重点工作", "牵头领导", "牵头单位"],
            ["1", "（1）推进城市更新。", "张三", "市住建局"],
            ["", "（2）新建学校5所。", "", ""],
            ["2", "1.扩大投资。", "李四", "市发改委"],
            ["", "新建公园3个。", "", "市城管局"],
        ],
    )
    assert [(item["seq"], item["text"]) for item in items(parsed)] == [
        ("1", "（1）推进城市更新。（2）新建学校5所。"),
        ("2", "1.扩大投资。"),
        ("2", "新建公园3个。"),
    ]


def test_a_cell_that_says_there_is_none_is_empty():
    parsed = parse_blocks(
        [
            ["序号", "工作任务", "牵头单位", "配合单位", "完成时限", "备注"],
            ["1", "新增就业1万人。", "区人社局", "/", "—", "/"],
            ["2", "新建学校3所。", "区教育局", "区住建局", "全年", "无"],
        ],
    )
    first, second = items(parsed)
    assert (units(first), first["deadline"], first["remark"]) == (
        [("区人社局", "lead")],
        None,
        None,
    )
    assert (second["deadline"], second["remark"]) == ("全年", None)


def test_a_section_row_right_under_the_header_is_a_heading_not_a_second_header_row():
    parsed = parse_blocks(
        [
            ["序号", "重点工作任务", "责任县领导", "牵头单位", "完成时限"],
            ["一、主要预期目标", "", "", "", ""],
            ["1", "地区生产总值增长5.5%左右。", "李建国", "县发改局", "2024年12月底"],
        ]
    )
    (item,) = items(parsed)
    assert (item["seq"], item["text"]) == ("1", "地区生产总值增长5.5%左右。")
    assert headings(parsed) == ["一、主要预期目标"]


def test_labels_under_a_header_cell_spanning_them_are_a_second_header_row_in_word():
    document = docx.Document()
    table = document.add_table(rows=3, cols=6)
    for column, label in enumerate(["序号", "工作任务", "牵头单位"]):
        table.cell(0, column).merge(table.cell(1, column)).text = label
    table.cell(0, 3).merge(table.cell(0, 4)).text = "季度推进目标"
    table.cell(0, 5).merge(table.cell(1, 5)).text = "备注"
    table.cell(1, 3).text, table.cell(1, 4).text = "上半年", "下半年"
    for column, cell in enumerate(
        ["1", "地区生产总值增长7%左右。", "区发改局", "增长7%", "增长7.5%", "考核指标"]
    ):
        table.cell(2, column).text = cell
    buffer = io.BytesIO()
    document.save(buffer)
    (item,) = items(parse_bytes(buffer.getvalue(), "notice.docx"))
    assert item["text"] == "地区生产总值增长7%左右。"
    assert item["extra"] == {"上半年": "增长7%", "下半年": "增长7.5%"}
    assert item["remark"] == "考核指标"


def test_a_table_without_a_seq_column_numbers_its_tasks_in_their_cell():
    parsed = parse_blocks(
        [
            ["重点工作任务", "牵头单位", "完成时限"],
            ["1.全县生产总值增长7%左右。", "县发改局", "2024年12月"],
            ["2、全年实施县级重点项目150个。", "县发改局", "2024年12月"],
            ["2024年底前建成5G基站200个。", "县工信局", "2024年12月"],
        ]
    )
    assert [(item["seq"], item["text"]) for item in items(parsed)] == [
        ("1", "全县生产总值增长7%左右。"),
        ("2", "全年实施县级重点项目150个。"),
        (None, "2024年底前建成5G基站200个。"),
    ]


def test_a_long_amount_column_counted_in_a_unit_still_leaves_the_header_read():
    parsed = parse_blocks(
        [
            ["序号", "项目名称", "2024年计划投资（万元）", "责任单位", "完成时限"],
            ["1", "城区供水管网改造", "12000", "县水务局", "2024年12月"],
        ]
    )
    (item,) = items(parsed)
    assert (item["text"], units(item)) == ("城区供水管网改造", [("县水务局", "joint")])
    assert item["extra"] == {"2024年计划投资（万元）": "12000"}
