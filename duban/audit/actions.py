"""Audit actions: each app declares its own in `<app>/actions.py`, value and Chinese label.

An action is a member of an `AuditAction` subclass, e.g.
`ReportAction.SUBMITTED = "progress.report.submitted", "报送报告"`: dotted, past tense, led by
the app label. `duban.audit.log.record` refuses any action not declared here, so a typo fails
the tests instead of writing an entry no page can name.
"""

from functools import cache

from django.db import models
from django.utils.module_loading import autodiscover_modules

# What an entry whose action is no longer declared (renamed, or from an older version) shows.
UNKNOWN_LABEL = "其他操作"


class UndeclaredAction(ValueError):
    """An audit entry was asked for with an action no `AuditAction` declares."""


class AuditAction(models.TextChoices):
    """Base of every app's audit actions; declares none itself."""


class AdminAction(AuditAction):
    """Edits made by hand in the Django admin, on whatever model allows them."""

    CREATED = "admin.created", "后台新建"
    CHANGED = "admin.changed", "后台修改"
    DELETED = "admin.deleted", "后台删除"


# Written by the ledger admin before admin edits had their own actions; entries keep them.
LEGACY_LABELS = {
    f"ledger.{model}.{verb}": label
    for model in ["notice", "plan", "section", "task", "unit", "official", "importdraft"]
    for verb, label in [("created", "后台新建"), ("changed", "后台修改"), ("deleted", "后台删除")]
}


def discover() -> None:
    """Import every installed app's `actions` module, so all declarations are known."""
    autodiscover_modules("actions")


@cache
def declared() -> dict[str, AuditAction]:
    """Every declared action by its value; read once all apps are loaded."""
    return {member.value: member for cls in AuditAction.__subclasses__() for member in cls}


def declared_action(action: str) -> AuditAction:
    """The declared action for `action`, or UndeclaredAction."""
    try:
        return declared()[action]
    except KeyError:
        raise UndeclaredAction(f"undeclared audit action {action!r}") from None


def label_of(action: str) -> str:
    """The Chinese label of an action, also for old entries whose action is gone."""
    member = declared().get(action)
    if member is not None:
        return member.label
    return LEGACY_LABELS.get(action, UNKNOWN_LABEL)
