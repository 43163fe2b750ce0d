"""The REST API, /api/v1/: token authentication, errors, rate limit, and the endpoints.

A token acts as its user: every endpoint reads through the same access helpers as the pages
and writes through the same model methods, so the API shows and does exactly what the user
may in the UI. Writes need a read-write token and are audited with the token's name.
"""

from contextlib import contextmanager
from functools import wraps
from typing import Literal

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from ninja import NinjaAPI, Path, Query, Status
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.security import HttpBearer
from ninja.throttling import AuthRateThrottle

from duban.accounts.access import is_office, official_of, unit_id_of, unit_of
from duban.api.choices import TokenScope
from duban.api.errors import ApiError, ErrorOut
from duban.api.models import ApiToken
from duban.api.paging import DEFAULT_LIMIT, MAX_ID, MAX_LIMIT, keyset_page
from duban.api.schemas import (
    CycleOut,
    MeasurementOut,
    NoticeOut,
    NotificationOut,
    OfficialOut,
    PlanOut,
    ProblemOut,
    ReportContentIn,
    ReportOut,
    ReportStartIn,
    RespondIn,
    SupervisionNoticeOut,
    TargetOut,
    TaskOut,
    UnitOut,
    ValueIn,
    VersionIn,
    page_of,
)
from duban.audit.log import recorded_via
from duban.dashboards import figures
from duban.dashboards.views import LEADER_CHARTS, UNIT_CHARTS
from duban.ledger.access import (
    get_notice_for_user,
    get_official_for_user,
    get_plan_for_user,
    get_task_for_user,
    get_unit_for_user,
    visible_notices,
    visible_officials,
    visible_plans,
    visible_tasks,
    visible_units,
)
from duban.ledger.choices import AssignmentRole, UnitKind
from duban.ledger.forms import LedgerFilterForm
from duban.ledger.models import Task
from duban.ledger.rows import ledger_rows
from duban.ledger.views.tasks import filter_choices
from duban.lib.transitions import StaleRecord, TransitionError
from duban.progress.access import (
    get_cycle_for_user,
    get_report_for_user,
    visible_cycles,
    visible_reports,
)
from duban.progress.choices import CycleState, ReportState
from duban.progress.forms import ReportForm
from duban.progress.latest import attach_latest_progress
from duban.progress.models import Report
from duban.progress.targets import reportable_targets
from duban.supervision.access import (
    get_notification_for_user,
    get_problem_for_user,
    get_supervision_notice_for_user,
    visible_problems,
    visible_supervision_notices,
)
from duban.supervision.choices import Colour, NoticeState, ProblemState
from duban.supervision.models import Notification
from duban.targets.access import get_target_for_user
from duban.targets.choices import ValueSource
from duban.targets.forms import ValueForm
from duban.targets.models import Target
from duban.targets.values import record_value


class TokenAuth(HttpBearer):
    """`Authorization: Bearer duban_…`: a live token of an active user, or a 401."""

    def authenticate(self, request, token: str) -> ApiToken | None:
        found = ApiToken.find(token)
        if found is None or not found.user.is_active:
            return None
        found.touch()
        return found


class TokenRateThrottle(AuthRateThrottle):
    """So many requests per token in a window (settings.API_RATE_LIMIT, e.g. "600/m")."""

    def __init__(self):
        super().__init__(settings.API_RATE_LIMIT)

    def allow_request(self, request) -> bool:
        # Read on each request, so that a changed setting (a test's) takes effect.
        self.num_requests, self.duration = self.parse_rate(settings.API_RATE_LIMIT)
        return super().allow_request(request)

    def get_cache_key(self, request) -> str:
        return f"api-rate-{request.auth.pk}"


