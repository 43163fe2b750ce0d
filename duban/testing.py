"""Test data built in code: a small ledger and the people who use it.

`BaseTestCase` gives every test the same cast (healthchecks' alice/bob/charlie):

- alice, the supervision office (督查室);
- lin, the district leader 林杰, who leads `section` and its tasks `task` and `other_task`;
- wang, the district leader 王明, who leads none of these tasks;
- bob, liaison of 区发改局 (`fagai`), the lead (牵头) unit of `task`;
- joan, liaison of 区商务局 (`shangwu`), the joint (共同) unit of `task`;
- charlie, liaison of 区财政局 (`caizheng`), the support (配合) unit of `task` and the only
  (共同) unit of `other_task`;
- dave, liaison of 区教育局 (`jiaoyu`), an outsider to every task;
- nobody, a user without a profile; admin, a superuser without one.

`make_notice()`, `make_task()`, `make_cycle()`, `make_report()`, `make_target()`,
`make_problem()`, `make_wang_task()` and friends build further data; a test case that needs
more adds it in its own setUpTestData on top of the cast. `build_cast(obj)` sets the cast on
any object, for tests that have no setUpTestData (browser tests, TransactionTestCase).
Their passwords are hashed with MD5: conftest.py's session fixture sets the hasher before any
setUpTestData runs.
"""

import threading
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.http import HttpResponseRedirect
from django.test import TestCase, TransactionTestCase
from django.urls import resolve, reverse

from duban.accounts.choices import UserRole
from duban.accounts.models import Profile
from duban.jobs.models import Job
from duban.jobs.worker import run_queued
from duban.ledger.choices import AssignmentRole, LeaderSource, PlanKind, SourceFormat, UnitKind
from duban.ledger.models import (
    Assignment,
    Notice,
    Official,
    Plan,
    Section,
    SectionLeader,
    Task,
    TaskLeader,
    Unit,
)
from duban.parsing.deadlines import parse_deadline
from duban.progress.choices import CycleKind, CycleState, ReportKind
from duban.progress.models import Report, ReportingCycle
from duban.supervision.models import Problem
from duban.targets.models import Target
from duban.targets.sync import sync_targets

PASSWORD = "password"  # noqa: S105 (test users only)


def make_user(username: str, role: str, *, official=None, unit=None) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    Profile.objects.create(user=user, role=role, official=official, unit=unit)
    return user


def make_unit(name: str, kind: str = UnitKind.DISTRICT_DEPARTMENT) -> Unit:
    return Unit.objects.create(name=name, kind=kind)


def make_notice(doc_number: str = "测政办〔2022〕1号", **fields) -> Notice:
    values = {
        "title": "关于印发2022年重点工作责任分解的通知",
        "issuer": "测试区人民政府办公室",
        "source_format": SourceFormat.TXT,
        "file_hash": f"hash-{doc_number}",
        "file_size": 0,
    }
    values.update(fields)
    return Notice.objects.create(doc_number=doc_number, **values)


def make_plan(notice: Notice, kind: str = PlanKind.ANNUAL, annex: str = "2", **fields) -> Plan:
    values = {"title": "2022年重点工作责任分解表", "start_year": 2022, "end_year": 2022}
    values.update(fields)
    return Plan.objects.create(notice=notice, kind=kind, annex=annex, **values)


def make_section(
    plan: Plan, leaders: list[Official], heading: str = "", position: int = 0
) -> Section:
    heading = heading or "一、" + "、".join(o.name for o in leaders) + "牵头重点工作"
    section = Section.objects.create(plan=plan, heading=heading, position=position)
    for i, official in enumerate(leaders):
        SectionLeader.objects.create(
            section=section, official=official, titles=official.titles, position=i
        )
    return section


def make_task(
    section: Section, seq: str, text: str, units: list[tuple[Unit, str]], **fields
) -> Task:
    """A task of the section, led by the section's leaders, with (unit, role) assignments.

    Its `due` is the `deadline` text as the import dates it, unless given."""
    position = fields.pop("position", section.plan.tasks.count())
    if "due" not in fields:
        year = section.plan.end_year or section.plan.start_year
        fields["due"] = parse_deadline(fields.get("deadline"), year) if year else None
    task = Task.objects.create(
        plan=section.plan, section=section, seq=seq, text=text, position=position, **fields
    )
    for i, (unit, role) in enumerate(units):
        Assignment.objects.create(task=task, unit=unit, role=role, raw=unit.name, position=i)
    for i, official in enumerate(section.leaders.order_by("section_leaders__position")):
        TaskLeader.objects.create(
            task=task, official=official, source=LeaderSource.SECTION, position=i
        )
    return task


