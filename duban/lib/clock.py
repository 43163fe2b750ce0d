"""The date duban takes as today: the real one, unless DUBAN_TODAY pins it (demo copies)."""

from datetime import date

from django.conf import settings
from django.utils import timezone


def today() -> date:
    """Today in the site's time zone, or settings.DUBAN_TODAY when it is set."""
    return settings.DUBAN_TODAY or timezone.localdate()
