"""`duban bench pages`: how long the main pages take with a province's worth of data.

It builds a synthetic ledger in a throwaway test database (never the configured one): first a
district's worth, on which every page is timed, then the asked size added beside it, on which
the same pages, showing the same rows, are timed again. A page should cost what it shows,
not what the database holds: the growth of its time between the two says whether it does.
Each view is followed by its floor, the page's reads sent again raw (see `Samples`): the
ratio of the two says what the application adds to what the database must answer.

`duban bench import` (bench_import, below) times the office's web import of the reference
.docx, upload, preview and confirmation, and counts the parser's runs in it.
"""

import gc
import html
import random
import re
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from unittest import mock
from urllib.parse import urljoin

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from duban.accounts.choices import UserRole
from duban.accounts.models import Profile
from duban.api.choices import TokenScope
from duban.api.models import ApiToken
from duban.dashboards.figures import OVERVIEW
from duban.jobs.worker import run_queued
from duban.ledger.choices import AssignmentRole, LeaderSource, PlanKind, SourceFormat, UnitKind
from duban.ledger.models import (
    Assignment,
    ImportDraft,
    Notice,
    Official,
    Plan,
    Section,
    SectionLeader,
    Task,
    TaskLeader,
    Unit,
)
from duban.lib.timings import percentile
from duban.parsing import api
from duban.progress.choices import CycleKind, CycleState, ReportKind, ReportState
from duban.progress.models import Report, ReportingCycle
from duban.supervision.choices import Colour
from duban.supervision.models import TaskStatus
from duban.supervision.tallies import recount_all

TASKS_PER_NOTICE = 500
SECTIONS_PER_NOTICE = 5
TASKS_PER_UNIT = 50
BATCH = 5000
PHRASES = [
    "推进城市有机更新，完成老旧小区改造",
    "新增规上工业企业",
    "深化“最多跑一次”改革，打造一流营商环境",
    "实施乡村振兴战略，推动农民增收",
    "建设高标准农田",
    "新建改扩建中小学和幼儿园",
]


@dataclass
class Built:
    """What the pages are opened on: the first notice's unit, leader and task."""

    unit: Unit
    official: Official
    task: Task
    page_20: str = ""  # the ledger's 20th page, reached by its 下一页 links (`follow_pages`)


