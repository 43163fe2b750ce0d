"""Tables whose columns come in any order, under unfamiliar words or none, read by content."""

from hypothesis import given, settings
from hypothesis import strategies as st

from duban.parsing.api import parse_bytes
from duban.parsing.layout import infer_layout

TEXTS = [
    "新建城区公办幼儿园3所，新增学位1200个。",
    "改造老旧小区15个，惠及居民4000户。",
    "新增停车泊位2000个，缓解中心城区停车难。",
    "推进城市有机更新，完成城中村改造项目5个。",
    "深化“最多跑一次”改革，打造一流营商环境。",
    "新增城镇就业8000人，零就业家庭动态清零。",
    "建成区级综合养老服务中心1家，新增养老床位300张。",
]
UNITS = ["区教育局", "区住建局", "区交通运输局", "区城管局", "区人社局", "区民政局", "各街道办事处"]
LEADERS = {"王建华": "副区长", "李晓东": "副区长", "陈静": "常务副区长"}
DEADLINES = ["2023年12月底前", "全年", "6月底前", "长期坚持", "2023年9月"]
# Header words by role: the vocabulary's, and words offices use that it does not hold.
HEADERS = {
    "seq": ["序号", "编号", "No."],
    "text": ["重点工作", "民生实事", "事项", "具体内容", "2023年预期目标"],
    "units": ["责任单位", "承办", "落实主体", "负责部门", "责任主体"],
    "deadline": ["完成时限", "时间", "节点", "期限"],
    "leaders": ["牵头领导", "分管", "联系领导", "包保领导"],
    "amount": ["计划投资（万元）", "资金", "数量"],
}


@st.composite
def tables(draw):
    count = draw(st.integers(2, 5))
    texts = draw(st.permutations(TEXTS))[:count]
    rows = []
    for number, text in enumerate(texts, start=1):
        units = draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True))
        rows.append(
            {
                "seq": str(number),
                "text": text,
                "units": units,
                "deadline": draw(st.sampled_from(DEADLINES)),
                "leaders": draw(st.sampled_from(sorted(LEADERS))),
                # Amounts that never count up by one: 100, 101 under no header is a 序号.
                "amount": str(draw(st.integers(10, 5000)) * 10),
            }
        )
    roles = ["text", "units"] + [
        role for role in ("seq", "deadline", "leaders", "amount") if draw(st.booleans())
    ]
    roles = draw(st.permutations(roles))
    headed = draw(st.booleans())
    header = [draw(st.sampled_from(HEADERS[role])) for role in roles] if headed else None
    return roles, header, rows


def _cell(row: dict, role: str) -> str:
    if role == "leaders":
        return row["leaders"] + LEADERS[row["leaders"]]
    return "、".join(row["units"]) if role == "units" else row[role]


def _notice(roles: list[str], header: list[str] | None, rows: list[dict]) -> bytes:
    lines = ["附件", "2023年重点工作任务分解表"]
    if header:
        lines.append("\t".join(header))
    lines += ["\t".join(_cell(row, role) for role in roles) for row in rows]
    return ("\n".join(lines) + "\n").encode()


@settings(max_examples=60, deadline=None)
@given(tables())
def test_rows_come_out_right_whatever_the_order_words_or_missing_header(table):
    roles, header, rows = table
    parsed = parse_bytes(_notice(roles, header, rows), "table.txt")
    items = [item for plan in parsed["plans"] for s in plan["sections"] for item in s["items"]]
    assert [item["text"] for item in items] == [row["text"] for row in rows]
    for item, row in zip(items, rows, strict=True):
        assert [unit["name"] for unit in item["units"]] == row["units"]
        if "seq" in roles:
            assert item["seq"] == row["seq"]
        if "deadline" in roles:
            assert item["deadline"] == row["deadline"]
        if "leaders" in roles:
            assert [leader["name"] for leader in item["leaders"]] == [row["leaders"]]
        if "amount" in roles:
            assert row["amount"] in (item.get("extra") or {}).values()


def test_each_column_says_whether_its_header_its_content_or_both_placed_it():
    layout = infer_layout(
        1,
        [
            ["序号", "民生实事", "办理", "时间"],
            ["1", "新建城区公办幼儿园3所，新增学位1200个。", "区教育局", "年底前"],
            ["2", "改造老旧小区15个，惠及居民4000户。", "区住建局", "全年"],
        ],
    )
    assert [(c.role, c.evidence) for c in layout.columns] == [
        ("seq", "both"),
        ("text", "content"),
        ("units", "content"),
        ("deadline", "both"),
    ]
    assert layout.header_row == 0


def test_roles_set_by_the_office_override_what_the_parser_read():
    notice = "附件\n2023年重点工作任务分解表\n任务\t甲方\t乙方\n" + "".join(
        f"{text}\t区教育局\t区住建局、区民政局\n" for text in TEXTS[:2]
    )
    read = parse_bytes(notice.encode(), "t.txt")
    first = read["plans"][0]["sections"][0]["items"][0]
    assert {unit["role"] for unit in first["units"]} == {"joint"}
    roles = {1: ["text", "lead_units", "support_units"]}
    corrected = parse_bytes(notice.encode(), "t.txt", roles=roles)
    first = corrected["plans"][0]["sections"][0]["items"][0]
    assert [(u["name"], u["role"]) for u in first["units"]] == [
        ("区教育局", "lead"),
        ("区住建局", "support"),
        ("区民政局", "support"),
    ]
    assert corrected["layouts"][0]["columns"][1]["evidence"] == "override"
