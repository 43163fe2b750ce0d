"""`duban bench pages` times the main pages on a small and a larger synthetic ledger, each
beside its raw-SQL floor, and the ledger export and refresh-status on the larger one."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from rich.console import Console

from duban.exports.bench import ExportFigures
from duban.exports.bench import Timing as ExportTiming
from duban.ledger.bench import PagesFigures, Recorder, Samples, Timing
from duban.ledger.management.commands.bench import served_as_in_production
from duban.ledger.scale import Scale, render_scale

DUBAN = Path(sys.executable).parent / "duban"


def test_it_prints_each_pages_figures_on_both_sizes_as_json_in_a_database_of_its_own(tmp_path):
    # A process of its own with an SQLite file of its own: the bench makes and drops a test
    # database beside the configured one, which it must leave untouched.
    env = {**os.environ, "DUBAN_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    args = ["--json", "--tasks", "10", "--small", "5", "--reports-per-task", "2", "--repeat", "1"]
    done = subprocess.run(  # noqa: S603 (our own command)
        [DUBAN, "bench", "pages", *args], env=env, capture_output=True, text=True, check=True
    )
    found = json.loads(done.stdout)
    assert found["database"] == "sqlite"
    assert (found["small_tasks"], found["tasks"], found["reports"]) == (5, 15, 30)
    assert found["export"]["rows"] == 15
    assert found["export"]["seconds"] > 0 and found["export"]["peak_mb"] > 0
    assert found["refresh"]["tasks"] == 15 and found["refresh"]["queries"] > 0
    for page in (
        "台账第一页",
        "督办总览",
        "单位页（联络员）",
        "领导页",
        "API 任务",
        "总览图表 totals",
    ):
        assert page in found["pages"]
    for page, figures in found["pages"].items():
        for size in (figures, figures["small"]):
            assert 0 < size["median_ms"] <= size["p95_ms"], page
            assert 0 < size["floor_ms"] and size["ratio"] > 0, page
            assert 1 <= size["floor_reads"] <= size["queries"], page
            assert size["slowest_read_sql"].startswith(("SELECT", "WITH")), page
            assert size["slowest_read_ms"] <= size["floor_ms"] * 2, page
        # The growth is rounded to two places: 0.06 stands for 0.0635 as well.
        assert figures["growth"] == pytest.approx(
            figures["median_ms"] / figures["small"]["median_ms"], rel=0.05, abs=0.005
        )
    assert "adding 10 tasks and 20 reports" in done.stderr
    assert list(tmp_path.iterdir()) == []  # the configured database was never even opened


def test_the_baseline_must_not_exceed_the_large_size():
    with pytest.raises(CommandError, match="--small") as error:
        call_command("bench", "pages", "--tasks", "10", "--small", "20", stdout=io.StringIO())
    assert error.value.returncode == 2


def test_the_floor_sends_again_the_reads_only():
    recorder = Recorder()
    for sql, many in [
        ('SELECT "id" FROM "ledger_task"', False),
        ("  with x as (select 1) select * from x", False),
        ('UPDATE "api_apitoken" SET "last_used_at" = %s', False),
        ('INSERT INTO "django_session" VALUES (%s)', True),
        ("SAVEPOINT s1", False),
    ]:
        recorder(lambda *args: None, sql, (), many, {})
    assert len(recorder.statements) == 5
    assert [sql for sql, _ in recorder.reads()] == [
        'SELECT "id" FROM "ledger_task"',
        "  with x as (select 1) select * from x",
    ]


def samples(views, floors, queries=12):
    return Samples(views, floors, queries=queries, reads=queries - 1, slowest=(0.001, "SELECT 1"))


def test_the_table_shows_the_large_databases_times_beside_the_floor_ratio_and_growth():
    pages = PagesFigures(
        database="postgresql",
        small_tasks=1000,
        tasks=101_000,
        reports=1_010_000,
        timings=[
            Timing(
                "台账第一页",
                small=samples([0.020] * 3, [0.005] * 3),
                large=samples([0.030, 0.024, 0.026, 0.100], [0.008, 0.009, 0.007, 0.008]),
            )
        ],
    )
    export = ExportFigures(
        101_000, ExportTiming(7.5, 7.0), ExportTiming(3.0, 2.9), peak_mb=120.4, size_mb=9.0
    )
    refresh = {"tasks": 101_000, "plans": 202, "seconds": 42.0, "queries": 900}
    console = Console(file=io.StringIO(), width=200)
    render_scale(console, Scale(pages, export, refresh, 4))
    out = console.file.getvalue()
    assert "duban bench pages on postgresql: 1000 tasks, then 100000 more" in out
    # small 20 ms; median 28 ms, p95 100 ms; floor 8 ms: ratio 3.5×; growth 1.40×
    assert (
        "│ 台账第一页 │ 20.0 ms │ 28.0 ms │ 100.0 ms │ 8.0 ms │  3.5× │  1.40× │      12 │" in out
    )
    assert "export: 101000 rows in 7.50 s (budget ≤ 10 s), peak 120.4 MB (budget < 300 MB)" in out
    assert "refresh-status: 101000 tasks in 202 plans in 42.00 s, 900 queries" in out


def test_the_bench_serves_its_pages_as_production_does(settings):
    settings.DEBUG = True
    with served_as_in_production():
        assert django_settings.DEBUG is False  # no query log, no template debugging
        assert "testserver" in django_settings.ALLOWED_HOSTS
        backends = {mailer["BACKEND"] for mailer in django_settings.MAILERS.values()}
        assert backends == {"django.core.mail.backends.locmem.EmailBackend"}
    assert django_settings.DEBUG is True
