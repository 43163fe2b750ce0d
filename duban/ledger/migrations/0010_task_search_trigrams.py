"""On PostgreSQL, a trigram index for the keyword search (TaskQuerySet.search).

`… ILIKE '%老旧小区%'` cannot use a B-tree; a GIN index of the searched text's trigrams
answers it without reading every task. SQLite serves a district's few thousand tasks by
scanning them, so it gets no such index. pg_trgm ships with PostgreSQL (contrib); creating
the extension needs a role that may (see README).
"""

from django.db import migrations
from django.db.models.functions import Upper
from django.db.models.sql import Query

from duban.ledger.models import SEARCHED

INDEX = "ledger_task_search_trgm"


def add_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    # The expression icontains compares, UPPER(<searched>::text) (a cast of text to text is
    # none), compiled by the ORM as the search compiles it, so that the planner matches them.
    # Django's Index(OpClass(…)) brackets this expression with its operator class, which
    # PostgreSQL refuses.
    query = Query(apps.get_model("ledger", "Task"))
    searched = Upper(SEARCHED).resolve_expression(query)
    sql, params = searched.as_sql(query.get_compiler(connection=connection), connection)
    literal = sql % tuple(schema_editor.quote_value(param) for param in params)
    schema_editor.execute(
        f'CREATE INDEX "{INDEX}" ON "ledger_task" USING gin (({literal}) gin_trgm_ops)'
    )


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [("ledger", "0009_task_seq")]

    operations = [migrations.RunPython(add_index, remove_index)]
