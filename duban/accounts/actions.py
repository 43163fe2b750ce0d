"""Accounts' audit actions (see `duban.audit.actions`)."""

from duban.audit.actions import AuditAction


class AccountAction(AuditAction):
    UNLOCKED = "accounts.unlock", "解除登录锁定"
