from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "duban.exports"
    verbose_name = "导出"
