from django.apps import AppConfig


class TargetsConfig(AppConfig):
    name = "duban.targets"
    verbose_name = "量化指标"

    def ready(self) -> None:
        from duban.targets import receivers  # noqa: F401  (connects the receivers)
