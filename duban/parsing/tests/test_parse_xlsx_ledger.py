"""Acceptance: a ledger written with openpyxl parses back to the rows it was written from."""

import io

import openpyxl
from openpyxl.styles import Alignment

from duban.parsing import parse_bytes

HEADER = ["序号", "重点工作", "牵头领导", "牵头单位", "配合单位", "完成时限", "备注"]
REMARK = "根据区委工作安排，由区委宣传部牵头。"


def ledger(*, merge: list[str]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "2022年重点工作"
    sheet.append(HEADER)
    sheet.append(
        [
            1,
            "建设城市书房\n新增文化驿站",
            "张 伟",
            "区文广旅体局",
            "各街道、区财政局",
            "2022年12月底",
            None,
        ]
    )
    sheet["B2"].alignment = Alignment(wrap_text=True)
    sheet.append(
        [2, "新建园林驿站 5 个。", "杨丽霞", "区综合行政执法局", "区住建局", "2022年6月底", REMARK]
    )
    sheet.append([3, "打通断头路 2 条。", "陈允岳", "区住建局", None, "2022年9月底", None])
    sheet.append([None, "建成停车位 1000 个。", None, "区交通运输局", "区公安分局", None, None])
    for cells in merge:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rows(result: dict) -> list[tuple]:
    return [
        (
            item["seq"],
            item["text"],
            "、".join(leader["name"] for leader in item["leaders"]),
            [(unit["name"], unit["role"]) for unit in item["units"]],
            item["deadline"],
            item["remark"],
        )
        for plan in result["plans"]
        for section in plan["sections"]
        for item in section["items"]
    ]


def test_a_ledger_parses_to_the_rows_it_was_written_from():
    result = parse_bytes(ledger(merge=["A4:A5"]), "ledger.xlsx")
    assert result["source"]["format"] == "xlsx"
    assert result["warnings"] == []
    assert [(p["title"], p["kind"], p["years"]) for p in result["plans"]] == [
        ("2022年重点工作", "annual", [2022])
    ]
    assert rows(result)[:3] == [
        (
            "1",
            "建设城市书房新增文化驿站",
            "张伟",
            [("区文广旅体局", "lead"), ("各街道", "support"), ("区财政局", "support")],
            "2022年12月底",
            None,
        ),
        (
            "2",
            "新建园林驿站 5 个。",
            "杨丽霞",
            [("区综合行政执法局", "lead"), ("区住建局", "support")],
            "2022年6月底",
            REMARK,
        ),
        ("3", "打通断头路 2 条。", "陈允岳", [("区住建局", "lead")], "2022年9月底", None),
    ]
    # The merged 序号 covers both rows of item 3.
    assert rows(result)[3][:2] == ("3", "建成停车位 1000 个。")
    assert rows(result)[3][3] == [("区交通运输局", "lead"), ("区公安分局", "support")]


def test_items_carry_the_sheet_and_row_they_came_from():
    result = parse_bytes(ledger(merge=["A4:A5"]), "ledger.xlsx")
    items = [
        item
        for plan in result["plans"]
        for section in plan["sections"]
        for item in section["items"]
    ]
    assert [(item["location"]["table"], item["location"]["row"]) for item in items] == [
        (1, 2),
        (1, 3),
        (1, 4),
        (1, 5),
    ]


def test_a_merged_leader_and_deadline_apply_to_every_row_they_cover():
    result = parse_bytes(ledger(merge=["A4:A5", "C4:C5", "F4:F5"]), "ledger.xlsx")
    assert rows(result)[3][2] == "陈允岳"
    assert rows(result)[3][4] == "2022年9月底"
