from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "duban.audit"
    verbose_name = "审计"

    def ready(self):
        from duban.audit.actions import discover

        discover()
