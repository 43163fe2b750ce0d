"""The PostgreSQL session duban opens: JIT off, so that small page queries are not compiled,
and random reads costed as on SSDs, so that lookups by key are preferred to scans."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_postgresql_sessions_run_without_jit_and_cost_random_reads_as_on_ssds():
    if connection.vendor != "postgresql":
        pytest.skip("JIT is PostgreSQL's (run with DATABASE_URL=postgres://…)")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone() == ("1.1",)
