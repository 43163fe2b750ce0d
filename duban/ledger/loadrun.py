"""`duban bench load`: gunicorn on PostgreSQL under many logged-in clients for a bounded time.

Run in a throwaway database (see the command) filled with the synthetic ledger of `duban bench
pages`. Each client is a user of its own: office staff, unit liaisons and leaders, logged in
(their sessions made as a log-in makes them, without hashing a password per client), and a few
systems with API tokens; each opens its role's main pages in turn. gunicorn is started on
127.0.0.1 with several workers over the same database, warmed up, measured, and stopped.
"""

import http.client
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from rich.console import Console
from rich.table import Table

from duban.accounts.choices import UserRole
from duban.accounts.models import Profile
from duban.api.choices import TokenScope
from duban.api.models import ApiToken
from duban.ledger.bench import Ledger
from duban.ledger.choices import AssignmentRole
from duban.ledger.models import Assignment, Task, TaskLeader
from duban.lib.http_load import Visitor, run_load
from duban.progress.models import Report

HOST = "127.0.0.1"
# Shares of the clients by role, the rest being unit liaisons.
OFFICE_SHARE, LEADER_SHARE, API_SHARE = 0.2, 0.2, 0.1
READY_SECONDS = 120


@dataclass(frozen=True)
class LoadFigures:
    database: str
    tasks: int
    reports: int
    workers: int
    roles: dict[str, int]  # clients per role
    seconds: float  # measured
    warmup: float  # seconds of warm-up, not counted
    summary: dict  # duban.lib.http_load.Load.summary()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _database_url() -> str:
    """The URL of the database this process is connected to (the throwaway one)."""
    found = connection.settings_dict
    user = quote(found["USER"] or "", safe="")
    password = f":{quote(found['PASSWORD'], safe='')}" if found["PASSWORD"] else ""
    host = found["HOST"] or "localhost"
    port = f":{found['PORT']}" if found["PORT"] else ""
    return f"postgres://{user}{password}@{host}{port}/{quote(found['NAME'], safe='')}"


def _people(name: str, role: str, count: int, profiles: list[dict]) -> list:
    """`count` users of the role, each with the profile fields given in turn."""
    made = []
    for i in range(count):
        user = get_user_model().objects.create_user(f"load-{name}-{i}")
        Profile.objects.create(user=user, role=role, **profiles[i % len(profiles)])
        made.append(user)
    return made


