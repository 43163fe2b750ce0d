"""Serialising rare writes across processes: imports, recounts, the numbering of bulletins."""

import hashlib

from django.db import connection


def hold_lock(name: str) -> None:
    """Hold the lock `name` until the current transaction ends; call inside `atomic()`.

    PostgreSQL takes a transaction-scoped advisory lock. SQLite needs none: its transactions
    start IMMEDIATE (settings), so writers already run one at a time.
    """
    if connection.vendor != "postgresql":
        return
    key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
