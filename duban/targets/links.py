"""Annual targets linked to the five-year targets they serve, and the implied growth path."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from duban.accounts.access import require_office
from duban.audit.log import record
from duban.ledger.choices import PlanKind
from duban.lib.pacing import PathYear, implied_path, required_average
from duban.lib.text import plain_number as num
from duban.lib.transitions import TransitionError
from duban.targets.actions import LinkAction
from duban.targets.choices import LinkOrigin, LinkState, Measure, TargetPeriod
from duban.targets.models import Target, TargetLink

__all__ = ["LinkedPath", "add_link", "linked_path", "propose_links"]


def _earlier_five_year_targets(notice):
    """Five-year targets of this notice or of an earlier notice by the same issuer."""
    same_notice = Q(task__plan__notice=notice)
    scope = same_notice
    if notice.issuer:
        earlier = Q(task__plan__notice__issuer=notice.issuer) & Q(
            task__plan__notice__created_at__lt=notice.created_at
        )
        scope |= earlier
    return Target.objects.active().filter(scope, task__plan__kind=PlanKind.FIVE_YEAR)


def _covers(five_year: Target, year: int | None) -> bool:
    plan = five_year.task.plan
    if year is None or plan.start_year is None or plan.end_year is None:
        return True
    return plan.start_year <= year <= plan.end_year


@transaction.atomic
def propose_links(notice) -> list[TargetLink]:
    """Propose a link from each annual target of the notice to the five-year target it serves.

    Same metric and same measure (growth ↔ growth); links that exist in any state, including
    ones the office removed, are left as they are. Returns the links created.
    """
    candidates: dict[tuple, list[Target]] = {}
    for target in _earlier_five_year_targets(notice).select_related("task__plan"):
        candidates.setdefault((target.metric_id, target.measure), []).append(target)
    annual = (
        Target.objects.active()
        .in_notice(notice)
        .filter(task__plan__kind=PlanKind.ANNUAL)
        .select_related("task__plan")
    )
    created = []
    for target in annual:
        for five_year in candidates.get((target.metric_id, target.measure), []):
            if not _covers(five_year, target.task.plan.start_year):
                continue
            link, new = TargetLink.objects.get_or_create(five_year=five_year, annual=target)
            if new:
                created.append(link)
    if created:
        record(LinkAction.PROPOSED, notice, data={"links": [link.pk for link in created]})
    return created


@transaction.atomic
def add_link(annual: Target, five_year: Target, user) -> TargetLink:
    """Link two targets by hand (confirmed at once), or confirm the link if it already exists."""
    require_office(user)
    if annual.task.plan.kind != PlanKind.ANNUAL or five_year.task.plan.kind != PlanKind.FIVE_YEAR:
        raise TransitionError("只能把年度计划的指标关联到五年计划的指标。")
    link, new = TargetLink.objects.get_or_create(
        five_year=five_year,
        annual=annual,
        defaults={"origin": LinkOrigin.MANUAL, "state": LinkState.PROPOSED},
    )
    if new:
        record(LinkAction.ADDED, link, user=user)
    if link.state != LinkState.CONFIRMED:
        link.confirm(user)
    return link


@dataclass
class LinkedPath:
    """A five-year growth target with the years its linked annual targets set, and what follows."""

    five_year: Target
    path: list[PathYear]
    # Years whose annual target is below the five-year average, and the rate the others need.
    below: list[PathYear]
    required: float | None

    @property
    def warning(self) -> str:
        if not self.below:
            return ""
        goal = self.five_year.value_in_force
        years = "、".join(f"{p.year}年目标{num(p.rate)}%" for p in self.below)
        if self.required is None:
            return f"{years}，低于五年年均{num(goal)}%，五年目标已无法实现。"
        return f"{years}，低于五年年均{num(goal)}%，其余年份须年均增长{self.required:.2f}%。"


def linked_path(five_year: Target) -> LinkedPath | None:
    """The compounded path of a five-year average growth target given its live annual links.

    None for targets that are not an annual-average growth rate over known years.
    """
    plan = five_year.task.plan
    if (
        five_year.measure != Measure.GROWTH
        or five_year.period != TargetPeriod.ANNUAL_AVERAGE
        or plan.start_year is None
        or plan.end_year is None
    ):
        return None
    goal = five_year.value_in_force
    rates = {}
    links = five_year.annual_links.live().select_related("annual__task__plan")
    for link in links:
        year = link.annual.task.plan.start_year
        if year is not None and plan.start_year <= year <= plan.end_year:
            rates[year] = link.annual.value_in_force
    path = implied_path(goal, plan.start_year, plan.end_year, rates)
    below = [p for p in path if p.planned and p.rate < float(goal)]
    years = plan.end_year - plan.start_year + 1
    required = required_average(goal, years, rates.values()) if below else None
    return LinkedPath(five_year, path, below, required)