def _cookie(user) -> dict[str, str]:
    client = Client()
    client.force_login(user)
    return {
        "Cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    }


def visitors(clients: int, rng: random.Random) -> list[Visitor]:
    """The clients, each a user of its own with its role's pages on its own unit, leader or
    tasks of the synthetic ledger."""
    offices = max(1, round(clients * OFFICE_SHARE))
    leaders = max(1, round(clients * LEADER_SHARE))
    systems = max(1, round(clients * API_SHARE))
    units = clients - offices - leaders - systems
    if units < 1:
        raise ValueError("at least four clients: office, leader, API and unit")
    lead_units = list(
        Assignment.objects.filter(role=AssignmentRole.LEAD)
        .values_list("unit_id", flat=True)
        .distinct()
        .order_by("unit_id")[:units]
    )
    official_ids = list(
        TaskLeader.objects.values_list("official_id", flat=True)
        .distinct()
        .order_by("official_id")[:leaders]
    )
    task_ids = list(Task.objects.values_list("pk", flat=True).order_by("?")[: offices * 5])
    tasks, api_tasks = reverse("ledger:tasks"), reverse("api-v1:list_tasks")
    made = []
    office_users = _people("office", UserRole.OFFICE, offices, [{}])
    for i, user in enumerate(office_users):
        picks = task_ids[i * 5 : i * 5 + 5] or task_ids[:5]
        pages = [
            ("台账第一页", tasks),
            ("台账关键词", f"{tasks}?{urlencode({'q': '老旧小区'})}"),
            ("台账按单位筛选", f"{tasks}?unit={rng.choice(lead_units)}"),
            ("督办总览", reverse("supervision:overview")),
            ("总览图表 totals", reverse("dashboards:chart", args=["totals"])),
            *(("任务页", reverse("ledger:task", args=[pk])) for pk in picks),
        ]
        made.append(Visitor("office", _cookie(user), pages))
    for user in _people("unit", UserRole.UNIT, units, [{"unit_id": pk} for pk in lead_units]):
        unit_id = user.profile.unit_id
        own = Task.objects.filter(assignments__unit_id=unit_id).values_list("pk", flat=True)[:3]
        pages = [
            ("单位页（联络员）", reverse("ledger:unit", args=[unit_id])),
            ("本单位报送", reverse("progress:my-reports")),
            ("台账第一页", tasks),
            *(("任务页", reverse("ledger:task", args=[pk])) for pk in own),
        ]
        made.append(Visitor("unit", _cookie(user), pages))
    for user in _people(
        "leader", UserRole.LEADER, leaders, [{"official_id": pk} for pk in official_ids]
    ):
        official_id = user.profile.official_id
        pages = [
            ("领导页", reverse("ledger:official", args=[official_id])),
            ("领导总览", reverse("dashboards:leader", args=[official_id])),
            ("台账第一页", tasks),
        ]
        made.append(Visitor("leader", _cookie(user), pages))
    for user in _people("api", UserRole.OFFICE, systems, [{}]):
        _, token = ApiToken.issue(user=user, name="load", scope=TokenScope.READ, by=office_users[0])
        pages = [
            ("API 任务", api_tasks),
            ("API 任务按单位", f"{api_tasks}?unit={rng.choice(lead_units)}"),
            ("API 报送", reverse("api-v1:list_reports")),
        ]
        made.append(Visitor("api", {"Authorization": f"Bearer {token}"}, pages))
    return made


class Server:
    """gunicorn serving this database on 127.0.0.1, started and stopped here."""

    def __init__(self, workers: int, folder: Path):
        self.port = _free_port()
        self.log = folder / "gunicorn.log"
        env = {
            **os.environ,
            "DATABASE_URL": _database_url(),
            "DUBAN_DEBUG": "0",
            # The sessions were signed with this process's key.
            "DUBAN_SECRET_KEY": settings.SECRET_KEY,
            "DUBAN_ALLOWED_HOSTS": HOST,
            "DUBAN_DATA_DIR": str(folder),
        }
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "duban.wsgi",
            f"--workers={workers}",
            f"--bind={HOST}:{self.port}",
            "--preload",
            "--timeout=120",
            "--log-level=warning",
        ]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our own server)
                command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def wait_ready(self) -> None:
        """Until the log-in page answers 200; a RuntimeError with gunicorn's log if it never does."""
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                probe = http.client.HTTPConnection(HOST, self.port, timeout=5)
                probe.request("GET", reverse("accounts:login"))
                if probe.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not start:\n{self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        """SIGTERM to the master, which stops its workers; SIGKILL if it has not after 30 s."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def bench_load(
    tasks: int,
    reports_per_task: int,
    clients: int,
    seconds: float,
    workers: int,
    warmup: float,
    progress: Callable[[str], None],
) -> LoadFigures:
    progress(f"building {tasks} tasks and {tasks * reports_per_task} reports…")
    Ledger().add(tasks, reports_per_task)
    progress(f"logging in {clients} clients…")
    crowd = visitors(clients, random.Random(7))  # noqa: S311 (synthetic picks)
    roles = {}
    for visitor in crowd:
        roles[visitor.role] = roles.get(visitor.role, 0) + 1
    # gunicorn's workers open their own connections; this one must not hold the database.
    connection.close()
    with tempfile.TemporaryDirectory() as folder:
        progress(f"starting gunicorn with {workers} workers…")
        server = Server(workers, Path(folder))
        try:
            server.wait_ready()
            progress(f"warming up for {warmup:g} s…")
            run_load(HOST, server.port, crowd, warmup)
            progress(f"{clients} clients for {seconds:g} s…")
            load = run_load(HOST, server.port, crowd, seconds)
        finally:
            server.stop()
    return LoadFigures(
        database=connection.vendor,
        tasks=Task.objects.count(),
        reports=Report.objects.count(),
        workers=workers,
        roles=roles,
        seconds=seconds,
        warmup=warmup,
        summary=load.summary(),
    )


def load_json(figures: LoadFigures) -> dict:
    return {
        "database": figures.database,
        "tasks": figures.tasks,
        "reports": figures.reports,
        "workers": figures.workers,
        "clients": figures.roles,
        "seconds": figures.seconds,
        **figures.summary,
    }


def render_load(console: Console, figures: LoadFigures) -> None:
    summary = figures.summary
    clients = ", ".join(f"{n} {role}" for role, n in figures.roles.items())
    table = Table(
        title=f"duban bench load: gunicorn ({figures.workers} workers) on {figures.database} "
        f"with {figures.tasks} tasks and {figures.reports} reports; clients: {clients}; "
        f"{figures.seconds:g} s after {figures.warmup:g} s of warm-up",
        title_justify="left",
    )
    table.add_column("page")
    for heading in ("requests", "per s", "p50", "p95", "max", "errors"):
        table.add_column(heading, justify="right")
    for page, row in [*summary["pages"].items(), ("all", summary)]:
        table.add_row(
            page,
            str(row["requests"]),
            f"{row['throughput']}",
            f"{row['p50_ms']} ms",
            f"{row['p95_ms']} ms",
            f"{row['max_ms']} ms",
            str(row["errors"]),
        )
    console.print(table)
    console.print("errors: answers other than 200, and requests that got no answer")