def for_callers(view):
    """The schema and its docs page: for a logged-in user or a live token, like the rest of the
    API. Anonymous visitors learn nothing of it: the docs page sends them to log in, the
    document answers 401."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated or TokenAuth()(request) is not None:
            return view(request, *args, **kwargs)
        if request.path.endswith(".json"):
            message = "请登录或提供有效令牌后读取接口文档。"
            return JsonResponse({"code": "unauthenticated", "message": message}, status=401)
        return redirect_to_login(request.get_full_path())

    return wrapper


api = NinjaAPI(
    title="督办台账 API",
    version="1",
    description="以令牌所属用户的身份读取和报送：所见所能与该用户在页面上完全相同。",
    auth=TokenAuth(),
    throttle=[TokenRateThrottle()],
    urls_namespace="api-v1",
    docs_url="/docs/",
    docs_decorator=for_callers,
)

# Every refusal an endpoint may answer, declared so that the schema covers them.
ERRORS = {frozenset({400, 401, 403, 404, 429}): ErrorOut}
WRITE_ERRORS = {frozenset({400, 401, 403, 404, 409, 429}): ErrorOut}


def _error(request, status: int, code: str, message: str):
    return api.create_response(request, {"code": code, "message": message}, status=status)


@api.exception_handler(ApiError)
def on_api_error(request, exc: ApiError):
    return _error(request, exc.status, exc.code, exc.message)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, exc):
    return _error(request, 401, "unauthenticated", "令牌无效、已吊销或未提供。")


@api.exception_handler(PermissionDenied)
def on_forbidden(request, exc):
    return _error(request, 403, "forbidden", str(exc) or "无权执行此操作。")


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return _error(request, 404, "not_found", "对象不存在或不在您的权限范围内。")


@api.exception_handler(StaleRecord)
def on_stale(request, exc):
    return _error(request, 409, "stale", str(exc))


@api.exception_handler(TransitionError)
def on_not_now(request, exc):
    return _error(request, 409, "not_allowed", str(exc))


@api.exception_handler(ValidationError)
def on_invalid(request, exc):
    return _error(request, 400, "invalid", "请求参数无效。")


@api.exception_handler(DjangoValidationError)
def on_invalid_content(request, exc):
    return _error(request, 400, "invalid", "；".join(exc.messages))


@api.exception_handler(HttpError)
def on_bad_request(request, exc: HttpError):
    # django-ninja's own refusals, such as a body that is not JSON.
    return _error(request, exc.status_code, "bad_request", "请求格式无效。")


@api.exception_handler(Throttled)
def on_throttled(request, exc):
    return _error(request, 429, "rate_limited", "请求过于频繁，请稍后再试。")


def reader(request):
    """The user the token acts for; a statistics-release token reads nothing."""
    token = request.auth
    if token.scope == TokenScope.STATISTICS:
        raise PermissionDenied("统计发布令牌只能报送指标数值。")
    return token.user


@contextmanager
def writer(request, scopes=(TokenScope.READ_WRITE,)):
    """The user a read-write token acts for, with every audit entry inside naming the token."""
    token = request.auth
    if token.scope == TokenScope.STATISTICS and token.scope not in scopes:
        raise PermissionDenied("统计发布令牌只能报送指标数值。")
    if token.scope not in scopes:
        raise PermissionDenied("只读令牌不能修改数据。")
    with recorded_via(token=token.name):
        yield token.user


# Every list takes these two: the page size and the cursor a previous page returned.
CURSOR = Query(None, max_length=200, description="上一页返回的 next 游标")
LIMIT = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="每页条数")
# Keys as their columns hold them: a larger number is refused (400), never a database error.
PK = Path(..., ge=1, le=MAX_ID, description="对象 id")


def by_id(description: str):
    """An optional filter by the id of a related object."""
    return Query(None, ge=1, le=MAX_ID, description=description)


# /api/v1/notices, /plans, /units, /officials: the ledger's reference objects
@api.get("/notices", response={200: page_of(NoticeOut), **ERRORS}, tags=["台账"])
def list_notices(request, cursor: str | None = CURSOR, limit: int = LIMIT):
    return keyset_page(visible_notices(reader(request)), cursor, limit)


@api.get("/notices/{pk}", response={200: NoticeOut, **ERRORS}, tags=["台账"])
def get_notice(request, pk: int = PK):
    return get_notice_for_user(reader(request), pk)


@api.get("/plans", response={200: page_of(PlanOut), **ERRORS}, tags=["台账"])
def list_plans(
    request,
    notice: int | None = by_id("通知 id"),
    cursor: str | None = CURSOR,
    limit: int = LIMIT,
):
    plans = visible_plans(reader(request))
    if notice is not None:
        plans = plans.filter(notice_id=notice)
    return keyset_page(plans, cursor, limit)


@api.get("/plans/{pk}", response={200: PlanOut, **ERRORS}, tags=["台账"])
def get_plan(request, pk: int = PK):
    return get_plan_for_user(reader(request), pk)


@api.get("/units", response={200: page_of(UnitOut), **ERRORS}, tags=["台账"])
def list_units(request, cursor: str | None = CURSOR, limit: int = LIMIT):
    return keyset_page(visible_units(reader(request)), cursor, limit)


@api.get("/units/{pk}", response={200: UnitOut, **ERRORS}, tags=["台账"])
def get_unit(request, pk: int = PK):
    return get_unit_for_user(reader(request), pk)


@api.get("/officials", response={200: page_of(OfficialOut), **ERRORS}, tags=["台账"])
def list_officials(request, cursor: str | None = CURSOR, limit: int = LIMIT):
    return keyset_page(visible_officials(reader(request)), cursor, limit)


@api.get("/officials/{pk}", response={200: OfficialOut, **ERRORS}, tags=["台账"])
def get_official(request, pk: int = PK):
    return get_official_for_user(reader(request), pk)


# /api/v1/tasks: the ledger with its filters, each task's status and latest progress
@api.get("/tasks", response={200: page_of(TaskOut), **ERRORS}, tags=["台账"])
def list_tasks(
    request,
    q: str = Query("", max_length=100, description="关键词：任务内容、备注或序号"),
    plan: int | None = by_id("计划 id"),
    leader: int | None = by_id("牵头领导 id"),
    unit: int | None = by_id("责任单位 id"),
    kind: UnitKind | None = Query(None, description="责任单位的类别"),
    role: AssignmentRole | None = Query(None, description="单位职责"),
    colour: Colour | None = Query(None, description="督办状态"),
    status: Literal["all", "withdrawn"] | None = Query(
        None, description="不填为有效任务；all 含已撤销；withdrawn 仅已撤销"
    ),
    cursor: str | None = CURSOR,
    limit: int = LIMIT,
):
    user = reader(request)
    visible = visible_tasks(user)
    params = {"q": q, "plan": plan, "leader": leader, "unit": unit}
    params |= {"kind": kind, "role": role, "colour": colour, "status": status}
    data = {name: value for name, value in params.items() if value not in ("", None)}
    # The ledger page's own form: the same filters, the same choices, invalid ones dropped.
    form = LedgerFilterForm(data, **filter_choices(user))
    tasks = visible.matching(**form.filters(), own_unit=unit_of(user))
    page = keyset_page(ledger_rows(tasks, user), cursor, limit)
    with_lead_units(page["items"])
    attach_latest_progress(page["items"])
    return page


@api.get("/tasks/{pk}", response={200: TaskOut, **ERRORS}, tags=["台账"])
def get_task(request, pk: int = PK):
    user = reader(request)
    get_task_for_user(user, pk)
    task = ledger_rows(visible_tasks(user).filter(pk=pk), user).get()
    with_lead_units([task])
    attach_latest_progress([task])
    return task


def with_lead_units(tasks: list[Task]) -> None:
    """Give each task its `lead_ids` (TaskOut.lead_unit_ids), two queries for them all."""
    leads = Task.objects.filter(pk__in=[task.pk for task in tasks]).lead_unit_ids()
    for task in tasks:
        task.lead_ids = leads.get(task.pk, [])


# /api/v1/cycles and /reports: progress reporting
@api.get("/cycles", response={200: page_of(CycleOut), **ERRORS}, tags=["报送"])
def list_cycles(
    request,
    plan: int | None = by_id("计划 id"),
    state: CycleState | None = None,
    cursor: str | None = CURSOR,
    limit: int = LIMIT,
):
    cycles = visible_cycles(reader(request))
    if plan is not None:
        cycles = cycles.filter(plan_id=plan)
    if state is not None:
        cycles = cycles.filter(state=state)
    return keyset_page(cycles, cursor, limit)


@api.get("/cycles/{pk}", response={200: CycleOut, **ERRORS}, tags=["报送"])
def get_cycle(request, pk: int = PK):
    return get_cycle_for_user(reader(request), pk)


@api.get("/reports", response={200: page_of(ReportOut), **ERRORS}, tags=["报送"])
def list_reports(
    request,
    cycle: int | None = by_id("报送周期 id"),
    task: int | None = by_id("任务 id"),
    unit: int | None = by_id("报送单位 id"),
    state: ReportState | None = None,
    cursor: str | None = CURSOR,
    limit: int = LIMIT,
):
    reports = visible_reports(reader(request))
    filters = {"cycle_id": cycle, "task_id": task, "unit_id": unit, "state": state}
    reports = reports.filter(**{k: v for k, v in filters.items() if v is not None})
    return keyset_page(reports, cursor, limit)


@api.get("/reports/{pk}", response={200: ReportOut, **ERRORS}, tags=["报送"])
def get_report(request, pk: int = PK):
    return get_report_for_user(reader(request), pk)


@api.post("/reports", response={201: ReportOut, **WRITE_ERRORS}, tags=["报送"])
def start_report(request, body: ReportStartIn):
    """The caller's unit's report on a task for a cycle, created as a draft if it has none."""
    with writer(request) as user:
        task = get_task_for_user(user, body.task)
        cycle = get_cycle_for_user(user, body.cycle)
        if unit_id_of(user) is None:
            raise PermissionDenied("只能填报本单位的报告。")
        return Status(201, Report.start(task, unit_of(user), cycle, user))


def _form_errors(form) -> str:
    return "；".join(m for errors in form.errors.values() for m in errors)


def _own_report(user, pk: int) -> Report:
    report = get_report_for_user(user, pk)
    # Those who may read a report but not write it get a 403, as on the pages.
    if unit_id_of(user) != report.unit_id:
        raise PermissionDenied("只能修改本单位的报告。")
    return report


@api.put("/reports/{pk}", response={200: ReportOut, **WRITE_ERRORS}, tags=["报送"])
def save_report(request, body: ReportContentIn, pk: int = PK):
    """Save the draft, checked as the report form checks it; `version` must be current."""
    with writer(request) as user:
        report = _own_report(user, pk)
        data = body.dict(exclude={"target_values", "confirm"})
        data = {k: "" if v is None else v for k, v in data.items()}
        data |= {f"target_{k}": v for k, v in body.target_values.items()}
        if body.confirm:
            data["confirm"] = "on"
        form = ReportForm(data, report=report, targets=reportable_targets(report))
        if not form.is_valid():
            raise ApiError(400, "invalid", _form_errors(form))
        report.save_content(user, version=form.cleaned_data["version"], **form.content())
        return report


@api.post("/reports/{pk}/submit", response={200: ReportOut, **WRITE_ERRORS}, tags=["报送"])
def submit_report(request, body: VersionIn, pk: int = PK):
    """Submit a part to the lead unit, or the lead unit's report (consolidated) to the office."""
    with writer(request) as user:
        report = _own_report(user, pk)
        report.submit(user, version=body.version)
        return report


