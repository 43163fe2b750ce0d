from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "duban.public"
    verbose_name = "民生实事公开"
