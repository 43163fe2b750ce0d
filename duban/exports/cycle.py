"""A reporting cycle's reports as an Excel sheet: one row per report handed in or owed."""

from django.utils import timezone

from duban.exports.xlsx import add_sheet, new_workbook, to_bytes
from duban.progress.models import ReportingCycle

COLUMNS = [
    ("任务序号", 8),
    ("任务内容", 50),
    ("报送单位", 20),
    ("类型", 16),
    ("状态", 10),
    ("完成百分比", 10),
    ("完成情况", 50),
    ("存在问题", 30),
    ("报送时间", 18),
]


def cycle_reports_xlsx(cycle: ReportingCycle) -> bytes:
    reports = cycle.reports.select_related("task", "unit").order_by("task__position", "kind")
    rows = (
        [
            report.task.seq,
            report.task.text,
            report.unit.name,
            report.get_kind_display(),
            report.get_state_display(),
            report.percent_complete,
            report.progress,
            report.problems,
            f"{timezone.localtime(report.submitted_at):%Y-%m-%d %H:%M}"
            if report.submitted_at
            else "",
        ]
        for report in reports.iterator()
    )
    workbook = new_workbook()
    add_sheet(workbook, cycle.name, COLUMNS, rows, before=[[f"{cycle.plan.title}　{cycle.name}"]])
    return to_bytes(workbook)
