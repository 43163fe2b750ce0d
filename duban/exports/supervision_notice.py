"""A 督办单 as a Word document in 公文 form, with a 反馈回执 to fill in and send back."""

from django.utils import timezone

from duban.exports import gongwen
from duban.supervision.models import SupervisionNotice


def _day(value) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def notice_docx(notice: SupervisionNotice) -> bytes:
    task = notice.task
    issuer = task.plan.notice.issuer
    copied = "、".join(o.name for o in notice.copied_to.all())
    document = gongwen.new_document()
    gongwen.title(document, f"{issuer}督办单")
    gongwen.paragraph(
        document,
        f"{notice.number}　　等级：{notice.get_tier_display()}",
        align="center",
    )
    gongwen.paragraph(document, f"{notice.unit.name}：")
    gongwen.body(document, f"事由：{notice.reason}")
    gongwen.body(document, f"督办任务：{task.plan.title}第{task.seq}项　{task.text}")
    if task.deadline:
        gongwen.body(document, f"任务完成时限：{task.deadline}")
    gongwen.body(
        document,
        f"请于{_day(notice.respond_by)}前将落实情况书面反馈督查室（填写下方反馈回执）。",
    )
    gongwen.paragraph(document, f"签发：{notice.signer}", align="right")
    gongwen.paragraph(document, _day(timezone.localtime(notice.issued_at)), align="right")
    gongwen.paragraph(document, f"抄送：{copied or '—'}")
    gongwen.paragraph(document, "-" * 38, align="center")
    gongwen.heading(document, "反馈回执")
    gongwen.table(
        document,
        ["项目", "内容"],
        [
            ["督办单编号", notice.number],
            ["反馈单位", notice.unit.name],
            ["落实情况", notice.response or ""],
            ["附件", "、".join(a.original_name for a in notice.attachments.all())],
            ["联系人及电话", ""],
            ["单位负责人（签字）", ""],
            ["反馈日期", _day(notice.responded_at) if notice.responded_at else "年　月　日"],
        ],
        [40, 116],
    )
    if notice.closed_at:
        gongwen.heading(document, "办结意见")
        gongwen.body(document, notice.closing_remarks)
        gongwen.paragraph(document, f"办结日期：{_day(timezone.localtime(notice.closed_at))}")
    return gongwen.to_bytes(document)
