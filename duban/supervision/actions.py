"""Supervision's audit actions (see `duban.audit.actions`)."""

from duban.audit.actions import AuditAction


class StatusAction(AuditAction):
    CHANGED = "supervision.status.changed", "状态变化"


class SupervisionNoticeAction(AuditAction):
    ISSUED = "supervision.notice.issued", "下发督办单"
    RESPONDED = "supervision.notice.responded", "督办单反馈"
    CLOSED = "supervision.notice.closed", "督办单办结"
    ESCALATED = "supervision.notice.escalated", "督办单升级"


class ProblemAction(AuditAction):
    RAISED = "supervision.problem.raised", "提出问题"
    COORDINATED = "supervision.problem.coordinated", "协调问题"
    ESCALATED = "supervision.problem.escalated", "问题提请区领导"
    INSTRUCTED = "supervision.problem.instructed", "领导批示"
    RESOLVED = "supervision.problem.resolved", "问题解决"
    CLOSED = "supervision.problem.closed", "问题关闭"


class InstructionAction(AuditAction):
    WRITTEN = "supervision.instruction.written", "领导批示"
    ANSWERED = "supervision.instruction.answered", "批示落实反馈"
    CLOSED = "supervision.instruction.closed", "批示办结"