def make_wang_task(obj, **fields) -> Task:
    """王明's task on top of the cast (`obj`), in a section of its own, led by dave's unit
    (区教育局): the second leader's and the outsider's task where a test needs one."""
    section = make_section(obj.plan, [obj.wang_official], position=1)
    return make_task(section, "3", "新建学校 3 所。", [(obj.jiaoyu, AssignmentRole.LEAD)], **fields)


def make_tasks(section: Section, count: int, units: list[tuple[Unit, str]]) -> list[Task]:
    """`count` more tasks "任务 N" of `section`, numbered on from those its plan has, each with
    the same (unit, role) assignments."""
    start = section.plan.tasks.count()
    return [make_task(section, f"x{i}", f"任务 {i}", units) for i in range(start, start + count)]


def make_cycle(plan: Plan, start: date = date(2022, 3, 1), **fields) -> ReportingCycle:
    """An open monthly cycle of `plan` for the month of `start`, due on the 5th after it."""
    end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    values = {
        "kind": CycleKind.MONTHLY,
        "name": f"{start:%Y年%-m月}",
        "period_start": start,
        "period_end": end,
        "due_on": end + timedelta(days=5),
        "state": CycleState.OPEN,
    }
    values.update(fields)
    return ReportingCycle.objects.create(plan=plan, **values)


def make_report(task: Task, unit: Unit, cycle: ReportingCycle, **fields) -> Report:
    """A report of `unit` on `task` in `cycle`: consolidated for a lead unit, else a part."""
    kind = ReportKind.CONSOLIDATED if unit.pk in task.lead_unit_ids() else ReportKind.PART
    values = {"kind": kind, "progress": "一季度完成投资32亿元，3个项目开工。"}
    values.update(fields)
    return Report.objects.create(task=task, unit=unit, cycle=cycle, **values)


def growth(metric: str, value, comparator: str = "=", period: str = "annual") -> dict:
    """A growth target dict as the parser returns it (spec/targets.md)."""
    return {
        "metric": metric,
        "measure": "growth",
        "comparator": comparator,
        "value": value,
        "unit": "%",
        "period": period,
        "text": f"{metric}增长 {value}%",
    }


def make_target(task: Task, metric: str = "地区生产总值", value=7, **fields) -> Target:
    """A growth target of `task` (`fields` override the parser's dict), synced as an import does."""
    sync_targets(task, [{**growth(metric, value), **fields}])
    return task.targets.get(metric_text=metric)


def make_problem(
    task: Task,
    unit: Unit,
    user=None,
    title: str = "用地指标不足",
    description: str = "二期用地指标缺 30 亩",
) -> Problem:
    """A problem `unit` raises on `task`, audited and notified as in the app."""
    return Problem.raise_on(task=task, unit=unit, title=title, description=description, user=user)


NOTICE_ROWS = [
    (
        "城建",
        "改造老旧小区12个，惠及居民3000户。",
        "区住建局",
        "区财政局、各街道",
        "2026年12月底前",
    ),
    ("民生", "新增公办幼儿园学位900个。", "区教育局", "区发改局", "2026年9月"),
    ("民生", "建成社区食堂15家。", "区民政局", "区市场监管局", "年底前"),
]


def notice_text(
    rows=NOTICE_ROWS,
    header=("类别", "事项", "甲方", "乙方", "时间"),
    doc_number: str = "测政办〔2026〕9号",
) -> str:
    """A short notice as a .txt copy: a letter and one annex table printed as "|" lines."""
    lines = [
        "测试区人民政府办公室文件",
        doc_number,
        "关于印发2026年民生实事责任分解的通知",
        "",
        "各街道、区级各部门：",
        "现将2026年民生实事责任分解表印发给你们，请认真贯彻落实。",
        "",
        "测试区人民政府办公室",
        "2026年3月1日",
        "",
        "附件",
        "",
        "2026年民生实事责任分解表",
        "",
        " | ".join(header),
        *(" | ".join(row) for row in rows),
    ]
    return "\n".join(lines) + "\n"


