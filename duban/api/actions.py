"""The API's audit actions (see `duban.audit.actions`)."""

from duban.audit.actions import AuditAction


class ApiTokenAction(AuditAction):
    CREATED = "api.token.created", "创建接口令牌"
    REVOKED = "api.token.revoked", "吊销接口令牌"


class WebhookAction(AuditAction):
    CREATED = "api.webhook.created", "登记推送地址"
    DISABLED = "api.webhook.disabled", "停用推送地址"
