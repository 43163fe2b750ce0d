"""Number the 督办单 issued before numbering, as their Word files printed them, and name a signer."""

from django.db import migrations
from django.utils import timezone


def fill(apps, schema_editor):
    SupervisionNotice = apps.get_model("supervision", "SupervisionNotice")
    for notice in SupervisionNotice.objects.select_related("issued_by").order_by("pk"):
        notice.year = timezone.localtime(notice.issued_at).year
        # The export printed 督办〔year〕pk号 until now: an issued number stays what was printed.
        notice.seq = notice.pk
        notice.number = f"督办〔{notice.year}〕{notice.pk}号"
        user = notice.issued_by
        if user is None:
            notice.signer = "督查室"
        else:
            full_name = f"{user.first_name} {user.last_name}".strip()
            notice.signer = full_name or user.username
        notice.save(update_fields=["year", "seq", "number", "signer"])


class Migration(migrations.Migration):
    dependencies = [
        ("supervision", "0005_notice_number_signer_copies"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
