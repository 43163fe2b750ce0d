"""The date duban takes as today: the real one, unless DUBAN_TODAY pins it (demo copies)."""

from datetime import date, datetime

from django.conf import settings
from django.utils import timezone


def today() -> date:
    """Today in the site's time zone, or settings.DUBAN_TODAY when it is set."""
    return settings.DUBAN_TODAY or timezone.localdate()


def now() -> datetime:
    """Now, or the time of day on settings.DUBAN_TODAY when it is set: what is done in a
    demo copy is stamped with the demo's date, as its statuses and deadlines are."""
    real = timezone.now()
    if not settings.DUBAN_TODAY:
        return real
    return timezone.make_aware(
        datetime.combine(settings.DUBAN_TODAY, timezone.localtime(real).time())
    )
