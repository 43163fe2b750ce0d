from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "duban.jobs"
    verbose_name = "后台任务"