# /api/v1/targets: a task's quantitative targets and their values
@api.get("/targets", response={200: page_of(TargetOut), **ERRORS}, tags=["指标"])
def list_targets(
    request, task: int | None = by_id("任务 id"), cursor: str | None = CURSOR, limit: int = LIMIT
):
    targets = Target.objects.for_tasks(visible_tasks(reader(request)))
    if task is not None:
        targets = targets.filter(task_id=task)
    return keyset_page(targets, cursor, limit)


@api.get("/targets/{pk}", response={200: TargetOut, **ERRORS}, tags=["指标"])
def get_target(request, pk: int = PK):
    return get_target_for_user(reader(request), pk)


@api.get("/targets/{pk}/values", response={200: list[MeasurementOut], **ERRORS}, tags=["指标"])
def list_target_values(request, pk: int = PK):
    """The values in effect for the target (its own and its metric's), oldest first."""
    return list(get_target_for_user(reader(request), pk).measurements_in_effect())


@api.post("/targets/{pk}/values", response={201: MeasurementOut, **WRITE_ERRORS}, tags=["指标"])
def record_target_value(request, body: ValueIn, pk: int = PK):
    """Record a value as the office does on the target's page; a statistics-release token's
    values are recorded as a statistics import. Units report theirs with their report."""
    scopes = (TokenScope.READ_WRITE, TokenScope.STATISTICS)
    with writer(request, scopes) as user:
        target = get_target_for_user(user, pk)
        data = {"value": str(body.value), "on_date": body.on_date.isoformat(), "note": body.note}
        if body.confirm:
            data["confirm"] = "on"
        form = ValueForm(data, target=target)
        if not form.is_valid():
            raise ApiError(400, "invalid", _form_errors(form))
        statistics = request.auth.scope == TokenScope.STATISTICS
        measurement = record_value(
            target,
            form.cleaned_data["value"],
            form.cleaned_data["on_date"],
            user=user,
            source=ValueSource.IMPORT if statistics else ValueSource.OFFICE,
            note=form.cleaned_data["note"],
        )
        return Status(201, measurement)


