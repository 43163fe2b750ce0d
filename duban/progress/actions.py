"""Progress reporting's audit actions (see `duban.audit.actions`)."""

from duban.audit.actions import AuditAction


class CycleAction(AuditAction):
    CREATED = "progress.cycle.created", "生成填报周期"
    OPENED = "progress.cycle.opened", "开启填报"
    LOCKED = "progress.cycle.locked", "锁定填报"


class ReportAction(AuditAction):
    CREATED = "progress.report.created", "开始填报"
    EDITED = "progress.report.edited", "修改报告"
    SUBMITTED = "progress.report.submitted", "报送报告"
    CONSOLIDATED = "progress.report.consolidated", "汇总报送"
    FOLDED = "progress.report.folded", "并入汇总"
    ACCEPTED = "progress.report.accepted", "报告采纳"
    RETURNED = "progress.report.returned", "报告退回"


class AttachmentAction(AuditAction):
    ADDED = "progress.attachment.added", "上传佐证材料"
    REMOVED = "progress.attachment.removed", "删除佐证材料"


class MilestoneAction(AuditAction):
    PROPOSED = "progress.milestone.proposed", "生成节点"
    CONFIRMED = "progress.milestone.confirmed", "确认节点"
    DONE = "progress.milestone.done", "节点完成"