def build_cast(obj) -> None:
    """Set the cast's objects as attributes of `obj` (a test class, a test or a namespace)."""
    obj.lin_official = Official.objects.create(name="林杰", titles=["常委", "常务副区长"])
    obj.wang_official = Official.objects.create(name="王明", titles=["副区长"])
    obj.fagai = make_unit("区发改局")
    obj.shangwu = make_unit("区商务局")
    obj.caizheng = make_unit("区财政局")
    obj.jiaoyu = make_unit("区教育局")
    obj.notice = make_notice()
    obj.plan = make_plan(obj.notice)
    obj.section = make_section(obj.plan, [obj.lin_official])
    obj.task = make_task(
        obj.section,
        "1",
        "地区生产总值增长 7%。",
        [
            (obj.fagai, AssignmentRole.LEAD),
            (obj.shangwu, AssignmentRole.JOINT),
            (obj.caizheng, AssignmentRole.SUPPORT),
        ],
    )
    obj.other_task = make_task(
        obj.section, "2", "一般公共预算收入增长 8%。", [(obj.caizheng, AssignmentRole.JOINT)]
    )

    obj.alice = make_user("alice", UserRole.OFFICE)
    obj.lin = make_user("lin", UserRole.LEADER, official=obj.lin_official)
    obj.wang = make_user("wang", UserRole.LEADER, official=obj.wang_official)
    obj.bob = make_user("bob", UserRole.UNIT, unit=obj.fagai)
    obj.joan = make_user("joan", UserRole.UNIT, unit=obj.shangwu)
    obj.charlie = make_user("charlie", UserRole.UNIT, unit=obj.caizheng)
    obj.dave = make_user("dave", UserRole.UNIT, unit=obj.jiaoyu)
    obj.nobody = User.objects.create_user("nobody", "nobody@example.org", PASSWORD)
    obj.admin = User.objects.create_superuser("admin", "admin@example.org", PASSWORD)


# Rows a query-count test adds, then twice as many again (BaseTestCase.assert_flat).
FLAT_ROWS = 8


class BaseTestCase(TestCase):
    """A notice with one annual plan, one section led by 林杰, two tasks and the cast above."""

    @classmethod
    def setUpTestData(cls):
        build_cast(cls)

    def assert_flat(self, user, url: str, add_rows, queries: int, rows: int = FLAT_ROWS):
        """The page at `url` costs `queries` for `user` (None: a visitor) with `rows` rows
        added by `add_rows(n)`, and again with three times as many; returns the last answer."""
        if user is not None:
            self.client.force_login(user)
        for count in (rows, 2 * rows):
            add_rows(count)
            with self.assertNumQueries(queries):
                response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
        return response


def run_jobs() -> None:
    """Run every queued background task with the real `db_worker` (see jobs.worker)."""
    run_queued()


def job_download(client, response) -> bytes:
    """Run the background job a response sent the user to, then download its file as they
    would from the job's page."""
    run_jobs()
    job = Job.objects.get(pk=resolve(response.url).kwargs["pk"])
    download = client.get(reverse("jobs:job-download", args=[job.pk]))
    if download.status_code != 200:
        raise AssertionError(f"job {job.pk} {job.state}: {job.error}")
    return b"".join(download.streaming_content)


def follow_job(client, response):
    """Run the background job a response sent the user to: the redirect to the page it made
    when it made one, else the job's page (with its error and 重试, or its download)."""
    if response.status_code != 302 or not response.url.startswith("/jobs/"):
        return response
    run_jobs()
    job = Job.objects.get(pk=resolve(response.url).kwargs["pk"])
    if job.result_url:
        return HttpResponseRedirect(job.result_url)
    return client.get(response.url)


def run_threads(target, count: int) -> list:
    """Run `target(i, barrier)` in `count` threads, each on its own connection; return errors."""
    barrier = threading.Barrier(count)
    errors = []

    def run(i):
        try:
            target(i, barrier)
        except Exception as exc:  # noqa: BLE001 (reported to the test thread below)
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.postgres
class ConcurrencyTestCase(TransactionTestCase):
    """Threads writing at once, each on its own connection (see `run_threads`).

    Needs PostgreSQL: SQLite serialises writers on one file lock, so it proves nothing there.
    """

    def setUp(self):
        if connection.vendor != "postgresql":
            pytest.skip("concurrent writers need PostgreSQL (SQLite serialises them)")
