from django.db import models


class Colour(models.TextChoices):
    """A task's supervision status; red covers both 严重滞后 and 逾期 (the reasons say which)."""

    DONE = "done", "已完成"
    GREEN = "green", "正常"
    YELLOW = "yellow", "滞后"
    RED = "red", "严重滞后/逾期"
    # Nothing wrong is known, but nothing can be: the task's plan has no reporting cycle.
    UNSCHEDULED = "unscheduled", "未安排报送"


# The order 督办总览 lists tasks in, most urgent first; a colour not listed comes last.
SEVERITY = [Colour.RED, Colour.YELLOW, Colour.UNSCHEDULED, Colour.GREEN, Colour.DONE]


class Tier(models.TextChoices):
    """督办单 tiers, in escalation order."""

    REMIND = "remind", "提醒"
    WARN = "warn", "警示"
    BULLETIN = "bulletin", "通报"


class NoticeState(models.TextChoices):
    ISSUED = "issued", "已下发"
    RESPONDED = "responded", "已反馈"
    CLOSED = "closed", "已办结"
    ESCALATED = "escalated", "已升级"


class ProblemState(models.TextChoices):
    RAISED = "raised", "已提出"
    COORDINATING = "coordinating", "牵头单位协调中"
    ESCALATED = "escalated", "已提请区领导"
    INSTRUCTED = "instructed", "区领导已批示"
    RESOLVED = "resolved", "已解决"
    CLOSED = "closed", "已关闭"


class Urgency(models.TextChoices):
    """How late a report is, which sets the wording of a reminder."""

    DUE_SOON = "due_soon", "即将到期"
    OVERDUE = "overdue", "已逾期"
    SERIOUSLY_OVERDUE = "seriously_overdue", "严重逾期"


class InstructionState(models.TextChoices):
    """A 批示: open until every named unit has answered, or the leader closes it."""

    OPEN = "open", "落实中"
    CLOSED = "closed", "已办结"


class FeedbackState(models.TextChoices):
    """A named unit's 落实反馈 on a 批示."""

    PENDING = "pending", "待反馈"
    ANSWERED = "answered", "已反馈"
