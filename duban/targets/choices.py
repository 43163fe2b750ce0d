from django.db import models


class MetricKind(models.TextChoices):
    # Macro indicators are the ones a statistics release gives; their values are entered once.
    MACRO = "macro", "宏观指标"
    OTHER = "other", "其他指标"


class Measure(models.TextChoices):
    GROWTH = "growth", "增长"
    LEVEL = "level", "达到"
    INCREASE = "increase", "新增"
    DECREASE = "decrease", "下降"
    SHARE = "share", "比率"
    COUNT = "count", "数量"
    OTHER = "other", "其他"


class Comparator(models.TextChoices):
    GE = ">=", "不低于"
    GT = ">", "超过"
    EQ = "=", "达到"
    LE = "<=", "不高于"
    LT = "<", "低于"


class TargetPeriod(models.TextChoices):
    """What span a target's figure covers: one year, a yearly average, or a running total."""

    ANNUAL = "annual", "年度"
    ANNUAL_AVERAGE = "annual_average", "年均"
    CUMULATIVE = "cumulative", "期末累计"


class TargetState(models.TextChoices):
    ACTIVE = "active", "有效"
    # The notice no longer prints it, but values or changes were recorded against it.
    WITHDRAWN = "withdrawn", "已撤销"


class LinkState(models.TextChoices):
    PROPOSED = "proposed", "待确认"
    CONFIRMED = "confirmed", "已确认"
    REMOVED = "removed", "已移除"


class LinkOrigin(models.TextChoices):
    AUTO = "auto", "自动匹配"
    MANUAL = "manual", "人工添加"


class ValueSource(models.TextChoices):
    OFFICE = "office", "督查室录入"
    IMPORT = "import", "统计数据导入"
    REPORT = "report", "单位报送"


class Pace(models.TextChoices):
    NO_DATA = "no_data", "暂无数据"
    BEHIND = "behind", "欠进度"
    ON_PACE = "on_pace", "达进度"
    AHEAD = "ahead", "超进度"
    DONE = "done", "已完成"
