"""Keep targets and their links in step with the ledger's imports."""

from django.dispatch import receiver

from duban.ledger.signals import notice_imported
from duban.targets.links import propose_links


@receiver(notice_imported, dispatch_uid="targets_sync_imported_notice")
def sync_imported_notice(sender, notice, targets=None, **kwargs) -> None:
    # Imported on use: the parser's readers take a second to import, which every command
    # that starts the apps (refresh-status each night) would pay.
    from duban.targets.sync import sync_notice_targets

    sync_notice_targets(notice, parsed=targets)
    propose_links(notice)
