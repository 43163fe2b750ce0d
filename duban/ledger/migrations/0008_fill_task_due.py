from django.db import migrations

# The parser's reader, not a frozen copy: it is a plain function of the text and a year that
# imports no app, and a later re-import dates the rows with whatever it reads then.
from duban.parsing.deadlines import parse_deadline


def fill_due(apps, schema_editor):
    """Date the stored rows' 完成时限 as the parser now does on import (deadlines.plan_year)."""
    Task = apps.get_model("ledger", "Task")
    tasks = Task.objects.exclude(deadline="").select_related("plan__notice")
    dated = []
    for task in tasks.iterator(chunk_size=500):
        plan, notice = task.plan, task.plan.notice
        day = notice.issued_on or notice.printed_on
        year = plan.end_year or plan.start_year or (day.year if day else None)
        task.due = parse_deadline(task.deadline, year) if year else None
        if task.due is not None:
            dated.append(task)
    Task.objects.bulk_update(dated, ["due"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0007_task_due"),
    ]

    operations = [
        migrations.RunPython(fill_due, migrations.RunPython.noop),
    ]