# /api/v1/problems, /supervision-notices: supervision
@api.get("/problems", response={200: page_of(ProblemOut), **ERRORS}, tags=["督办"])
def list_problems(
    request,
    task: int | None = by_id("任务 id"),
    state: ProblemState | None = None,
    cursor: str | None = CURSOR,
    limit: int = LIMIT,
):
    problems = visible_problems(reader(request))
    if task is not None:
        problems = problems.filter(task_id=task)
    if state is not None:
        problems = problems.filter(state=state)
    return keyset_page(problems, cursor, limit)


@api.get("/problems/{pk}", response={200: ProblemOut, **ERRORS}, tags=["督办"])
def get_problem(request, pk: int = PK):
    return get_problem_for_user(reader(request), pk)


@api.get(
    "/supervision-notices",
    response={200: page_of(SupervisionNoticeOut), **ERRORS},
    tags=["督办"],
    summary="督办单",
)
def list_supervision_notices(
    request,
    task: int | None = by_id("任务 id"),
    state: NoticeState | None = None,
    cursor: str | None = CURSOR,
    limit: int = LIMIT,
):
    notices = visible_supervision_notices(reader(request))
    if task is not None:
        notices = notices.filter(task_id=task)
    if state is not None:
        notices = notices.filter(state=state)
    return keyset_page(notices, cursor, limit)


