from django.contrib import admin

from duban.bulletins.models import Bulletin


@admin.register(Bulletin)
class BulletinAdmin(admin.ModelAdmin):
    list_display = ["title", "year", "number", "as_of", "issued_at"]
    readonly_fields = ["snapshot"]
