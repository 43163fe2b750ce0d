"""Targets' audit actions (see `duban.audit.actions`)."""

from duban.audit.actions import AuditAction


class TargetAction(AuditAction):
    # On the task: its targets re-read from the task text after an import.
    SYNCED = "targets.targets.synced", "量化指标更新"
    REVISED = "targets.target.revised", "任务调整"


class ValueAction(AuditAction):
    RECORDED = "targets.value.recorded", "记录指标数值"
    CHANGED = "targets.value.changed", "更正指标数值"


class LinkAction(AuditAction):
    PROPOSED = "targets.links.proposed", "生成指标关联建议"
    ADDED = "targets.link.added", "添加指标关联"
    CONFIRMED = "targets.link.confirmed", "确认指标关联"
    REMOVED = "targets.link.removed", "移除指标关联"
