"""What an import would change: the rows added, removed and changed, field by field."""

from dataclasses import dataclass, field

from duban.ledger.choices import AssignmentRole

ROW_FIELDS = {
    "seq": "序号",
    "name": "项目名称",
    "text": "任务内容",
    "units": "责任单位",
    "leaders": "牵头领导",
    "deadline": "完成时限",
    "remark": "备注",
    "lead_override": "改由牵头",
    "extra": "其他列",
    "status": "状态",
}
NOTICE_FIELDS = {
    "doc_number": "文号",
    "title": "标题",
    "issuer": "发文机关",
    "issued_on": "成文日期",
    "printed_on": "印发日期",
    "addressees": "主送",
    "cc": "抄送",
    "attachments": "附件",
    "public": "公开发布",
}
_EXCERPT = 30


def display(value) -> str:
    """A field value as the change report prints it."""
    if value is None or value == "" or value == () or value == []:
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list | tuple):
        return "、".join(display_item(v) for v in value)
    return str(value)


def display_item(value) -> str:
    # Units are (name, role) pairs: 区发改局（牵头）.
    if isinstance(value, list | tuple) and len(value) == 2:
        return f"{value[0]}（{AssignmentRole(value[1]).label}）"
    return str(value)


def excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[:_EXCERPT] + "…"


@dataclass(frozen=True)
class FieldChange:
    """One field of a row or of the notice, before and after."""

    field: str
    old: object
    new: object

    @property
    def label(self) -> str:
        return ROW_FIELDS.get(self.field) or NOTICE_FIELDS.get(self.field, self.field)

    def line(self) -> str:
        return f"{self.label}：{display(self.old)} → {display(self.new)}"

    def as_data(self) -> dict:
        return {"field": self.field, "old": _jsonable(self.old), "new": _jsonable(self.new)}


@dataclass
class RowChange:
    """A row added, removed or changed, named by its plan, seq and an excerpt of its text."""

    plan: str
    seq: str
    text: str
    task_id: int | None = None
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def label(self) -> str:
        seq = f"{self.seq}. " if self.seq else ""
        return f"[{self.plan}] {seq}{excerpt(self.text)}"

    def as_data(self) -> dict:
        data = {"plan": self.plan, "seq": self.seq, "text": self.text, "task": self.task_id}
        if self.fields:
            data["fields"] = [f.as_data() for f in self.fields]
        return data


@dataclass
class ChangeReport:
    """Everything an import adds, removes or changes, and the registry entries it creates."""

    new_notice: bool = False
    same_file: bool = False
    notice_fields: list[FieldChange] = field(default_factory=list)
    added: list[RowChange] = field(default_factory=list)
    removed: list[RowChange] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)
    unchanged: int = 0
    new_units: list[str] = field(default_factory=list)
    new_aliases: list[tuple[str, str]] = field(default_factory=list)
    new_officials: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            self.new_notice or self.notice_fields or self.added or self.removed or self.changed
        )

    def summary(self) -> str:
        if self.same_file:
            return "该文件已导入，无变化"
        head = "新通知" if self.new_notice else "已有通知"
        return (
            f"{head}：新增 {len(self.added)} 行，删除 {len(self.removed)} 行，"
            f"修改 {len(self.changed)} 行，未变 {self.unchanged} 行；"
            f"新单位 {len(self.new_units)} 个，新别名 {len(self.new_aliases)} 个，"
            f"新领导 {len(self.new_officials)} 名"
        )

    def lines(self) -> list[str]:
        """The report as console lines: + added, - removed, ~ changed with its fields."""
        out = [self.summary()]
        out += [f"~ 通知 {change.line()}" for change in self.notice_fields]
        # A new notice lists its rows only as a count; the rows themselves are the notice.
        if not self.new_notice:
            out += [f"+ {row.label}" for row in self.added]
            out += [f"- {row.label}" for row in self.removed]
            for row in self.changed:
                out.append(f"~ {row.label}")
                out += [f"    {change.line()}" for change in row.fields]
        out += [f"+ 单位 {name}" for name in self.new_units]
        out += [f"+ 别名 {alias} → {name}" for alias, name in self.new_aliases]
        out += [f"+ 领导 {name}" for name in self.new_officials]
        return out

    def counts(self) -> dict:
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "changed": len(self.changed),
            "unchanged": self.unchanged,
        }

    def as_data(self) -> dict:
        return {
            **self.counts(),
            "notice_fields": [f.as_data() for f in self.notice_fields],
            "new_units": self.new_units,
            "new_aliases": [list(pair) for pair in self.new_aliases],
            "new_officials": self.new_officials,
        }


def _jsonable(value):
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
