"""What `duban parse` prints: the notice as JSON or as a readable rich summary."""

import json

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

KINDS = {"five_year": "五年", "annual": "年度", "livelihood": "民生实事", "other": "其他"}


def render_json(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2)


def render_table(result: dict, console: Console) -> None:
    """Print the metadata, every plan's sections and rows, and the warnings."""
    console.print(_metadata(result))
    for plan in result["plans"]:
        annex = str(plan.get("annex") or "")
        if annex and not annex.startswith("附件"):
            annex = "附件" + annex
        title = Text(f"{annex} " if annex else "")
        title.append(plan["title"], style="bold")
        years = "–".join(str(y) for y in plan.get("years") or [])
        title.append(f"  {KINDS.get(plan['kind'], plan['kind'])} {years}", style="dim")
        console.rule(title)
        for section in plan["sections"]:
            console.print(_section(section, console.width))
    console.print(_warnings(result["warnings"]))


def render_explain(result: dict, console: Console) -> None:
    """How each table and list was read: column roles with their evidence, and confidence."""
    for layout in result.get("layouts") or []:
        where = layout.get("location") or {}
        place = ", ".join(f"{key} {value}" for key, value in where.items() if value)
        table = Table(
            title=f"表格 {layout['table']}（{place}）  可信度 {layout['confidence']:.2f}",
            title_justify="left",
        )
        for heading in ("列", "表头", "读作", "依据", "可信度"):
            table.add_column(heading)
        for column in layout["columns"]:
            table.add_row(
                str(column["index"] + 1),
                column["header"] or "-",
                ROLE_NAMES.get(column["role"], "未读取"),
                EVIDENCE.get(column["evidence"], "-"),
                f"{column['confidence']:.2f}",
            )
        console.print(table)
    for plan in result["plans"]:
        listed = [
            (section, item)
            for section in plan["sections"]
            for item in section["items"]
            if not item["location"].get("table")
        ]
        if listed:
            console.print(_list_layout(plan, listed))
    unsure = [w for w in result["warnings"] if w.get("location")]
    console.print(f"存疑之处 {len(unsure)} 条（位置见下）")
    console.print(_warnings(unsure))


def _list_layout(plan: dict, listed: list[tuple[dict, dict]]) -> Text:
    """A list's reading: how many items, and where their units and leaders came from."""
    count = len(listed)
    assigned = sum(
        1 for section, item in listed if item["units"] or item["leaders"] or section["leaders"]
    )
    parts = {
        "牵头单位": sum(any(u["role"] == "lead" for u in item["units"]) for _, item in listed),
        "责任/配合单位": sum(any(u["role"] != "lead" for u in item["units"]) for _, item in listed),
        "本行领导": sum(bool(item["leaders"]) for _, item in listed),
        "标题领导": sum(bool(section["leaders"]) for section, _ in listed),
        "完成时限": sum(bool(item.get("deadline")) for _, item in listed),
    }
    text = Text(
        f"列表（{plan['title']}）：{count} 项编号条目，可信度 {assigned / count:.2f}；",
        style="bold",
    )
    text.append("；".join(f"{label} {number} 项" for label, number in parts.items() if number))
    return text


ROLE_NAMES = {
    "seq": "序号",
    "name": "名称",
    "text": "任务内容",
    "units": "责任单位",
    "lead_units": "牵头单位",
    "support_units": "配合单位",
    "leaders": "领导",
    "deadline": "完成时限",
    "remark": "备注",
    "extra": "其他（保留原文）",
    "progress": "进度（非任务）",
}
EVIDENCE = {"header": "表头", "content": "内容", "both": "表头与内容", "override": "人工指定"}


def _metadata(result: dict) -> Table:
    notice, source = result["notice"], result["source"]
    table = Table(show_header=False, box=None, title="通知", title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    rows = [
        ("文件", f"{source['filename']} ({source['format']}, {source.get('pages') or '-'} 页)"),
        ("发文机关", notice.get("issuer")),
        ("文号", notice.get("doc_number")),
        ("标题", notice.get("title")),
        ("成文日期", notice.get("issued_on")),
        ("印发日期", notice.get("printed_on")),
        ("主送", "、".join(notice.get("addressees") or [])),
        ("抄送", "、".join(notice.get("cc") or [])),
        ("附件", " / ".join(notice.get("attachments") or [])),
        ("公开", {True: "是", False: "否"}.get(notice.get("public"), "-")),
    ]
    for label, value in rows:
        table.add_row(label, Text(str(value)) if value else Text("-", style="dim"))
    return table


def _section(section: dict, width: int) -> Group:
    leaders = "、".join(leader["name"] for leader in section.get("leaders") or [])
    heading = Text(section.get("heading") or "", style="bold")
    if leaders:
        heading.append(f"  牵头领导: {leaders}", style="cyan")
    table = Table(show_lines=False, expand=False)
    table.add_column("序号", no_wrap=True)
    # One line per row: long texts end in "…", leaving the units room to wrap.
    table.add_column(
        "重点工作", max_width=max(20, width * 2 // 5), no_wrap=True, overflow="ellipsis"
    )
    table.add_column("领导")
    table.add_column("责任单位 (*牵头)", overflow="fold")
    table.add_column("备注", max_width=max(10, width // 6), no_wrap=True, overflow="ellipsis")
    for item in section["items"]:
        text = (f"[{item['name']}] " if item.get("name") else "") + item["text"]
        table.add_row(
            item.get("seq") or "",
            Text(text),
            "、".join(leader["name"] for leader in item.get("leaders") or []),
            _units(item["units"]),
            Text(item.get("remark") or ""),
        )
    return Group(heading, table)


def _units(units: list[dict]) -> Text:
    text = Text()
    for index, unit in enumerate(units):
        if index:
            text.append("、")
        if unit["role"] == "lead":
            text.append(unit["name"] + "*", style="bold")
        else:
            text.append(unit["name"])
    return text


def _warnings(warnings: list[dict]) -> Table | Text:
    if not warnings:
        return Text("警告 0 条")
    table = Table(title=f"警告 {len(warnings)} 条", title_justify="left")
    table.add_column("位置", no_wrap=True)
    table.add_column("说明")
    for warning in warnings:
        location = warning.get("location") or {}
        where = " ".join(f"{k}={v}" for k, v in location.items() if v is not None)
        table.add_row(where or "-", Text(warning["message"]))
    return table
