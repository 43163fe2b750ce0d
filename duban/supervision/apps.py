from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "duban.supervision"
    verbose_name = "督办"

    def ready(self) -> None:
        from duban.supervision import receivers  # noqa: F401  (connects the receivers)
