"""The API's audit actions (see `duban.audit.actions`)."""

from duban.audit.actions import AuditAction


class ApiTokenAction(AuditAction):
    CREATED = "api.token.created", "创建接口令牌"
    REVOKED = "api.token.revoked", "吊销接口令牌"
