"""Notices of other layouts than the reference one, composed as real files, row by row.

Each notice is written the way such notices are published (a city 办公厅 docx with merged
cells, a county docx with a 「列第一位的为牵头单位」 statement, a numbered list, a web-page
copy, a two-sheet ledger with a two-row header, a livelihood table with merged projects)
and its rows are spelt out by hand: seq, text, units with roles, leaders, deadline, remark.
"""

import datetime as dt
import io

import docx
import openpyxl

from duban.parsing import parse_bytes
from duban.parsing.document import Table
from duban.parsing.readers.pdf import read_pdf
from duban.parsing.tests.pdfs import Page, make_pdf


def word(*blocks) -> bytes:
    """Paragraphs (str) and tables ((rows, merges)); a merge is (row, col, row, col)."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        rows, merges = block
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
        for top, left, bottom, right in merges:
            first = table.cell(top, left)
            kept = first.text
            merged = first.merge(table.cell(bottom, right))
            # python-docx joins the texts of merged cells; Word keeps the first one.
            for paragraph in merged.paragraphs[1:]:
                paragraph._element.getparent().remove(paragraph._element)
            merged.paragraphs[0].text = kept
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rows(parsed: dict) -> list[tuple]:
    return [
        (
            item["seq"],
            item["text"],
            [(unit["name"], unit["role"]) for unit in item["units"]],
            [leader["name"] for leader in item["leaders"]],
            item["deadline"],
        )
        for plan in parsed["plans"]
        for section in plan["sections"]
        for item in section["items"]
    ]


def sections(parsed: dict) -> list[tuple]:
    return [
        (section["heading"], [leader["name"] for leader in section["leaders"]])
        for plan in parsed["plans"]
        for section in plan["sections"]
    ]


def all_items(parsed: dict) -> list[dict]:
    return [
        item
        for plan in parsed["plans"]
        for section in plan["sections"]
        for item in section["items"]
    ]


CITY_HEADER = ["序号", "重点工作", "牵头市领导", "牵头单位", "责任单位", "完成时限"]


def city_notice() -> bytes:
    table = [
        CITY_HEADER,
        ["一、全力以赴稳住经济大盘", "", "", "", "", ""],
        [
            "1",
            "全市生产总值增长5.5%左右。",
            "张三副市长",
            "市发改委、市统计局",
            "各区、县（市）政府（管委会）",
            "全年",
        ],
        [
            "2",
            "一般公共预算收入增长5%。",
            "",
            "市财政局",
            "市税务局，各区、县（市）政府（管委会）",
            "2023年12月底前",
        ],
        [
            "3",
            "实施扩大有效投资“千项万亿”工程，完成固定资产投资增长6%。",
            "李四",
            "市发改委（市粮食局）",
            "市建委、市经信局等",
            "6月底前",
        ],
        ["二、加快建设创新策源地", "", "", "", "", ""],
        [
            "4",
            "新增国家高新技术企业1500家。",
            "王五副市长、赵六",
            "市科技局",
            "市经信局，市财政局配合",
            "全年",
        ],
    ]
    return word(
        "某某市人民政府办公厅",
        "某政办函〔2023〕12号",
        "某某市人民政府办公厅关于印发2023年市政府工作报告重点工作责任分解的通知",
        "各区、县（市）人民政府，市政府各部门、各直属单位：",
        "现将《2023年市政府工作报告重点工作责任分解》印发给你们，请认真抓好落实。",
        "某某市人民政府办公厅",
        "2023年2月10日",
        "（此件公开发布）",
        "附件",
        "2023年市政府工作报告重点工作责任分解",
        # The leader cell of rows 1–2 is merged: 张三 leads both.
        (table, [(1, 0, 1, 5), (5, 0, 5, 5), (2, 2, 3, 2)]),
        "抄送：市委各部门。",
        "某某市人民政府办公厅 2023年2月10日印发",
    )


def test_a_city_notice_with_a_merged_leader_column():
    parsed = parse_bytes(city_notice(), "city.docx")
    assert parsed["notice"]["addressees"] == [
        "各区、县（市）人民政府",
        "市政府各部门、各直属单位",  # one name: 各直属单位 shares the prefix 市政府
    ]
    assert parsed["notice"]["doc_number"] == "某政办函〔2023〕12号"
    everywhere = "各区、县（市）政府（管委会）"
    assert rows(parsed) == [
        (
            "1",
            "全市生产总值增长5.5%左右。",
            [("市发改委", "lead"), ("市统计局", "lead"), (everywhere, "support")],
            ["张三"],
            "全年",
        ),
        (
            "2",
            "一般公共预算收入增长5%。",
            [("市财政局", "lead"), ("市税务局", "support"), (everywhere, "support")],
            ["张三"],
            "2023年12月底前",
        ),
        (
            "3",
            "实施扩大有效投资“千项万亿”工程，完成固定资产投资增长6%。",
            [("市发改委（市粮食局）", "lead"), ("市建委", "support"), ("市经信局", "support")],
            ["李四"],
            "6月底前",
        ),
        (
            "4",
            "新增国家高新技术企业1500家。",
            [("市科技局", "lead"), ("市经信局", "support"), ("市财政局", "support")],
            ["王五", "赵六"],
            "全年",
        ),
    ]
    assert sections(parsed) == [("一、全力以赴稳住经济大盘", []), ("二、加快建设创新策源地", [])]
    assert parsed["warnings"] == []


COUNTY_HEADER = ["序号", "工作任务", "责任单位", "完成时限", "备注"]


def county_notice() -> bytes:
    first = [
        COUNTY_HEADER,
        ["（一）聚焦项目建设，扩大有效投资", "", "", "", ""],
        [
            "1",
            "全年实施重点项目120个，完成投资200亿元以上。",
            "县发改局、县财政局、各乡镇（街道）",
            "2024年12月底前",
            "",
        ],
        [
            "2",
            "争取地方政府专项债券15亿元。",
            "县财政局、县发改局（县粮食和物资储备局）",
            "全年",
            "",
        ],
        [
            "3",
            "深化“放管服”改革，推进“一件事一次办”。",
            "县政务服务中心、县司法局",
            "6月底前",
            "由县委编办牵头。",
        ],
        ["（二）聚焦乡村振兴，推动城乡融合", "", "", "", ""],
        ["4", "粮食播种面积稳定在50万亩以上。", "县农业农村局", "全年", ""],
    ]
    # The table goes on over a page: Word repeats the header row.
    second = [
        COUNTY_HEADER,
        [
            "5",
            "新建高标准农田3万亩。",
            "县农业农村局、县财政局，县卫健局按职责分工负责",
            "10月底前",
            "",
        ],
        ["（三）聚焦民生福祉，增进人民幸福", "", "", "", ""],
        ["6", "新建、改扩建学校4所。", "县教育局、县住建局", "8月底前", ""],
    ]
    return word(
        "某某县人民政府办公室文件",
        "某政办发〔2024〕5号",
        "某某县人民政府办公室关于印发2024年县政府工作报告主要目标任务责任分解的通知",
        "各乡镇人民政府、街道办事处，县政府各部门：",
        "经县政府同意，现将《2024年县政府工作报告主要目标任务责任分解》印发给你们。"
        "各责任单位中列第一位的为牵头单位，请牵头单位会同配合单位抓好落实。",
        "附件：2024年县政府工作报告主要目标任务责任分解",
        "某某县人民政府办公室",
        "2024年1月30日",
        "附件",
        "2024年县政府工作报告主要目标任务责任分解",
        (first, [(1, 0, 1, 4), (5, 0, 5, 4)]),
        (second, [(2, 0, 2, 4)]),
    )


def test_a_county_notice_where_the_first_unit_leads():
    parsed = parse_bytes(county_notice(), "county.docx")
    assert rows(parsed) == [
        (
            "1",
            "全年实施重点项目120个，完成投资200亿元以上。",
            [("县发改局", "lead"), ("县财政局", "support"), ("各乡镇（街道）", "support")],
            [],
            "2024年12月底前",
        ),
        (
            "2",
            "争取地方政府专项债券15亿元。",
            [("县财政局", "lead"), ("县发改局（县粮食和物资储备局）", "support")],
            [],
            "全年",
        ),
        (
            "3",
            "深化“放管服”改革，推进“一件事一次办”。",
            [("县政务服务中心", "lead"), ("县司法局", "support")],
            [],
            "6月底前",
        ),
        ("4", "粮食播种面积稳定在50万亩以上。", [("县农业农村局", "lead")], [], "全年"),
        (
            "5",
            "新建高标准农田3万亩。",
            [("县农业农村局", "lead"), ("县财政局", "support"), ("县卫健局", "support")],
            [],
            "10月底前",
        ),
        (
            "6",
            "新建、改扩建学校4所。",
            [("县教育局", "lead"), ("县住建局", "support")],
            [],
            "8月底前",
        ),
    ]
    assert all_items(parsed)[2]["lead_override"] == ["县委编办"]
    assert [heading for heading, _ in sections(parsed)] == [
        "（一）聚焦项目建设，扩大有效投资",
        "（二）聚焦乡村振兴，推动城乡融合",
        "（三）聚焦民生福祉，增进人民幸福",
    ]
    assert parsed["warnings"] == []


NUMBERED_LIST = """某某市人民政府办公室文件
某政办〔2023〕8号
某某市人民政府办公室关于印发2023年市政府工作报告重点任务分工方案的通知
各县（市、区）人民政府，市政府各部门，各直属机构：
《2023年市政府工作报告重点任务分工方案》已经市政府同意，现印发给你们，请认真贯彻执行。
某某市人民政府办公室
2023年2月20日
（此件公开发布）
2023年市政府工作报告重点任务分工方案
一、着力扩大内需，推动经济持续回升向好
牵头市领导：张建国
1. 全市地区生产总值增长6.5%左右。（牵头单位：市发改委；责任单位：市统计局、各县（市、区）政府）
2. 社会消费品零售总额增长8%。（牵头单位：市商务局；责任单位：市发改委,市财政局）
3. 实施重大项目300个以上，完成年度投资1000亿元，
力争新开工项目150个。（牵头单位：市发改委；责任单位：市自然资源和规划局、市住建局等）
二、着力建设现代化产业体系
牵头市领导：李明华、王芳
4. 规上工业增加值增长7%。（牵头单位：市经信局；责任单位：市统计局；完成时限：2023年12月底前）
5. 新增规上工业企业100家。（牵头单位：市经信局、市市场监管局）
三、着力保障和改善民生
6. 城镇新增就业4万人。（牵头单位：市人力社保局；责任单位：各县（市、区）政府；牵头市领导：赵强）
抄送：市委各部门，市人大常委会办公室。
某某市人民政府办公室 2023年2月21日印发
"""


def test_a_numbered_list_with_leader_lines_and_labelled_units():
    parsed = parse_bytes(NUMBERED_LIST.encode(), "list.txt")
    counties = "各县（市、区）政府"
    assert rows(parsed) == [
        (
            "1",
            "全市地区生产总值增长6.5%左右。",
            [("市发改委", "lead"), ("市统计局", "support"), (counties, "support")],
            [],
            None,
        ),
        (
            "2",
            "社会消费品零售总额增长8%。",
            [("市商务局", "lead"), ("市发改委", "support"), ("市财政局", "support")],
            [],
            None,
        ),
        (
            "3",
            "实施重大项目300个以上，完成年度投资1000亿元，力争新开工项目150个。",
            [("市发改委", "lead"), ("市自然资源和规划局", "support"), ("市住建局", "support")],
            [],
            None,
        ),
        (
            "4",
            "规上工业增加值增长7%。",
            [("市经信局", "lead"), ("市统计局", "support")],
            [],
            "2023年12月底前",
        ),
        (
            "5",
            "新增规上工业企业100家。",
            [("市经信局", "lead"), ("市市场监管局", "lead")],
            [],
            None,
        ),
        (
            "6",
            "城镇新增就业4万人。",
            [("市人力社保局", "lead"), (counties, "support")],
            ["赵强"],
            None,
        ),
    ]
    assert [leaders for _, leaders in sections(parsed)] == [["张建国"], ["李明华", "王芳"], []]
    assert parsed["notice"]["addressees"][0] == "各县（市、区）人民政府"
    assert parsed["warnings"] == []


WEB_COPY = """首页 > 政务公开 > 政策文件 > 区府办文件
某某区人民政府办公室关于印发2023年区政府工作报告重点工作责任分解的通知
发布时间：2023-02-10 10:30 来源：区府办 浏览次数：1024 字号：大 中 小
各街道办事处，区政府各部门、各直属单位：
现将《2023年区政府工作报告重点工作责任分解》印发给你们，请结合实际抓好落实。
附件：2023年区政府工作报告重点工作责任分解
某某区人民政府办公室
2023年2月8日
附件
2023年区政府工作报告重点工作责任分解
（一）王伟区长牵头
序号
|
重点工作
|
牵头单位
|
责任单位
|
完成时限
1
|
地区生产总值增长6%。
|
区发改局
|
区统计局
|
全年
2
|
完成固定资产投资150亿元。
|
区发改局
|
区住建局、区自然资源分局
|
12月底前
（二）李红副区长牵头
序号
|
重点工作
|
牵头单位
|
责任单位
|
完成时限
3
|
新改建幼儿园3所。
|
区教育局
|

