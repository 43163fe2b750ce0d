"""A notice's annex tables regenerated from the ledger, in the layouts of the source notice.

Plans by leader: 序号 | 重点工作 | 责任单位 | 备注, one table per leader's section, `*` after
lead units. 民生实事: 序号 | 名称 | 项目内容 | 牵头领导 | 责任单位. `duban parse` reads both
the Word and the Excel rendering back to the same rows.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from duban.exports import gongwen
from duban.exports.xlsx import text_cell
from duban.ledger.choices import AssignmentRole, PlanKind
from duban.ledger.models import Assignment, Notice, Section, Task, TaskLeader

SECTIONED = ["序号", "重点工作", "责任单位", "备注"]
SECTIONED_WIDTHS = [14, 86, 40, 16]
PROJECTS = ["序号", "名称", "项目内容", "牵头领导", "责任单位"]
PROJECT_WIDTHS = [14, 30, 66, 20, 26]


@dataclass
class Annex:
    label: str  # 附件1
    title: str
    header: list[str]
    widths: list[int]
    sections: list[tuple[str, list[list[str]]]]  # (heading or "", rows)


def units_cell(task: Task) -> str:
    """The units as the notice printed them, lead units starred."""
    names = []
    for assignment in task.assignments.all():
        if not assignment.from_notice:
            continue
        name = "".join((assignment.raw or assignment.unit.name).split()).rstrip("*")
        names.append(name + ("*" if assignment.role == AssignmentRole.LEAD else ""))
    return "、".join(names)


def _row(task: Task, projects: bool) -> list[str]:
    if projects:
        leaders = "、".join(tl.official.name for tl in task.task_leaders.all())
        return [task.seq, task.name, task.text, leaders, units_cell(task)]
    return [task.seq, task.text, units_cell(task), task.remark]


def annexes(notice: Notice) -> list[Annex]:
    """The notice's plans as annexes, with the ledger's current active tasks."""
    tasks = (
        Task.objects.active()
        .order_by("position", "pk")
        .prefetch_related(
            Prefetch("assignments", Assignment.objects.select_related("unit")),
            Prefetch("task_leaders", TaskLeader.objects.select_related("official")),
        )
    )
    found = []
    for plan in notice.plans.order_by("position", "pk"):
        projects = plan.kind == PlanKind.LIVELIHOOD
        sections = plan.sections.order_by("position", "pk").prefetch_related(
            Prefetch("tasks", tasks)
        )
        found.append(
            Annex(
                label=f"附件{plan.annex}",
                title=plan.title,
                header=PROJECTS if projects else SECTIONED,
                widths=PROJECT_WIDTHS if projects else SECTIONED_WIDTHS,
                sections=[_section(section, projects) for section in sections],
            )
        )
    return found


def _section(section: Section, projects: bool) -> tuple[str, list[list[str]]]:
    heading = "" if projects else section.heading
    return heading, [_row(task, projects) for task in section.tasks.all()]


def annexes_docx(notice: Notice) -> bytes:
    """The annexes as a Word document in 公文 form, each starting on a new page."""
    document = gongwen.new_document()
    for index, annex in enumerate(annexes(notice)):
        if index:
            gongwen.page_break(document)
        gongwen.heading(document, annex.label)
        gongwen.title(document, annex.title)
        for heading, rows in annex.sections:
            if not rows:
                continue
            if heading:
                gongwen.heading(document, heading)
            gongwen.table(document, annex.header, rows, annex.widths)
    return gongwen.to_bytes(document)


def annexes_xlsx(notice: Notice) -> bytes:
    """The annexes as a workbook, one sheet per plan named for its annex."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for annex in annexes(notice):
        sheet = workbook.create_sheet(annex.label)
        sheet.append([annex.title])
        sheet.cell(1, 1).font = Font(bold=True, size=14)
        for heading, rows in annex.sections:
            if not rows:
                continue
            if heading:
                sheet.append([heading])
            sheet.append([text_cell(sheet, label, header=True) for label in annex.header])
            header_row = sheet.max_row
            for row in rows:
                sheet.append([text_cell(sheet, value) for value in row])
            if sheet.print_title_rows is None:
                sheet.print_title_rows = f"{header_row}:{header_row}"
        for column, width in zip("ABCDE", annex.widths, strict=False):
            sheet.column_dimensions[column].width = width / 2.2
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    return gongwen.to_bytes(workbook)
