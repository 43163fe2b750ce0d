from django.contrib import admin

from duban.audit.admin import ReadOnlyAdmin
from duban.bulletins.models import Bulletin


@admin.register(Bulletin)
class BulletinAdmin(ReadOnlyAdmin):
    """An issued bulletin is a document sent out; it is not rewritten afterwards."""

    list_display = ["title", "year", "number", "as_of", "issued_at"]