|
9月底前
分享到：
【打印本页】【关闭窗口】
"""


def test_a_web_page_copy_with_the_header_repeated_per_section():
    parsed = parse_bytes(WEB_COPY.encode(), "web.txt")
    assert rows(parsed) == [
        ("1", "地区生产总值增长6%。", [("区发改局", "lead"), ("区统计局", "support")], [], "全年"),
        (
            "2",
            "完成固定资产投资150亿元。",
            [("区发改局", "lead"), ("区住建局", "support"), ("区自然资源分局", "support")],
            [],
            "12月底前",
        ),
        ("3", "新改建幼儿园3所。", [("区教育局", "lead")], [], "9月底前"),
    ]
    assert sections(parsed) == [
        ("（一）王伟区长牵头", ["王伟"]),
        ("（二）李红副区长牵头", ["李红"]),
    ]
    assert parsed["notice"]["issued_on"] == "2023-02-08"


def two_sheet_ledger() -> bytes:
    workbook = openpyxl.Workbook()
    five = workbook.active
    # The sheet is named after its annex, and the annex heading is printed in it again.
    five.title = "附件1 五年目标任务"
    five.append(["附件1"])
    five.append(["某某区政府工作报告今后五年主要目标任务责任分解表"])
    # A two-row header: 责任单位 over 牵头单位 | 配合单位.
    five.append(["序号", "重点工作", "牵头区领导", "责任单位", None, "完成时限"])
    five.append([None, None, None, "牵头单位", "配合单位", None])
    five.append(
        [1, "地区生产总值年均增长6%以上。", "陈刚常务副区长", "区发改局", "区统计局", "2027年"]
    )
    five.append([2, "一般公共预算收入年均增长7%。", None, "区财政局", "区税务局", "2027年"])
    five.append(
        [
            3,
            "数字经济核心产业增加值年均增长10%。",
            "刘洋副区长",
            "区经信局",
            "区发改局、区科技局",
            "2027年",
        ]
    )
    for cells in ("A2:F2", "A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:F4", "C5:C6"):
        five.merge_cells(cells)
    annual = workbook.create_sheet("附件2 2023年")
    annual.append(["附件2"])
    annual.append(["某某区2023年政府工作报告重点工作责任分解表"])
    annual.append(
        ["序号", "项目名称", "建设内容", "牵头单位", "配合单位", "责任领导", "完成时限", "备注"]
    )
    annual.append(
        [1, "城市更新", "完成老旧小区改造10个。", "区住建局", "各街道", "刘洋", "12月底前"]
    )
    annual.append([None, None, "新建口袋公园5个。", "区城管局", "区住建局", None, "10月底前"])
    annual.append(
        [
            2,
            "教育提升",
            "新建中小学2所。",
            "区教育局",
            "区住建局、区自然资源分局",
            "王丽",
            "9月底前",
            "由区教育局、区住建局共同牵头",
        ]
    )
    for cells in ("A4:A5", "B4:B5", "F4:F5"):
        annual.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_two_sheet_ledger_with_a_two_row_header():
    parsed = parse_bytes(two_sheet_ledger(), "ledger.xlsx")
    assert [(plan["annex"], plan["title"], plan["kind"]) for plan in parsed["plans"]] == [
        ("1", "某某区政府工作报告今后五年主要目标任务责任分解表", "five_year"),
        ("2", "某某区2023年政府工作报告重点工作责任分解表", "annual"),
    ]
    assert rows(parsed) == [
        (
            "1",
            "地区生产总值年均增长6%以上。",
            [("区发改局", "lead"), ("区统计局", "support")],
            ["陈刚"],
            "2027年",
        ),
        (
            "2",
            "一般公共预算收入年均增长7%。",
            [("区财政局", "lead"), ("区税务局", "support")],
            ["陈刚"],
            "2027年",
        ),
        (
            "3",
            "数字经济核心产业增加值年均增长10%。",
            [("区经信局", "lead"), ("区发改局", "support"), ("区科技局", "support")],
            ["刘洋"],
            "2027年",
        ),
        (
            "1",
            "完成老旧小区改造10个。",
            [("区住建局", "lead"), ("各街道", "support")],
            ["刘洋"],
            "12月底前",
        ),
        (
            "1",
            "新建口袋公园5个。",
            [("区城管局", "lead"), ("区住建局", "support")],
            ["刘洋"],
            "10月底前",
        ),
        (
            "2",
            "新建中小学2所。",
            [("区教育局", "lead"), ("区住建局", "support"), ("区自然资源分局", "support")],
            ["王丽"],
            "9月底前",
        ),
    ]
    assert [item["name"] for item in all_items(parsed)[3:]] == ["城市更新", "城市更新", "教育提升"]
    assert all_items(parsed)[5]["lead_override"] == ["区教育局", "区住建局"]
    assert parsed["warnings"] == []


SECTION_TABLE_HEADER = ["工作任务", "牵头单位", "配合单位", "责任领导", "完成时间"]


def test_tables_per_section_without_seq_and_with_merged_lead_cells():
    industry = [
        SECTION_TABLE_HEADER,
        ["实施工业技改项目50个。", "县经信局", "县发改局", "周明", "2022年12月"],
        ["新增规上企业20家。", "", "县统计局", "", "2022年12月"],
        ["培育专精特新企业10家。", "", "县科技局,县市场监管局", "", "2022年11月"],
    ]
    villages = [
        SECTION_TABLE_HEADER,
        ["建成美丽乡村精品村5个。", "县农业农村局", "各乡镇", "吴敏", "2022年10月"],
    ]
    parsed = parse_bytes(
        word(
            "附件",
            "2022年县政府工作报告重点工作责任分解表",
            "一、工业经济（周明副县长牵头）",
            (industry, [(1, 1, 3, 1), (1, 3, 3, 3)]),
            "二、乡村振兴（吴敏副县长牵头）",
            (villages, []),
        ),
        "sections.docx",
    )
    assert sections(parsed) == [
        ("一、工业经济（周明副县长牵头）", ["周明"]),
        ("二、乡村振兴（吴敏副县长牵头）", ["吴敏"]),
    ]
    assert rows(parsed) == [
        (
            None,
            "实施工业技改项目50个。",
            [("县经信局", "lead"), ("县发改局", "support")],
            ["周明"],
            "2022年12月",
        ),
        (
            None,
            "新增规上企业20家。",
            [("县经信局", "lead"), ("县统计局", "support")],
            ["周明"],
            "2022年12月",
        ),
        (
            None,
            "培育专精特新企业10家。",
            [("县经信局", "lead"), ("县科技局", "support"), ("县市场监管局", "support")],
            ["周明"],
            "2022年11月",
        ),
        (
            None,
            "建成美丽乡村精品村5个。",
            [("县农业农村局", "lead"), ("各乡镇", "support")],
            ["吴敏"],
            "2022年10月",
        ),
    ]


LIVELIHOOD_HEADER = ["序号", "项目名称", "主要内容", "牵头单位", "责任单位", "责任领导", "完成时限"]
LIVELIHOOD_ROWS = [
    (
        "1",
        "新建城市书房5家",
        [("区文广旅体局", "lead"), ("各街道", "support")],
        ["张伟"],
        "2023年10月底前",
    ),
    (
        "1",
        "新建文化驿站10家",
        [("区文广旅体局", "lead"), ("各街道", "support")],
        ["张伟"],
        "2023年12月底前",
    ),
    (
        "2",
        "改造老旧小区12个",
        [("区住建局", "lead"), ("相关街道", "support")],
        ["李强"],
        "2023年12月底前",
    ),
]


def test_merged_projects_whose_texts_have_no_full_stop_in_word():
    table = [
        LIVELIHOOD_HEADER,
        [
            "1",
            "城市书房建设",
            "新建城市书房5家",
            "区文广旅体局",
            "各街道",
            "张伟",
            "2023年10月底前",
        ],
        ["", "", "新建文化驿站10家", "区文广旅体局", "各街道", "", "2023年12月底前"],
        ["2", "老旧小区改造", "改造老旧小区12个", "区住建局", "相关街道", "李强", "2023年12月底前"],
    ]
    parsed = parse_bytes(
        word(
            "附件3",
            "2023年度区政府民生实事项目任务分解表",
            (table, [(1, 0, 2, 0), (1, 1, 2, 1), (1, 5, 2, 5)]),
        ),
        "projects.docx",
    )
    assert parsed["plans"][0]["kind"] == "livelihood"
    assert rows(parsed) == LIVELIHOOD_ROWS
    assert [item["name"] for item in all_items(parsed)] == [
        "城市书房建设",
        "城市书房建设",
        "老旧小区改造",
    ]


def test_merged_projects_in_a_text_copy_and_a_row_cut_by_a_page():
    header = "\t".join(LIVELIHOOD_HEADER)
    text = (
        f"附件3\n2023年度区政府民生实事项目任务分解表\n{header}\n"
        "1\t城市书房建设\t新建城市书房5家\t区文广旅体局\t各街道\t张伟\t2023年10月底前\n"
        "\t\t新建文化驿站10家\t区文广旅体局\t各街道\t张伟\t2023年12月底前\n"
        "2\t老旧小区改造\t改造老旧小区12个\t区住建局\t相关街道\t李强\t2023年12月底前\n"
        f"{header}\n"
        "3\t普惠托育\t新增托位500个，其中普惠性托位\t区卫健局\t区教育局、\t王丽\t2023年11月\n"
        "\t\t300个\t\t区妇联\t\t底前\n"
    )
    parsed = parse_bytes(text.encode(), "projects.txt")
    assert rows(parsed) == [
        *LIVELIHOOD_ROWS,
        (
            "3",
            "新增托位500个，其中普惠性托位300个",
            [("区卫健局", "lead"), ("区教育局", "support"), ("区妇联", "support")],
            ["王丽"],
            "2023年11月底前",
        ),
    ]


def test_a_first_is_lead_header_bracketed_roles_and_bracketed_titles():
    table = [
        ["序号", "主要任务", "分管区领导", "责任单位（列第一位的为牵头单位）", "时间进度"],
        ["1", "建设智慧城市。", "常务副区长 张三", "区大数据局、区发改委", "2023年底"],
        ["2", "推进乡村振兴。", "张三（副区长）", "区农业农村局、区财政局", "2023年底"],
        ["3", "推进B。", "李四", "区税务局、区财政局（牵头）", "全年"],
        ["4", "深化改革。", "区政府分管领导", "区发改局", "全年"],
    ]
    parsed = parse_bytes(word("附件", "2023年重点工作任务清单", (table, [])), "header.docx")
    assert rows(parsed) == [
        (
            "1",
            "建设智慧城市。",
            [("区大数据局", "lead"), ("区发改委", "support")],
            ["张三"],
            "2023年底",
        ),
        (
            "2",
            "推进乡村振兴。",
            [("区农业农村局", "lead"), ("区财政局", "support")],
            ["张三"],
            "2023年底",
        ),
        ("3", "推进B。", [("区税务局", "support"), ("区财政局", "lead")], ["李四"], "全年"),
        ("4", "深化改革。", [("区发改局", "lead")], [], "全年"),
    ]
    assert all_items(parsed)[1]["leaders"][0]["titles"] == ["副区长"]
    # An office instead of a person is not a name; it is reported, not dropped silently.
    assert [warning["message"] for warning in parsed["warnings"]] == [
        "leader cell not read as names: 区政府分管领导"
    ]


LABEL_LINES = """附件
某某县2023年政府工作报告重点工作任务分解
一、王强县长牵头（共3项）
（一）经济发展
1.地区生产总值增长7%左右。
责任领导：王强
牵头单位：县发改局
配合单位：县统计局、各乡镇（街道）
完成时限：2023年12月底
2.固定资产投资增长10%。
牵头单位：县发改局
配合单位：县住建局
完成时限：全年
（二）营商环境
3.优化营商环境，打造“最多跑一次”升级版。
责任单位：县政务服务中心（牵头）、县市场监管局
完成时限：6月底前
二、李霞副县长牵头（共2项）
4.城乡居民医保参保率稳定在98%以上。
责任单位：县医保局、县卫健局
备注：由县医保局牵头
"""


def test_a_list_with_one_label_per_line_under_each_task():
    parsed = parse_bytes(LABEL_LINES.encode(), "labels.txt")
    assert rows(parsed) == [
        (
            "1",
            "地区生产总值增长7%左右。",
            [("县发改局", "lead"), ("县统计局", "support"), ("各乡镇（街道）", "support")],
            ["王强"],
            "2023年12月底",
        ),
        ("2", "固定资产投资增长10%。", [("县发改局", "lead"), ("县住建局", "support")], [], "全年"),
        (
            "3",
            "优化营商环境，打造“最多跑一次”升级版。",
            [("县政务服务中心", "lead"), ("县市场监管局", "support")],
            [],
            "6月底前",
        ),
        (
            "4",
            "城乡居民医保参保率稳定在98%以上。",
            [("县医保局", "joint"), ("县卫健局", "joint")],
            [],
            None,
        ),
    ]
    assert all_items(parsed)[3]["lead_override"] == ["县医保局"]
    assert sections(parsed) == [
        ("（一）经济发展", ["王强"]),
        ("（二）营商环境", ["王强"]),
        ("二、李霞副县长牵头（共2项）", ["李霞"]),
    ]
    assert parsed["warnings"] == []


def test_unit_cells_that_label_their_own_roles():
    table = [
        ["序号", "重点工作", "牵头领导", "责任单位", "完成时限"],
        ["1", "建设智慧城市。", "张三", "牵头：区大数据局\n配合：区发改委、区财政局", "2023年底"],
        ["2", "推进乡村振兴。", "张三", "牵头单位：区农业农村局；配合单位：区财政局", "2023年底"],
        ["3", "推进C。", "李四", "区财政局（牵头），区税务局（配合）", "全年"],
        ["4", "推进D。", "李四、王五", "主办：区住建局 协办：区城管局", "全年"],
        ["5", "推进E。", "王五", "牵头单位：区发改局\n责任单位：区财政局、区统计局", "全年"],
    ]
    parsed = parse_bytes(word("附件", "2023年重点工作任务清单", (table, [])), "roles.docx")
    assert [units for _, _, units, _, _ in rows(parsed)] == [
        [("区大数据局", "lead"), ("区发改委", "support"), ("区财政局", "support")],
        [("区农业农村局", "lead"), ("区财政局", "support")],
        [("区财政局", "lead"), ("区税务局", "support")],
        [("区住建局", "lead"), ("区城管局", "support")],
        [("区发改局", "lead"), ("区财政局", "support"), ("区统计局", "support")],
    ]


TWO_ANNEXES = """某某市人民政府办公室文件
某政办发〔2023〕15号
某某市人民政府办公室
关于印发2023年市政府工作报告重点工作
责任分解的通知
各县（市、区）人民政府，市直各单位：
现将《2023年市政府工作报告重点工作责任分解》印发给你们，请认真贯彻落实。
附件：1.2023年市政府工作报告重点工作责任分解表
      2.2023年市政府民生实事项目责任分解表
