"""Proposing quarterly milestones (季度形象进度) for text-only tasks, for the lead unit to confirm."""

from django.db import transaction

from duban.audit.log import record
from duban.ledger.models import Task
from duban.lib.pacing import milestone_dates, month_end
from duban.progress.actions import MilestoneAction
from duban.progress.models import Milestone
from duban.progress.periods import QUARTER_NAMES

__all__ = ["is_text_only", "propose_milestones"]


def is_text_only(task: Task) -> bool:
    """Whether the task has no quantitative target, so milestones measure its pace."""
    return not task.targets.exists()


def _summary(task: Task) -> str:
    text = (task.name or task.text).strip()
    return text if len(text) <= 60 else text[:60] + "…"


def _title(due) -> str:
    if due.month % 3 == 0 and due == month_end(due.year, due.month):
        return f"第{QUARTER_NAMES[due.month // 3 - 1]}季度"
    return f"{due.month}月{due.day}日前"


def _description(task: Task, k: int, n: int) -> str:
    if k == n:
        return f"全面完成年度任务：{_summary(task)}"
    if k == 1:
        return "制定工作方案，明确责任分工和时间节点，启动实施"
    return f"按计划推进，完成年度任务约{round(100 * k / n)}%"


@transaction.atomic
def propose_milestones(task: Task, year: int, user=None) -> list[Milestone]:
    """The task's milestones for `year`, proposing them first if it has none.

    One per quarter end before the deadline, the last on the task's `due` date
    (完成时限 "6月底前" → 6月30日; none or in another year → 12月31日).
    """
    existing = list(Milestone.objects.filter(task=task, year=year))
    if existing:
        return existing
    dates = milestone_dates(year, task.due)
    milestones = Milestone.objects.bulk_create(
        Milestone(
            task=task,
            year=year,
            seq=k,
            title=_title(due),
            description=_description(task, k, len(dates)),
            due_on=due,
        )
        for k, due in enumerate(dates, start=1)
    )
    record(
        MilestoneAction.PROPOSED,
        task,
        user=user,
        data={"year": year, "due": [d.isoformat() for d in dates], "deadline": task.deadline},
    )
    return milestones
