from django.db import models


class CycleKind(models.TextChoices):
    MONTHLY = "monthly", "月报"
    QUARTERLY = "quarterly", "季报"
    CUSTOM = "custom", "自定义"


class CycleState(models.TextChoices):
    DRAFT = "draft", "未开放"
    OPEN = "open", "报送中"
    LOCKED = "locked", "已锁定"


class ReportKind(models.TextChoices):
    PART = "part", "配合单位报告"
    CONSOLIDATED = "consolidated", "牵头单位汇总报告"


class ReportState(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已报送"
    # A part the lead unit has folded into its consolidated report.
    CONSOLIDATED = "consolidated", "已汇总"
    RETURNED = "returned", "已退回"
    ACCEPTED = "accepted", "已采纳"


class ReviewDecision(models.TextChoices):
    ACCEPT = "accept", "采纳"
    RETURN = "return", "退回修改"


class MilestoneState(models.TextChoices):
    PROPOSED = "proposed", "待确认"
    CONFIRMED = "confirmed", "已确认"
    DONE = "done", "已完成"
