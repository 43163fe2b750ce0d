"""The ledger's audit actions (see `duban.audit.actions`)."""

from duban.audit.actions import AuditAction


class NoticeAction(AuditAction):
    IMPORTED = "ledger.notice.imported", "导入通知"
    UPDATED = "ledger.notice.updated", "更新通知"


class TaskAction(AuditAction):
    ADDED = "ledger.task.added", "任务导入"
    CHANGED = "ledger.task.changed", "任务变更"
    WITHDRAWN = "ledger.task.withdrawn", "任务撤销"
    REMOVED = "ledger.task.removed", "任务删除"


class AssignmentAction(AuditAction):
    RESOLVED = "ledger.assignment.resolved", "明确责任单位"


class UnitAction(AuditAction):
    MERGED = "ledger.unit.merged", "合并单位"
    KIND_CHANGED = "ledger.unit.kind_changed", "修改单位类别"
    ALIAS_ADDED = "ledger.unit.alias_added", "添加单位别名"


class ImportDraftAction(AuditAction):
    CREATED = "ledger.importdraft.created", "上传导入文件"
    CORRECTED = "ledger.importdraft.corrected", "修正导入内容"
    CONFIRMED = "ledger.importdraft.confirmed", "确认导入"
