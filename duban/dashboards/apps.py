from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "duban.dashboards"
    verbose_name = "一屏统揽"