class Ledger:
    """Adds synthetic notices, units, leaders, tasks, statuses and reports, in bulk."""

    def __init__(self, seed: int = 7):
        self.random = random.Random(seed)  # noqa: S311 (synthetic data, not secrets)
        self.notices = 0

    def add(self, tasks: int, reports_per_task: int) -> Built:
        built = self._add(tasks, reports_per_task)
        # The statuses were written in bulk, past the refresh that counts them.
        recount_all()
        if connection.vendor == "postgresql":
            # Planner statistics and visibility maps, which autovacuum keeps on a database in
            # use (and would otherwise be busy making while the pages are timed); SQLite
            # keeps none unless asked, and duban never asks. A test's transaction allows no
            # VACUUM, only the statistics.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        return built

    def _add(self, tasks: int, reports_per_task: int) -> Built:
        units = Unit.objects.bulk_create(
            Unit(name=f"第{self.notices}批单位{i}", kind=UnitKind.DISTRICT_DEPARTMENT)
            for i in range(max(2, tasks // TASKS_PER_UNIT))
        )
        first = None
        for _ in range(max(1, tasks // TASKS_PER_NOTICE)):
            built = self._notice(units, min(tasks, TASKS_PER_NOTICE), reports_per_task)
            first = first or built
        return first

    def _notice(self, units: list[Unit], tasks: int, reports_per_task: int) -> Built:
        self.notices += 1
        number = self.notices
        notice = Notice.objects.create(
            doc_number=f"测政办〔2022〕{number}号",
            title=f"关于印发第{number}个地区重点工作责任分解的通知",
            source_format=SourceFormat.TXT,
            file_hash=f"{number:064x}",
            file_size=0,
        )
        plan = Plan.objects.create(
            notice=notice,
            annex="1",
            title="2022年重点工作责任分解表",
            kind=PlanKind.ANNUAL,
            start_year=2022,
            end_year=2022,
        )
        officials = Official.objects.bulk_create(
            Official(name=f"领导{number}-{i}") for i in range(SECTIONS_PER_NOTICE)
        )
        sections = Section.objects.bulk_create(
            Section(plan=plan, heading=f"{i + 1}、{official.name}牵头", position=i)
            for i, official in enumerate(officials)
        )
        SectionLeader.objects.bulk_create(
            SectionLeader(section=section, official=official)
            for section, official in zip(sections, officials, strict=True)
        )
        created = Task.objects.bulk_create(
            (
                Task(
                    plan=plan,
                    section=sections[i % SECTIONS_PER_NOTICE],
                    seq=str(i + 1),
                    position=i,
                    text=f"{self.random.choice(PHRASES)}{self.random.randint(2, 300)}个。",
                )
                for i in range(tasks)
            ),
            batch_size=BATCH,
        )
        Assignment.objects.bulk_create(
            (
                Assignment(task=task, unit=unit, role=role, raw=unit.name, position=position)
                for task in created
                for position, (unit, role) in enumerate(
                    zip(
                        self.random.sample(units, 2),
                        (AssignmentRole.LEAD, AssignmentRole.SUPPORT),
                        strict=True,
                    )
                )
            ),
            batch_size=BATCH,
        )
        TaskLeader.objects.bulk_create(
            (
                TaskLeader(
                    task=task,
                    official=officials[i % SECTIONS_PER_NOTICE],
                    source=LeaderSource.SECTION,
                )
                for i, task in enumerate(created)
            ),
            batch_size=BATCH,
        )
        TaskStatus.objects.bulk_create(
            (TaskStatus(task=task, colour=self.random.choice(Colour.values)) for task in created),
            batch_size=BATCH,
        )
        self._reports(plan, created, reports_per_task)
        lead = created[0].assignments.get(role=AssignmentRole.LEAD).unit
        return Built(unit=lead, official=officials[0], task=created[0])

    def _reports(self, plan: Plan, tasks: list[Task], per_task: int) -> None:
        """Per task, the lead and support units' reports over as many cycles as it takes."""
        cycles = ReportingCycle.objects.bulk_create(
            ReportingCycle(
                plan=plan,
                kind=CycleKind.MONTHLY,
                name=f"2022年{month}月",
                period_start=date(2022, month, 1),
                period_end=date(2022, month, 28),
                due_on=date(2022, month, 28),
                state=CycleState.LOCKED,
            )
            for month in range(1, min(12, (per_task + 1) // 2) + 1)
        )
        pairs = defaultdict(list)
        assignments = Assignment.objects.filter(task__in=tasks).order_by("task_id", "position")
        for task_id, unit_id, role in assignments.values_list("task_id", "unit_id", "role"):
            pairs[task_id].append((unit_id, role))
        reports = (
            Report(
                task_id=task.pk,
                unit_id=unit_id,
                cycle=cycle,
                kind=ReportKind.CONSOLIDATED if role == AssignmentRole.LEAD else ReportKind.PART,
                progress="按计划推进。",
                state=ReportState.ACCEPTED,
            )
            for task in tasks
            for n, cycle in enumerate(cycles)
            for unit_id, role in pairs[task.pk][: per_task - 2 * n]
        )
        Report.objects.bulk_create(reports, batch_size=BATCH)


def users(built: Built) -> dict[str, object]:
    """An office user, the liaison of the unit and the leader the pages are opened for."""
    user_model = get_user_model()
    made = {}
    for name, role, fields in (
        ("bench-office", UserRole.OFFICE, {}),
        ("bench-unit", UserRole.UNIT, {"unit": built.unit}),
        ("bench-leader", UserRole.LEADER, {"official": built.official}),
    ):
        user = user_model.objects.create_user(name)
        Profile.objects.create(user=user, role=role, **fields)
        made[name] = user
    return made


@dataclass(frozen=True)
class Page:
    """A page timed: its label, the user it is opened for and its URL."""

    label: str
    who: str
    url: str
    api: bool = False  # opened with the user's API token instead of a log-in


def pages(built: Built) -> list[Page]:
    """The pages timed: the main pages per role, the other list pages, the API lists and the
    overview's chart JSON, each showing the same rows on both databases."""
    tasks, api_tasks = reverse("ledger:tasks"), reverse("api-v1:list_tasks")
    return [
        Page("台账第一页", "bench-office", tasks),
        Page("台账第 20 页", "bench-office", built.page_20),
        Page("台账按单位筛选", "bench-office", f"{tasks}?unit={built.unit.pk}"),
        Page("台账关键词", "bench-office", f"{tasks}?q=老旧小区"),
        Page("督办总览", "bench-office", reverse("supervision:overview")),
        Page("单位页（联络员）", "bench-unit", built.unit.get_absolute_url()),
        Page("本单位报送", "bench-unit", reverse("progress:my-reports")),
        Page("领导页", "bench-leader", built.official.get_absolute_url()),
        Page("任务页", "bench-office", built.task.get_absolute_url()),
        Page("单位列表", "bench-office", reverse("ledger:units")),
        Page("报送周期", "bench-office", reverse("progress:cycle-list")),
        Page("审核队列", "bench-office", reverse("progress:review-queue")),
        Page("督办单列表", "bench-office", reverse("supervision:notices")),
        Page("问题列表", "bench-office", reverse("supervision:problems")),
        Page("API 任务", "bench-office", api_tasks, api=True),
        Page("API 任务按单位", "bench-office", f"{api_tasks}?unit={built.unit.pk}", api=True),
        Page("API 任务关键词", "bench-office", f"{api_tasks}?q=老旧小区", api=True),
        Page("API 任务（联络员）", "bench-unit", api_tasks, api=True),
        Page("API 报送", "bench-office", reverse("api-v1:list_reports"), api=True),
        Page("API 单位", "bench-office", reverse("api-v1:list_units"), api=True),
        *(
            Page(f"总览图表 {chart}", "bench-office", reverse("dashboards:chart", args=[chart]))
            for chart in OVERVIEW
        ),
    ]


class Recorder:
    """Every statement the connection sends, as Django hands it to the driver."""

    def __init__(self):
        self.statements: list[tuple[str, object, bool]] = []

    def __call__(self, execute, sql, params, many, context):
        self.statements.append((sql, params, many))
        return execute(sql, params, many, context)

    def reads(self) -> list[tuple[str, object]]:
        """The reads among them (SELECTs), which can be sent again without changing anything."""
        return [
            (sql, params)
            for sql, params, many in self.statements
            if not many and sql.split(None, 1)[0].upper() in ("SELECT", "WITH")
        ]


@dataclass(frozen=True)
class Samples:
    """One page on one database: each view's seconds and its floor's, and its queries.

    The floor is the page's essential SQL run raw: every read the view sent (session and user
    included; writes such as a token's last-use stamp left out), captured with its parameters
    during a view and sent again through a plain cursor with all rows fetched, timed the same
    way as the view, in turns with it. It is what the database must answer for the page as it
    is written, so `ratio` is what Python, the ORM and the template add on top of it. It does
    not judge whether a read is needed: `queries` and the growth between the two databases do.
    """

    views: list[float]
    floors: list[float]
    queries: int  # statements of one view
    reads: int  # of them the reads the floor sends again
    slowest: tuple[float, str]  # the slowest read: its median seconds and its SQL

    @property
    def median(self) -> float:
        return statistics.median(self.views)

    @property
    def p95(self) -> float:
        return percentile(self.views, 0.95)

    @property
    def floor(self) -> float:
        return statistics.median(self.floors)

    @property
    def ratio(self) -> float:
        """The view's median over its floor's."""
        return self.median / self.floor


@dataclass(frozen=True)
class Timing:
    """One page on both databases."""

    page: str
    small: Samples  # with the district's worth
    large: Samples  # with the asked size beside it

    @property
    def growth(self) -> float:
        """The large database's median over the small one's: 1× for a page that costs what it
        shows."""
        return self.large.median / self.small.median


@dataclass(frozen=True)
class PagesFigures:
    database: str  # the connection's vendor: sqlite, postgresql
    small_tasks: int
    tasks: int  # in the large database, the small ones included
    reports: int
    timings: list[Timing]


def _clients(people: dict, tokens: dict[str, str]) -> dict[tuple[str, bool], Client]:
    """A test client per user logged in, and one per user sending the user's API token."""
    clients = {}
    for who, user in people.items():
        clients[who, False] = Client()
        clients[who, False].force_login(user)
        clients[who, True] = Client(headers={"Authorization": f"Bearer {tokens[who]}"})
    return clients


def _send(reads: list[tuple[str, object]], seconds: list[float]) -> None:
    """Send the reads again through a plain cursor, adding each one's time to `seconds`."""
    with connection.cursor() as cursor:
        for i, (sql, params) in enumerate(reads):
            started = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            seconds[i] += time.perf_counter() - started


def _sample(client: Client, url: str, repeat: int) -> Samples:
    recorder = Recorder()
    with connection.execute_wrapper(recorder):
        _get(client, url)
    reads = recorder.reads()
    views, floors, per_read = [], [], [[] for _ in reads]
    for _ in range(repeat):
        started = time.perf_counter()
        _get(client, url)
        views.append(time.perf_counter() - started)
        seconds = [0.0] * len(reads)
        started = time.perf_counter()
        _send(reads, seconds)
        floors.append(time.perf_counter() - started)
        for times, spent in zip(per_read, seconds, strict=True):
            times.append(spent)
    medians = [statistics.median(times) for times in per_read]
    slowest = max(range(len(reads)), key=medians.__getitem__, default=None)
    return Samples(
        views,
        floors,
        queries=len(recorder.statements),
        reads=len(reads),
        slowest=(0.0, "") if slowest is None else (medians[slowest], reads[slowest][0]),
    )


def time_pages(built: Built, people: dict, tokens: dict, repeat: int) -> dict[str, Samples]:
    """{label: samples} of each page, opened once to record its statements, then `repeat`
    times, each time followed by its floor."""
    clients = _clients(people, tokens)
    # As duban.wsgi does once loaded: what is alive now stays out of the collector's full
    # passes, which a server's requests do not pay for either.
    gc.collect()
    gc.freeze()
    try:
        # The bench measures the pages, not the API's per-token limit (the throttle still runs).
        with override_settings(API_RATE_LIMIT="1000000/s"):
            return {
                page.label: _sample(clients[page.who, page.api], page.url, repeat)
                for page in pages(built)
            }
    finally:
        gc.unfreeze()


def _get(client: Client, url: str):
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return response


NEXT = re.compile(r'href="([^"]+)" rel="next"')


def follow_pages(client: Client, url: str, pages: int) -> str:
    """The URL of the list's page number `pages` (or its last, when it has fewer), reached from
    `url` by its 下一页 links: the lists are paged by keyset cursors, not numbers."""
    for _ in range(pages - 1):
        found = NEXT.search(_get(client, url).content.decode())
        if found is None:
            break
        url = urljoin(url, html.unescape(found[1]))
    return url


def bench_pages(
    small: int, large: int, reports_per_task: int, repeat: int, progress: Callable[[str], None]
) -> PagesFigures:
    """Time the pages on `small` tasks, then again with `large` more beside them."""
    ledger = Ledger()
    progress(f"building {small} tasks…")
    built = ledger.add(small, reports_per_task)
    people = users(built)
    office = people["bench-office"]
    browser = Client()
    browser.force_login(office)
    built.page_20 = follow_pages(browser, reverse("ledger:tasks"), 20)
    tokens = {
        who: ApiToken.issue(user=user, name="bench", scope=TokenScope.READ, by=office)[1]
        for who, user in people.items()
    }
    progress("timing the pages…")
    before = time_pages(built, people, tokens, repeat)
    progress(f"adding {large} tasks and {large * reports_per_task} reports…")
    ledger.add(large, reports_per_task)
    progress("timing the pages again…")
    after = time_pages(built, people, tokens, repeat)
    return PagesFigures(
        database=connection.vendor,
        small_tasks=small,
        tasks=Task.objects.count(),
        reports=Report.objects.count(),
        timings=[
            Timing(page.label, before[page.label], after[page.label]) for page in pages(built)
        ],
    )


IMPORT_STEPS = ("upload", "preview", "confirm")


@dataclass(frozen=True)
class ImportFigures:
    filename: str
    seconds: dict[str, float]  # median of each step
    total: float  # median of the whole import
    parses: int  # parser runs in one import


def bench_import(path: Path, repeat: int, progress: Callable[[str], None]) -> ImportFigures:
    office = get_user_model().objects.create_user("bench-office")
    Profile.objects.create(user=office, role=UserRole.OFFICE)
    client = Client()
    client.force_login(office)
    content = path.read_bytes()
    runs = {step: [] for step in IMPORT_STEPS}
    totals, parses = [], 0
    with (
        tempfile.TemporaryDirectory() as folder,
        override_settings(UPLOAD_DIR=Path(folder) / "uploads", MEDIA_ROOT=Path(folder) / "files"),
    ):
        for run in range(repeat):
            progress(f"import {run + 1} of {repeat}…")
            Notice.objects.all().delete()
            Unit.objects.all().delete()
            with mock.patch.object(api, "assemble", wraps=api.assemble) as parse:
                seconds = _import(client, path.name, content)
            for step, value in zip(IMPORT_STEPS, seconds, strict=True):
                runs[step].append(value)
            totals.append(sum(seconds))
            parses = parse.call_count
    return ImportFigures(
        path.name,
        {step: statistics.median(values) for step, values in runs.items()},
        statistics.median(totals),
        parses,
    )


def _import(client: Client, filename: str, content: bytes) -> tuple[float, float, float]:
    started = time.perf_counter()
    upload = SimpleUploadedFile(filename, content)
    response = client.post(reverse("ledger:import"), {"file": upload})
    _expect(response, 302, "upload")
    run_queued()  # the background job that reads the file and makes the preview
    uploaded = time.perf_counter()
    draft = ImportDraft.objects.order_by("-pk").first()
    _expect(client.get(draft.get_absolute_url()), 200, "preview")
    previewed = time.perf_counter()
    _expect(client.post(reverse("ledger:import-confirm", args=[draft.pk])), 302, "confirm")
    confirmed = time.perf_counter()
    if not Notice.objects.exists():
        raise RuntimeError("the confirmation imported nothing")
    return uploaded - started, previewed - uploaded, confirmed - previewed


def _expect(response, status: int, step: str) -> None:
    if response.status_code != status:
        raise RuntimeError(f"{step} answered {response.status_code}, not {status}")
