"""A task's audit trail: its own log entries and those of its reports, milestones, problems,
notices, 批示, targets and their metrics, each as far as the user may see it, told as sentences
(9月10日 区发改局 报送了2022年第三季度报告)."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator

from duban.accounts.access import acting_names, is_office, unit_id_of
from duban.audit.actions import label_of
from duban.audit.models import LogEntry
from duban.ledger.actions import TaskAction
from duban.lib import clock
from duban.lib.text import plain_number, spoken_date
from duban.progress.access import visible_reports
from duban.progress.actions import AttachmentAction, MilestoneAction, ReportAction
from duban.supervision.access import visible_instructions, visible_supervision_notices
from duban.supervision.actions import (
    InstructionAction,
    ProblemAction,
    StatusAction,
    SupervisionNoticeAction,
)
from duban.supervision.choices import Colour, Tier
from duban.targets.actions import LinkAction, TargetAction, ValueAction
from duban.targets.choices import ValueSource
from duban.targets.models import Metric

# A report's working entries: only its unit and the office see how it was drafted; others
# see it from the moment it is handed in (submitted, folded, reviewed).
WORKING_ACTIONS = (
    ReportAction.CREATED,
    ReportAction.EDITED,
    AttachmentAction.ADDED,
    AttachmentAction.REMOVED,
)

# What the actor did, with {obj} the thing it was done to ({unit} its unit, where the phrase
# names it). An action not listed reads as its label and the thing ("公开项目：…"), so a new
# action is never shown by its key.
PHRASES = {
    TaskAction.ADDED: "导入了本任务",
    TaskAction.CHANGED: "变更了本任务",
    TaskAction.WITHDRAWN: "撤销了本任务",
    TaskAction.REMOVED: "删除了本任务",
    ReportAction.CREATED: "开始填写{obj}",
    ReportAction.EDITED: "修改了{obj}",
    ReportAction.SUBMITTED: "报送了{obj}",
    ReportAction.CONSOLIDATED: "汇总报送了{obj}",
    ReportAction.FOLDED: "将{obj}并入汇总报告",
    ReportAction.ACCEPTED: "采纳了{obj}",
    ReportAction.RETURNED: "退回了{obj}",
    AttachmentAction.ADDED: "为{obj}上传了佐证材料",
    AttachmentAction.REMOVED: "删除了{obj}的佐证材料",
    MilestoneAction.PROPOSED: "拟定了节点“{obj}”",
    MilestoneAction.CONFIRMED: "确认了节点“{obj}”",
    MilestoneAction.DONE: "完成了节点“{obj}”",
    SupervisionNoticeAction.ISSUED: "向{unit}下发了{obj}",
    SupervisionNoticeAction.RESPONDED: "反馈了{obj}",
    SupervisionNoticeAction.CLOSED: "办结了{obj}",
    SupervisionNoticeAction.ESCALATED: "升级了{obj}",
    ProblemAction.RAISED: "提出问题“{obj}”",
    ProblemAction.COORDINATED: "协调了问题“{obj}”",
    ProblemAction.ESCALATED: "将问题“{obj}”提请区领导研究",
    ProblemAction.INSTRUCTED: "对问题“{obj}”作出批示",
    ProblemAction.RESOLVED: "解决了问题“{obj}”",
    ProblemAction.CLOSED: "关闭了问题“{obj}”",
    InstructionAction.WRITTEN: "作出批示“{obj}”",
    InstructionAction.ANSWERED: "反馈了批示“{obj}”的落实情况",
    InstructionAction.CLOSED: "办结了批示“{obj}”",
    TargetAction.SYNCED: "按任务原文更新了量化指标",
    TargetAction.REVISED: "调整了指标“{obj}”",
    ValueAction.RECORDED: "记录了“{obj}”的数值",
    ValueAction.CHANGED: "更正了“{obj}”的数值",
    LinkAction.PROPOSED: "生成了指标关联建议",
    LinkAction.ADDED: "添加了指标关联",
    LinkAction.CONFIRMED: "确认了指标关联",
    LinkAction.REMOVED: "移除了指标关联",
}


# Actions a report's or a 督办单's own unit takes: when the entry has no user (a command,
# the demo), the unit is the one who acted.
UNIT_ACTIONS = (
    *WORKING_ACTIONS,
    ReportAction.SUBMITTED,
    ReportAction.CONSOLIDATED,
    SupervisionNoticeAction.RESPONDED,
)
# Actions whose entry names who acted in its data, under this key.
ACTOR_IN_DATA = {
    ProblemAction.RAISED: "unit",
    ProblemAction.COORDINATED: "unit",
    ProblemAction.INSTRUCTED: "official",
    InstructionAction.WRITTEN: "official",
    InstructionAction.ANSWERED: "unit",
}
# How much of a 批示's text names it in a sentence.
INSTRUCTION_NAME_LENGTH = 20


@dataclass
class Page:
    """What the task page calls the things its entries are about, and who acts for them."""

    names: dict[tuple[str, str], str]
    units: dict[tuple[str, str], str]  # the unit of each report and 督办单
    actors: dict[int, str]  # what each user acts as (acting_names)
    today: date


@dataclass
class Line:
    """One entry of the timeline as the task page tells it."""

    entry: LogEntry
    when: str  # 9月10日, with the year when it is not this one
    actor: str  # who acted: a unit, a leader, 督查室; blank for the system
    text: str  # what they did, then any detail


def _names(rows) -> dict[str, str]:
    """{pk as text: name} from (pk, name) rows."""
    return {str(pk): name for pk, name in rows}


def _entries_about(object_type: str, ids) -> Q:
    # An empty Q() would match every entry, so no ids means no entry.
    ids = list(ids)
    return Q(object_type=object_type, object_id__in=ids) if ids else Q(pk__in=[])


def value_detail(entry: LogEntry, today) -> str:
    """What a value entry recorded, with the report it came from and who reported it."""
    data = entry.data
    on_date = datetime.fromisoformat(data["on_date"]).date()
    text = (
        f"：{plain_number(data['value'])}{data.get('unit', '')}（截至{spoken_date(on_date, today)}"
    )
    if data.get("report_name"):
        text += f"，来自报告：{data['report_name']}"
    elif data.get("source") in ValueSource.values:
        text += f"，{ValueSource(data['source']).label}"
    if data.get("reported_by"):
        text += f"，填报人：{data['reported_by']}"
    return text + "）"


def status_detail(entry: LogEntry) -> str:
    """A status change as from → to, with the reasons the rules gave."""
    data = entry.data
    labels = dict(Colour.choices)
    to = labels.get(data.get("to"), data.get("to", ""))
    text = f"状态变为“{to}”"
    if data.get("from") in labels:
        text = f"状态由“{labels[data['from']]}”变为“{to}”"
    if data.get("reasons"):
        text += f"（{'；'.join(data['reasons'])}）"
    return text


def _actor(entry: LogEntry, page: Page) -> str:
    if entry.user_id:
        return page.actors.get(entry.user_id, entry.user_name)
    if entry.action in UNIT_ACTIONS:
        return page.units.get((entry.object_type, entry.object_id), "")
    if entry.action in ACTOR_IN_DATA:
        return entry.data.get(ACTOR_IN_DATA[entry.action], "")
    return entry.user_name


def describe(entry: LogEntry, page: Page) -> Line:
    """The entry as a sentence: when, who, what they did to which thing."""
    when = spoken_date(timezone.localdate(entry.timestamp), page.today)
    actor = _actor(entry, page)
    if entry.action == StatusAction.CHANGED:
        return Line(entry, when, actor, status_detail(entry))
    key = (entry.object_type, entry.object_id)
    obj, unit = page.names.get(key, entry.object_repr), page.units.get(key, "")
    phrase = PHRASES.get(entry.action)
    if unit and actor != unit and "{unit}" not in (phrase or ""):
        # Another's report or 督办单 is named with its unit; a unit's own is not.
        obj = f"{unit}的{obj}"
    if phrase is None:
        text = f"{label_of(entry.action)}：{obj}" if obj else label_of(entry.action)
    else:
        text = phrase.format(obj=obj, unit=unit)
    if entry.action in ValueAction.values:
        text += value_detail(entry, page.today)
    return Line(entry, when, actor, text)


def timeline_for_task(task, user, limit: int = 200) -> list[Line]:
    """The entries about the task that `user` may see, oldest first (the last `limit`).

    The office sees all. Others see the reports, 督办单, problems and 批示 their access helpers
    show them, and another unit's report only from its submission on (not its drafts, edits
    and attachments). This causes a query per related object type, one for the entries and
    one for the names their users act under.
    """
    office = is_office(user)
    reports = task.reports.all() if office else visible_reports(user).filter(task=task)
    own_unit = None if office else unit_id_of(user)
    notices = (
        task.supervision_notices.all()
        if office
        else visible_supervision_notices(user).filter(task=task)
    )
    instructions = (
        task.instructions.all() if office else visible_instructions(user).filter(task=task)
    )
    report_rows = list(reports.values_list("pk", "cycle__name", "unit__name", "unit_id"))
    own = [str(pk) for pk, _, _, unit_id in report_rows if office or unit_id == own_unit]
    others = [str(pk) for pk, _, _, unit_id in report_rows if not (office or unit_id == own_unit)]
    names = {("ledger.task", str(task.pk)): "本任务"}
    units = {}
    for pk, cycle, unit, _ in report_rows:
        names["progress.report", str(pk)] = f"{cycle}报告"
        units["progress.report", str(pk)] = unit
    notice_rows = list(notices.values_list("pk", "tier", "unit__name"))
    for pk, tier, unit in notice_rows:
        names["supervision.supervisionnotice", str(pk)] = f"{Tier(tier).label}督办单"
        units["supervision.supervisionnotice", str(pk)] = unit
    typed = {
        "progress.milestone": _names(task.milestones.values_list("pk", "title")),
        "supervision.problem": _names(task.problems.values_list("pk", "title")),
        "supervision.instruction": {
            str(pk): Truncator(text).chars(INSTRUCTION_NAME_LENGTH)
            for pk, text in instructions.values_list("pk", "text")
        },
        "targets.target": _names(task.targets.values_list("pk", "metric_text")),
        "targets.metric": _names(
            Metric.objects.filter(targets__task=task).values_list("pk", "name").distinct()
        ),
    }
    for object_type, rows in typed.items():
        names.update(((object_type, pk), name) for pk, name in rows.items())
    condition = (
        _entries_about("ledger.task", [str(task.pk)])
        | _entries_about("progress.report", own)
        | (_entries_about("progress.report", others) & ~Q(action__in=WORKING_ACTIONS))
        | _entries_about("supervision.supervisionnotice", [str(pk) for pk, _, _ in notice_rows])
    )
    for object_type, rows in typed.items():
        condition |= _entries_about(object_type, rows)
    entries = list(LogEntry.objects.filter(condition).order_by("-timestamp", "-pk")[:limit])
    entries.reverse()
    page = Page(names, units, acting_names(e.user_id for e in entries if e.user_id), clock.today())
    return [describe(entry, page) for entry in entries]
