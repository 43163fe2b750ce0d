"""Signals the ledger sends, so that apps built on it (targets, …) follow imports."""

from django.dispatch import Signal

# Sent inside the import's transaction once a notice was created or changed; arguments:
# notice, user, and targets ({task pk: the targets the parser read from its row}, for the
# rows the import wrote). A receiver that fails rolls the whole import back.
notice_imported = Signal()
