from django import template

from duban.accounts.access import unit_id_of
from duban.lib import clock
from duban.progress.access import visible_reports
from duban.progress.choices import ReportState
from duban.progress.milestones import is_text_only
from duban.progress.models import Milestone, Report, ReportingCycle

register = template.Library()


def _year_of(task) -> int:
    """The plan's year for an annual plan, this year for a multi-year one."""
    plan = task.plan
    if plan.start_year and plan.end_year in (None, plan.start_year):
        return plan.start_year
    return clock.today().year


@register.inclusion_tag("progress/inc/task_panel.html")
def task_progress_panel(task, user):
    """The task page's progress panel: the reports the user may see, per cycle, and milestones."""
    year = _year_of(task)
    # A task printed twice is reported on the copy it repeats: its page shows those reports.
    reports = list(
        visible_reports(user)
        .filter(task_id=task.twin_of_id or task.pk)
        .select_related("unit", "cycle")
        .order_by("-cycle__period_end", "kind", "unit__name")
    )
    return {
        "task": task,
        "year": year,
        "reports": reports,
        "latest": _latest_progress(reports),
        "own": _own_reports(task, user),
        "milestones": Milestone.objects.filter(task=task, year=year),
        "text_only": is_text_only(task),
    }


def _latest_progress(reports: list[Report]) -> Report | None:
    """The lead unit's report of the latest cycle that went to the office (accepted or not
    yet reviewed): the task's progress as it stands. `reports` are newest cycle first."""
    shown = (ReportState.ACCEPTED, ReportState.SUBMITTED)
    return next((r for r in reports if r.is_consolidated_kind and r.state in shown), None)


def _own_reports(task, user) -> list[dict]:
    """For a responsible unit's liaison: each open cycle of the task's plan with its report."""
    unit_id = unit_id_of(user)
    # A task printed twice is reported on the copy it repeats (its page links there).
    if unit_id is None or task.twin_of_id is not None or not task.is_responsible(unit_id):
        return []
    cycles = ReportingCycle.objects.open().filter(plan_id=task.plan_id)
    mine = {
        r.cycle_id: r for r in Report.objects.filter(task=task, unit_id=unit_id, cycle__in=cycles)
    }
    return [{"cycle": c, "report": mine.get(c.pk)} for c in cycles]
