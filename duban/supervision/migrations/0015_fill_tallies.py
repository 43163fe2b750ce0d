"""Count the statuses stored before the tallies existed; from here on they are kept on write."""

from collections import Counter, defaultdict

from django.db import migrations


def fill(apps, schema_editor):
    Task = apps.get_model("ledger", "Task")
    Assignment = apps.get_model("ledger", "Assignment")
    TaskLeader = apps.get_model("ledger", "TaskLeader")
    TaskStatus = apps.get_model("supervision", "TaskStatus")
    colour_of = dict(
        TaskStatus.objects.filter(task__status="active").values_list("task_id", "colour")
    )
    plans, officials, units = (defaultdict(Counter) for _ in range(3))
    for task_id, plan_id in Task.objects.filter(pk__in=colour_of).values_list("pk", "plan_id"):
        plans[plan_id][colour_of[task_id]] += 1
    for task_id, official_id in TaskLeader.objects.values_list("task_id", "official_id"):
        if task_id in colour_of:
            officials[official_id][colour_of[task_id]] += 1
    answering = set(Assignment.objects.values_list("task_id", "unit_id"))
    answering |= set(Task.lead_override_units.through.objects.values_list("task_id", "unit_id"))
    for task_id, unit_id in answering:
        if task_id in colour_of:
            units[unit_id][colour_of[task_id]] += 1
    for name, counts in (("PlanTally", plans), ("LeaderTally", officials), ("UnitTally", units)):
        model = apps.get_model("supervision", name)
        model.objects.bulk_create(model(pk=key, **n) for key, n in counts.items())


class Migration(migrations.Migration):
    dependencies = [("supervision", "0014_tallies")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
