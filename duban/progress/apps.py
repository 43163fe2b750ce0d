from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "duban.progress"
    verbose_name = "进度报送"
