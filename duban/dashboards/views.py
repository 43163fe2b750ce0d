"""The overview (一屏统揽), a leader's portfolio, a unit's scorecard and their JSON charts.

Pages print every figure as a table (links included) that the charts draw over; the JSON
endpoints serve the same figures (duban.dashboards.figures) one chart each.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from duban.accounts.access import is_office, official_of
from duban.dashboards import figures
from duban.ledger.access import get_official_for_user, get_unit_for_user, visible_tasks
from duban.targets.access import get_metric_for_user, get_target_for_user

# The leader chart is left out of one leader's portfolio: its co-leaders' links would
# widen the list beyond the portfolio.
LEADER_CHARTS = [name for name in figures.OVERVIEW if name != "by-leader"]


def _own_leader(user):
    """None for the office (every task); the leader a leader is; a 403 for anyone else."""
    if is_office(user):
        return None
    leader = official_of(user)
    if leader is None:
        raise PermissionDenied
    return leader


def _charts(leader) -> list[str]:
    return list(figures.OVERVIEW) if leader is None else LEADER_CHARTS


def _overview(request, leader):
    scope = figures.overview_scope(request.user, leader)
    charts = []
    for name in _charts(leader):
        if leader is None:
            url = reverse("dashboards:chart", args=[name])
        else:
            url = reverse("dashboards:leader-chart", args=[leader.pk, name])
        charts.append((figures.OVERVIEW[name](scope), url))
    return render(request, "dashboards/overview.html", {"charts": charts, "leader": leader})


def _chart(request, leader, chart: str) -> JsonResponse:
    if chart not in _charts(leader):
        raise Http404
    scope = figures.overview_scope(request.user, leader)
    return JsonResponse(figures.OVERVIEW[chart](scope))


@login_required
def overview(request):
    """The office's overview of every task; a leader's of their own portfolio."""
    return _overview(request, _own_leader(request.user))


@login_required
def overview_chart(request, chart: str):
    return _chart(request, _own_leader(request.user), chart)


@login_required
def leader_overview(request, pk: int):
    """One leader's portfolio: for the office, and for that leader (others get a 404)."""
    return _overview(request, get_official_for_user(request.user, pk))


@login_required
def leader_chart(request, pk: int, chart: str):
    return _chart(request, get_official_for_user(request.user, pk), chart)


UNIT_CHARTS = {
    "status": lambda unit, tasks: figures.unit_status(figures.Scope(tasks.active()), unit),
    "on-time": figures.unit_on_time,
}


@login_required
def unit_scorecard(request, pk: int):
    """A unit's year: its tasks by status, reporting on time, returns, 督办单, and its kind."""
    unit = get_unit_for_user(request.user, pk)
    tasks = visible_tasks(request.user)
    charts = [
        (chart(unit, tasks), reverse("dashboards:unit-chart", args=[unit.pk, name]))
        for name, chart in UNIT_CHARTS.items()
    ]
    ctx = {
        "unit": unit,
        "record": figures.unit_record(unit, tasks),
        "peers": figures.peer_ranking(unit),
        "charts": charts,
    }
    return render(request, "dashboards/unit.html", ctx)


@login_required
def unit_chart(request, pk: int, chart: str):
    unit = get_unit_for_user(request.user, pk)
    if chart not in UNIT_CHARTS:
        raise Http404
    return JsonResponse(UNIT_CHARTS[chart](unit, visible_tasks(request.user)))


@login_required
def target_chart(request, pk: int):
    return JsonResponse(figures.target_trajectory(get_target_for_user(request.user, pk)))


@login_required
def metric_chart(request, pk: int):
    metric = get_metric_for_user(request.user, pk)
    targets = metric.targets.active().for_tasks(visible_tasks(request.user))
    return JsonResponse(figures.metric_trajectory(metric, targets))
