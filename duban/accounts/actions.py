"""Accounts' audit actions (see `duban.audit.actions`)."""

from duban.audit.actions import AuditAction


class AccountAction(AuditAction):
    UNLOCKED = "accounts.unlock", "解除登录锁定"
    CREATED = "accounts.login.created", "创建登录账号"
    DEACTIVATED = "accounts.login.deactivated", "停用登录账号"
    REACTIVATED = "accounts.login.reactivated", "启用登录账号"
    PASSWORD_RESET = "accounts.login.password_reset", "重置登录密码"
    LIAISONS_IMPORTED = "accounts.liaisons.imported", "导入联络员名单"
