"""A 通报 as a Word document in 公文 form, written from its frozen snapshot."""

from duban.bulletins.models import Bulletin
from duban.exports import gongwen
from duban.supervision.choices import Colour

LAGGING_HEADER = ["任务", "内容", "牵头单位", "状态", "原因"]
LAGGING_WIDTHS = [30, 66, 26, 16, 18]
RANK_HEADER = ["名次", "单位", "牵头任务", "正常推进", "比例"]
RANK_WIDTHS = [14, 66, 24, 24, 28]


def _count(bulletin: Bulletin, key: str) -> int:
    return len(bulletin.figure(key)["items"])


def narrative(bulletin: Bulletin) -> list[str]:
    """The paragraphs of counts, in the order the bulletin states them."""
    # A bulletin frozen before a colour existed has no figure for it.
    tasks = "，".join(
        f"{label}{_count(bulletin, f'tasks-{colour}')}项"
        for colour, label in Colour.choices
        if bulletin.figure(f"tasks-{colour}") is not None
    )
    targets = "，".join(
        f"{bulletin.figure(key)['label']}{_count(bulletin, key)}个"
        for key in ("targets-ahead", "targets-on_pace", "targets-behind")
    )
    reports = "，".join(
        f"{bulletin.figure(key)['label']}{_count(bulletin, key)}份"
        for key in ("reports-owed", "reports-late", "reports-returned")
    )
    return [
        f"截至{bulletin.as_of.year}年{bulletin.as_of.month}月{bulletin.as_of.day}日，"
        f"纳入督办的重点工作任务中，{tasks}。",
        f"量化指标中，{targets}。",
        f"进度报送方面（{'、'.join(bulletin.snapshot.get('cycles', [])) or '无报送周期'}），{reports}。",
    ]


def bulletin_docx(bulletin: Bulletin, issuer: str) -> bytes:
    document = gongwen.new_document()
    gongwen.paragraph(document, bulletin.doc_number, align="center")
    gongwen.title(document, bulletin.title)
    gongwen.paragraph(document, "各街道办事处、镇人民政府，区政府直属各单位：")
    for text in narrative(bulletin):
        gongwen.body(document, text)
    lagging = bulletin.snapshot.get("lagging", [])
    gongwen.heading(document, "一、滞后任务")
    gongwen.body(
        document,
        f"滞后和严重滞后任务共{len(lagging)}项，详见附件。请牵头单位对照原因抓紧整改。",
    )
    gongwen.heading(document, "二、报告逾期或督办单未反馈的单位")
    units = bulletin.figure("units-overdue")["items"]
    gongwen.body(document, "；".join(item["text"] for item in units) + "。" if units else "无。")
    gongwen.heading(document, "三、单位排名")
    for group in bulletin.snapshot.get("ranking", []):
        if group["rows"]:
            gongwen.paragraph(document, f"（{group['group']}）")
            gongwen.table(document, RANK_HEADER, group["rows"], RANK_WIDTHS)
    gongwen.paragraph(document, "")
    gongwen.paragraph(document, "附件：滞后任务清单")
    gongwen.paragraph(document, issuer, align="right")
    day = bulletin.as_of
    gongwen.paragraph(document, f"{day.year}年{day.month}月{day.day}日", align="right")
    gongwen.page_break(document)
    gongwen.heading(document, "附件")
    gongwen.title(document, "滞后任务清单")
    if lagging:
        gongwen.table(document, LAGGING_HEADER, lagging, LAGGING_WIDTHS)
    else:
        gongwen.body(document, "无。")
    return gongwen.to_bytes(document)
