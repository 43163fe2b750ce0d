"""Bulletins' audit actions (see `duban.audit.actions`)."""

from duban.audit.actions import AuditAction


class BulletinAction(AuditAction):
    ISSUED = "bulletin.issue", "生成通报"
