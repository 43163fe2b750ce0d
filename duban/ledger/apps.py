from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "duban.ledger"
    verbose_name = "台账"
