from django.db import migrations
from django.db.models import F, OuterRef, Subquery


def fill(apps, schema_editor):
    """A problem's 批示 from before named units and 落实反馈: on the problem's task, closed."""
    Instruction = apps.get_model("supervision", "Instruction")
    Problem = apps.get_model("supervision", "Problem")
    task = Problem.objects.filter(pk=OuterRef("problem_id")).values("task_id")[:1]
    Instruction.objects.filter(task__isnull=True).update(
        task_id=Subquery(task), state="closed", closed_at=F("created_at")
    )


class Migration(migrations.Migration):
    dependencies = [("supervision", "0010_instruction_on_task")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
