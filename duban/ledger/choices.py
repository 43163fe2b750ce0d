from django.db import models


class PlanKind(models.TextChoices):
    FIVE_YEAR = "five_year", "五年"
    ANNUAL = "annual", "年度"
    LIVELIHOOD = "livelihood", "民生实事"
    OTHER = "other", "其他"


class SourceFormat(models.TextChoices):
    TXT = "txt", "文本"
    DOCX = "docx", "Word"
    PDF = "pdf", "PDF"
    XLSX = "xlsx", "Excel"


class UnitKind(models.TextChoices):
    # The departments of the issuing government's own level (区级, 市级 or 县级).
    DISTRICT_DEPARTMENT = "district_department", "本级部门"
    SUBDISTRICT = "subdistrict", "街道"
    TOWN = "town", "镇"
    MUNICIPAL_BRANCH = "municipal_branch", "市级分局/垂管单位"
    PARTY_BODY = "party_body", "党委部门"
    STATE_COMPANY = "state_company", "国有企业"
    MASS_ORGANISATION = "mass_organisation", "群团组织"
    PLACEHOLDER = "placeholder", "泛指"
    OTHER = "other", "其他"


class KindSource(models.TextChoices):
    INFERRED = "inferred", "按名称推断"
    EDITED = "edited", "人工设定"


class AssignmentRole(models.TextChoices):
    """A unit's part in a task: 牵头, 共同 or 配合."""

    LEAD = "lead", "牵头"
    JOINT = "joint", "共同"
    SUPPORT = "support", "配合"


class TaskState(models.TextChoices):
    """Whether a task is still in its notice or withdrawn from it."""

    ACTIVE = "active", "有效"
    WITHDRAWN = "withdrawn", "已撤销"


class LeaderSource(models.TextChoices):
    SECTION = "section", "分组牵头领导"
    ROW = "row", "本行牵头领导"


class DraftStatus(models.TextChoices):
    OPEN = "open", "待确认"
    CONFIRMED = "confirmed", "已导入"
