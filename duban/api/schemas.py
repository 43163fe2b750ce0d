"""What the API reads and writes: one schema per object, the fields another system needs."""

from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Schema
from pydantic import create_model

from duban.api.paging import MAX_ID


class NoticeOut(Schema):
    id: int
    doc_number: str
    title: str
    issuer: str
    issued_on: date | None


class PlanOut(Schema):
    id: int
    notice_id: int
    annex: str
    title: str
    kind: str
    start_year: int | None
    end_year: int | None


class UnitOut(Schema):
    id: int
    name: str
    kind: str


class OfficialOut(Schema):
    id: int
    name: str
    titles: list[str]


class TaskOut(Schema):
    id: int
    plan_id: int
    seq: str
    name: str
    text: str
    deadline: str
    due: date | None
    state: str = Field(alias="status")
    colour: str | None = Field(None, description="督办状态：green/yellow/red…，未计算时为空")
    leader_ids: list[int]
    lead_unit_ids: list[int]
    unit_ids: list[int]
    latest_report_id: int | None = None
    latest_progress: str | None = None
    latest_submitted_at: datetime | None = None

    @staticmethod
    def resolve_colour(task) -> str | None:
        status = getattr(task, "supervision_status", None)
        return None if status is None else status.colour

    @staticmethod
    def resolve_leader_ids(task) -> list[int]:
        return [link.official_id for link in task.task_leaders.all()]

    @staticmethod
    def resolve_lead_unit_ids(task) -> list[int]:
        return task.lead_ids  # set for the whole page by api.v1.with_lead_units

    @staticmethod
    def resolve_unit_ids(task) -> list[int]:
        return [a.unit_id for a in task.assignments.all()]


class CycleOut(Schema):
    id: int
    plan_id: int
    kind: str
    name: str
    period_start: date
    period_end: date
    due_on: date
    state: str


class ReportOut(Schema):
    id: int
    task_id: int
    unit_id: int
    cycle_id: int
    kind: str
    state: str
    version: int
    progress: str
    problems: str
    coordination: str
    next_steps: str
    percent_complete: int | None
    target_values: dict[str, str]
    submitted_at: datetime | None


# Texts as the pages' forms take them: PostgreSQL stores no NUL character.
NO_NUL = r"^[^\x00]*$"


class ReportStartIn(Schema):
    cycle: int = Field(ge=1, le=MAX_ID, description="报送周期 id")
    task: int = Field(ge=1, le=MAX_ID, description="任务 id")


class ReportContentIn(Schema):
    version: int = Field(ge=1, le=MAX_ID, description="读取时的版本号；报告已被他人修改时返回 409")
    progress: str
    problems: str = ""
    coordination: str = ""
    next_steps: str = ""
    percent_complete: int | None = Field(None, ge=0, le=100)
    target_values: dict[str, str] = Field(
        default_factory=dict, description='指标 id → 数值，如 {"12": "35.5"}'
    )
    confirm: bool = Field(False, description="填报指标数值时须确认数值属实")


class VersionIn(Schema):
    version: int = Field(ge=1, le=MAX_ID, description="读取时的版本号；报告已被他人修改时返回 409")


class ProblemOut(Schema):
    id: int
    task_id: int
    unit_id: int
    title: str
    description: str
    state: str
    raised_at: datetime


class SupervisionNoticeOut(Schema):
    id: int
    number: str
    task_id: int
    unit_id: int
    tier: str
    state: str
    reason: str
    issued_at: datetime
    respond_by: date
    response: str
    responded_at: datetime | None = None


class RespondIn(Schema):
    text: str = Field(min_length=1, max_length=5000, pattern=NO_NUL, description="反馈内容")


class NotificationOut(Schema):
    id: int
    text: str
    url: str
    created_at: datetime
    read_at: datetime | None


def page_of(item: type[Schema]) -> type[Schema]:
    """One page of a list: its items and the cursor of the next page (null on the last)."""
    name = item.__name__.removesuffix("Out") + "Page"
    next_field = (str | None, Field(description="下一页的游标，作为 cursor 参数传回；最后一页为空"))
    return create_model(name, __base__=Schema, items=(list[item], ...), next=next_field)


class TargetOut(Schema):
    id: int
    task_id: int
    metric_id: int
    metric_text: str
    measure: str
    comparator: str
    value: Decimal = Field(description="通知印发的目标值；调整后以 revisions 为准")
    unit: str
    period: str
    text: str
    status: str


class MeasurementOut(Schema):
    id: int
    target_id: int | None
    metric_id: int | None
    on_date: date
    value: Decimal
    unit: str
    source: str
    note: str


class ValueIn(Schema):
    value: Decimal = Field(max_digits=18, decimal_places=4, description="数值")
    on_date: date = Field(description="数据截至日期，不晚于今天")
    note: str = Field("", max_length=300, pattern=NO_NUL, description="说明")
    confirm: bool = Field(False, description="确认数值属实（页面上的勾选）")
