"""The figures of a 通报, computed once and frozen: each figure is the list of what it counts.

A figure is {"label", "items": [{"text", "url"}]}; its number is len(items), so the list a
figure links to always holds that many lines, however the ledger changes later.
"""

from collections import defaultdict
from datetime import date

from django.db.models import Q
from django.utils import timezone

from duban.ledger.choices import AssignmentRole, UnitKind
from duban.ledger.models import Assignment, Task
from duban.progress.choices import CycleState, ReportKind, ReportState
from duban.progress.models import Report, ReportingCycle
from duban.progress.models.rules import DELIVERED_STATES
from duban.supervision.choices import Colour, NoticeState
from duban.supervision.models import SupervisionNotice, TaskStatus
from duban.targets.choices import Pace
from duban.targets.models import Target
from duban.targets.pacing import status_of

# Units ranked against each other: 街道 with 街道 (镇 with them), departments with departments.
RANK_GROUPS = {
    "街道、镇": [UnitKind.SUBDISTRICT, UnitKind.TOWN],
    "区级部门": [UnitKind.DISTRICT_DEPARTMENT, UnitKind.PARTY_BODY],
}
TARGET_FIGURES = [(Pace.AHEAD, "超序时"), (Pace.ON_PACE, "达序时"), (Pace.BEHIND, "欠序时")]


def _item(obj, text: str | None = None) -> dict:
    return {"text": text or str(obj), "url": obj.get_absolute_url()}


def cycles_for(on: date, cycle: ReportingCycle | None) -> list[ReportingCycle]:
    """The cycle asked for, else each plan's latest cycle due on or before `on`."""
    if cycle is not None:
        return [cycle]
    due = ReportingCycle.objects.exclude(state=CycleState.DRAFT).filter(due_on__lte=on)
    latest = {}
    for found in due.select_related("plan").order_by("plan_id", "due_on"):
        latest[found.plan_id] = found
    return list(latest.values())


def compute(tasks, cycles: list[ReportingCycle], on: date) -> dict:
    """The snapshot of `tasks` (active, in scope) as on `on`, with reports of `cycles`."""
    tasks = tasks.select_related("plan").order_by("plan_id", "position")
    statuses = {s.task_id: s for s in TaskStatus.objects.filter(task__in=tasks)}
    figures = {}
    for colour, label in Colour.choices:
        chosen = [t for t in tasks if t.pk in statuses and statuses[t.pk].colour == colour]
        figures[f"tasks-{colour}"] = {"label": f"{label}任务", "items": [_item(t) for t in chosen]}
    paces = defaultdict(list)
    for target in Target.objects.active().filter(task__in=tasks).select_related("task__plan"):
        paces[status_of(target, on).pace].append(
            _item(target, f"{target.metric_text}（{target.task}）")
        )
    for pace, label in TARGET_FIGURES:
        figures[f"targets-{pace}"] = {"label": f"{label}指标", "items": paces[pace]}
    figures.update(_report_figures(tasks, cycles, on))
    figures["units-overdue"] = _overdue_units(tasks, cycles, on, figures)
    return {
        "figures": figures,
        "lagging": _lagging(tasks, statuses),
        "ranking": _ranking(tasks, statuses),
        "cycles": [c.name for c in cycles],
    }


def _report_figures(tasks, cycles, on) -> dict:
    owed, late, returned = [], [], []
    for cycle in cycles:
        in_cycle = [t for t in tasks if t.plan_id == cycle.plan_id]
        reports = {
            r.task_id: r
            for r in Report.objects.filter(
                cycle=cycle, kind=ReportKind.CONSOLIDATED, task__in=[t.pk for t in in_cycle]
            )
        }
        for task in in_cycle:
            if not task.lead_unit_ids():
                continue
            text = f"{task}（{cycle.name}）"
            owed.append(_item(task, text))
            report = reports.get(task.pk)
            delivered = report is not None and report.state in DELIVERED_STATES
            on_time = delivered and timezone.localdate(report.submitted_at) <= cycle.due_on
            if cycle.due_on < on and not on_time:
                late.append(_item(task, text))
            if report is not None and report.state == ReportState.RETURNED:
                returned.append(_item(report, text))
    return {
        "reports-owed": {"label": "应报进度报告", "items": owed},
        "reports-late": {"label": "逾期未报或迟报", "items": late},
        "reports-returned": {"label": "被退回的报告", "items": returned},
    }


def _overdue_units(tasks, cycles, on, figures) -> dict:
    late_tasks = {item["url"] for item in figures["reports-late"]["items"]}
    units = {}
    for task in tasks:
        if task.get_absolute_url() in late_tasks:
            for assignment in task.assignments.filter(role=AssignmentRole.LEAD).select_related(
                "unit"
            ):
                units.setdefault(assignment.unit, []).append("逾期未报")
    unanswered = SupervisionNotice.objects.filter(
        task__in=tasks, state=NoticeState.ISSUED, respond_by__lt=on
    ).select_related("unit")
    for notice in unanswered:
        units.setdefault(notice.unit, []).append("督办单逾期未反馈")
    items = [
        _item(unit, f"{unit.name}：{'、'.join(sorted(set(why)))}")
        for unit, why in sorted(units.items(), key=lambda pair: pair[0].name)
    ]
    return {"label": "报告逾期或督办单未反馈的单位", "items": items}


def _lagging(tasks, statuses) -> list[list[str]]:
    rows = []
    for task in tasks:
        status = statuses.get(task.pk)
        if status is None or status.colour not in (Colour.RED, Colour.YELLOW):
            continue
        units = "、".join(
            a.unit.name
            for a in task.assignments.select_related("unit")
            if a.role == AssignmentRole.LEAD
        ) or "、".join(a.unit.name for a in task.assignments.select_related("unit"))
        rows.append(
            [
                f"{task.plan.title}第{task.seq}项",
                task.text,
                units,
                status.get_colour_display(),
                (status.reasons or [""])[0],
            ]
        )
    return rows


def _ranking(tasks, statuses) -> list[dict]:
    """Per group of comparable units, units by their share of lead tasks on track."""
    groups = []
    for name, kinds in RANK_GROUPS.items():
        leads = Assignment.objects.filter(
            Q(role=AssignmentRole.LEAD) | Q(role=AssignmentRole.JOINT),
            task__in=tasks,
            unit__kind__in=kinds,
        ).select_related("unit")
        tally = defaultdict(lambda: [0, 0])
        for assignment in leads:
            status = statuses.get(assignment.task_id)
            tally[assignment.unit.name][0] += 1
            if status is not None and status.colour in (Colour.GREEN, Colour.DONE):
                tally[assignment.unit.name][1] += 1
        rows = sorted(tally.items(), key=lambda pair: (-pair[1][1] / pair[1][0], pair[0]))
        groups.append(
            {
                "group": name,
                "rows": [
                    [str(rank), unit, str(total), str(good), f"{good / total:.0%}"]
                    for rank, (unit, (total, good)) in enumerate(rows, start=1)
                ],
            }
        )
    return groups


def scope(cycle: ReportingCycle | None):
    tasks = Task.objects.active()
    return tasks.filter(plan=cycle.plan) if cycle else tasks