@api.get("/supervision-notices/{pk}", response={200: SupervisionNoticeOut, **ERRORS}, tags=["督办"])
def get_supervision_notice(request, pk: int = PK):
    return get_supervision_notice_for_user(reader(request), pk)


@api.post(
    "/supervision-notices/{pk}/respond",
    response={200: SupervisionNoticeOut, **WRITE_ERRORS},
    tags=["督办"],
)
def respond_supervision_notice(request, body: RespondIn, pk: int = PK):
    """The 反馈 of the unit the 督办单 went to (files are attached on the page)."""
    with writer(request) as user:
        notice = get_supervision_notice_for_user(user, pk)
        notice.respond(body.text.strip(), user)
        return notice


# /api/v1/notifications: the caller's own messages
@api.get("/notifications", response={200: page_of(NotificationOut), **ERRORS}, tags=["消息"])
def list_notifications(
    request,
    unread: bool = False,
    cursor: str | None = CURSOR,
    limit: int = LIMIT,
):
    notes = Notification.objects.filter(user=reader(request))
    if unread:
        notes = notes.unread()
    return keyset_page(notes, cursor, limit, key="created_at", descending=True)


@api.post(
    "/notifications/{pk}/read", response={200: NotificationOut, **WRITE_ERRORS}, tags=["消息"]
)
def read_notification(request, pk: int = PK):
    with writer(request) as user:
        note = get_notification_for_user(user, pk)
        note.mark_read()
        return note


# /api/v1/dashboard/<chart>: the overview's figures, the JSON its charts draw
@api.get("/dashboard/{chart}", response={200: dict, **ERRORS}, tags=["统计"])
def dashboard_figure(request, chart: str):
    """One chart of the overview (the office's, or a leader's portfolio): `totals`, …"""
    user = reader(request)
    if is_office(user):
        leader = None
    elif (leader := official_of(user)) is None:
        raise PermissionDenied("只有督查室和区领导可以查看统计图。")
    if chart not in (figures.OVERVIEW if leader is None else LEADER_CHARTS):
        raise Http404
    return figures.OVERVIEW[chart](figures.overview_scope(user, leader))


@api.get("/dashboard/units/{pk}/{chart}", response={200: dict, **ERRORS}, tags=["统计"])
def unit_figure(request, chart: str, pk: int = PK):
    """One chart of a unit's scorecard: `status` or `on-time`."""
    user = reader(request)
    unit = get_unit_for_user(user, pk)
    if chart not in UNIT_CHARTS:
        raise Http404
    return UNIT_CHARTS[chart](unit, visible_tasks(user))


@api.get("/dashboard/targets/{pk}", response={200: dict, **ERRORS}, tags=["统计"])
def target_figure(request, pk: int = PK):
    """A target's trajectory: its planned path against the values recorded."""
    return figures.target_trajectory(get_target_for_user(reader(request), pk))