某某市人民政府办公室
二〇二三年二月十日
（此件主动公开）
附件1
2023年市政府工作报告重点工作责任分解表
序号\t重点工作\t牵头单位\t配合单位
1\t地区生产总值增长6%。\t市发改委\t市统计局
附件2
2023年市政府民生实事项目责任分解表
序号\t项目\t牵头单位\t配合单位
1\t新建学校5所。\t市教育局\t市财政局
抄送：市委办公室，市人大常委会办公室。
某某市人民政府办公室 2023年2月11日印发
"""


def test_a_title_whose_issuer_stands_on_its_own_line():
    parsed = parse_bytes(TWO_ANNEXES.encode(), "annexes.txt")
    notice = parsed["notice"]
    assert notice["title"] == (
        "某某市人民政府办公室关于印发2023年市政府工作报告重点工作责任分解的通知"
    )
    assert (notice["issued_on"], notice["printed_on"]) == ("2023-02-10", "2023-02-11")
    assert notice["addressees"] == ["各县（市、区）人民政府", "市直各单位"]
    assert [(plan["annex"], plan["kind"]) for plan in parsed["plans"]] == [
        ("1", "annual"),
        ("2", "livelihood"),
    ]
    assert [units for _, _, units, _, _ in rows(parsed)] == [
        [("市发改委", "lead"), ("市统计局", "support")],
        [("市教育局", "lead"), ("市财政局", "support")],
    ]


def test_sections_numbered_in_the_seq_column():
    table = [
        ["序号", "重点工作", "责任领导", "牵头单位", "配合单位", "完成时限"],
        ["一", "稳增长（张三副市长牵头）", "", "", "", ""],
        ["1", "建设智慧城市。", "张三\n（副市长）", "市大数据局", "市发改委", "2023年底"],
        ["二", "惠民生", "李四", "", "", ""],
        ["1", "推进C。", "李四", "市财政局", "市税务局", "全年"],
        ["三、", "优环境", "", "", "", ""],
        ["1", "推进D。", "王五", "市住建局", "", "全年"],
    ]
    parsed = parse_bytes(word("附件", "2023年重点工作任务清单", (table, [])), "seq.docx")
    assert sections(parsed) == [
        ("一、稳增长（张三副市长牵头）", ["张三"]),
        ("二、惠民生", ["李四"]),
        ("三、优环境", []),
    ]
    assert rows(parsed) == [
        (
            "1",
            "建设智慧城市。",
            [("市大数据局", "lead"), ("市发改委", "support")],
            ["张三"],
            "2023年底",
        ),
        ("1", "推进C。", [("市财政局", "lead"), ("市税务局", "support")], ["李四"], "全年"),
        ("1", "推进D。", [("市住建局", "lead")], ["王五"], "全年"),
    ]
    assert all_items(parsed)[0]["leaders"][0]["titles"] == ["副市长"]


def test_a_pdf_cell_merged_down_over_two_rows_is_covered_from_above():
    # Three columns, three rows; the rule under row 1 stops short of the last column,
    # so the last cell of row 1 reaches down over row 2 (a leader shared by two tasks).
    left, top, height = 72, 100, 20
    edges = [left, left + 40, left + 240, left + 340]
    page = Page()
    for index, cells in enumerate([["No", "Task", "Leader"], ["1", "Build roads.", "Zhang"]]):
        for x, cell in zip(edges, cells, strict=False):
            page.text(x + 3, top + index * height + 6, cell)
    page.text(edges[0] + 3, top + 2 * height + 6, "2")
    page.text(edges[1] + 3, top + 2 * height + 6, "Repair bridges.")
    for index in range(4):
        y = top + index * height
        right = edges[2] if index == 2 else edges[3]
        page.rules.append((left, y, right, y))
    for x in edges:
        page.rules.append((x, top, x, top + 3 * height))
    document = read_pdf(make_pdf([page]))
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert [row.cells for row in table.rows] == [
        ["No", "Task", "Leader"],
        ["1", "Build roads.", "Zhang"],
        ["2", "Repair bridges.", ""],
    ]
    assert [row.covered for row in table.rows] == [frozenset(), frozenset(), frozenset({2})]


PIPE_TABLE = """附件
2023年重点工作责任分解表
二、张三常务副市长、李四副市长共同牵头
| 序号 | 重点工作 | 责任单位 | 完成时限 |
|---|---|---|---|
| 1 | 地区生产总值增长6%。 | 市发改委*、市统计局 | 全年 |
| 2 | 新建学校5所。 | 市教育局 | 2023年9月 |
三、王五副市长牵头
序号 | 重点工作 | 责任单位 | 完成时限
3 | 新增就业2万人。 | 市人社局 | 全年
"""


def test_a_text_copy_with_pipe_tables_and_a_jointly_led_section():
    parsed = parse_bytes(PIPE_TABLE.encode(), "pipes.txt")
    assert sections(parsed) == [
        ("二、张三常务副市长、李四副市长共同牵头", ["张三", "李四"]),
        ("三、王五副市长牵头", ["王五"]),
    ]
    assert rows(parsed) == [
        ("1", "地区生产总值增长6%。", [("市发改委", "lead"), ("市统计局", "support")], [], "全年"),
        ("2", "新建学校5所。", [("市教育局", "joint")], [], "2023年9月"),
        ("3", "新增就业2万人。", [("市人社局", "joint")], [], "全年"),
    ]
    assert parsed["warnings"] == []


def test_header_words_of_other_notices():
    table = [
        ["序号", "工作任务", "责任人", "牵头责任单位", "配合处室", "完成期限"],
        ["1", "完善统计制度。", "张三", "综合处", "法规处、财务处", "6月底前"],
        ["2", "推进数据共享。", "李四", "信息中心", "", "全年"],
    ]
    parsed = parse_bytes(word("附件", "2023年重点工作任务分解表", (table, [])), "office.docx")
    assert rows(parsed) == [
        (
            "1",
            "完善统计制度。",
            [("综合处", "lead"), ("法规处", "support"), ("财务处", "support")],
            ["张三"],
            "6月底前",
        ),
        ("2", "推进数据共享。", [("信息中心", "lead")], ["李四"], "全年"),
    ]
    assert parsed["warnings"] == []


ROLES_IN_BRACKETS = """某某市人民政府关于印发2023年市政府工作报告重点工作分工方案的通知
各区县人民政府，市政府各部门：
现将分工方案印发给你们，请认真贯彻执行。
某某市人民政府
2023年2月1日
2023年市政府工作报告重点工作分工方案
一、推动经济平稳健康发展
1.全市地区生产总值增长6%左右。（市发改委牵头，市统计局配合）
2.一般公共预算收入增长5%。（市财政局负责）
3.固定资产投资增长8%。（市发改委、市住建局牵头，各区县政府落实）
二、扎实推进共同富裕
4.城乡居民收入增长与经济增长基本同步。（市人社局、市农业农村局按职责分工负责）
5.完成老旧小区改造100个（2023年底前完成）。（市住建局牵头）
"""


def test_a_list_whose_units_stand_in_brackets_with_role_words():
    parsed = parse_bytes(ROLES_IN_BRACKETS.encode(), "roles.txt")
    assert rows(parsed) == [
        (
            "1",
            "全市地区生产总值增长6%左右。",
            [("市发改委", "lead"), ("市统计局", "support")],
            [],
            None,
        ),
        ("2", "一般公共预算收入增长5%。", [("市财政局", "joint")], [], None),
        (
            "3",
            "固定资产投资增长8%。",
            [("市发改委", "lead"), ("市住建局", "lead"), ("各区县政府", "support")],
            [],
            None,
        ),
        (
            "4",
            "城乡居民收入增长与经济增长基本同步。",
            [("市人社局", "joint"), ("市农业农村局", "joint")],
            [],
            None,
        ),
        ("5", "完成老旧小区改造100个（2023年底前完成）。", [("市住建局", "lead")], [], None),
    ]
    assert parsed["warnings"] == []


def test_a_sheet_with_a_note_row_saying_the_first_unit_leads():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["附件：2023年政府工作报告重点工作任务分解表"])
    sheet.append(["序号", "重点工作", "责任单位", "完成时限"])
    sheet.append([1, "新建学校3所。", "区教育局、区住建局", dt.datetime(2023, 12, 31)])
    sheet.append([2, "改造老旧小区10个。", "区住建局、各街道", "2023年10月"])
    sheet.append(["注：责任单位中列第一位的为牵头单位。"])
    sheet.merge_cells("A1:D1")
    sheet.merge_cells("A5:D5")
    buffer = io.BytesIO()
    workbook.save(buffer)
    parsed = parse_bytes(buffer.getvalue(), "sheet.xlsx")
    assert parsed["plans"][0]["title"] == "2023年政府工作报告重点工作任务分解表"
    assert rows(parsed) == [
        ("1", "新建学校3所。", [("区教育局", "lead"), ("区住建局", "support")], [], "2023-12-31"),
        (
            "2",
            "改造老旧小区10个。",
            [("区住建局", "lead"), ("各街道", "support")],
            [],
            "2023年10月",
        ),
    ]
    assert parsed["warnings"] == []
