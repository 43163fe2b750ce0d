from datetime import date

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from duban.lib import clock
from duban.settings import envdate


@time_machine.travel("2026-11-28 23:30 +0000")
def test_today_is_the_local_date_unless_duban_today_pins_it(settings):
    settings.DUBAN_TODAY = None
    assert clock.today() == date(2026, 11, 29)  # Asia/Shanghai is already on the 29th
    settings.DUBAN_TODAY = date(2022, 9, 10)
    assert clock.today() == date(2022, 9, 10)


@time_machine.travel("2026-11-28 23:30 +0000", tick=False)
def test_now_keeps_the_local_time_of_day_on_the_pinned_date(settings):
    settings.DUBAN_TODAY = None
    assert clock.now() == timezone.now()
    settings.DUBAN_TODAY = date(2022, 9, 10)
    local = timezone.localtime(clock.now())
    assert (local.date(), local.hour, local.minute) == (date(2022, 9, 10), 7, 30)


def test_duban_today_must_be_an_iso_date(monkeypatch):
    monkeypatch.setenv("DUBAN_TODAY", "2022-09-10")
    assert envdate("DUBAN_TODAY") == date(2022, 9, 10)
    monkeypatch.setenv("DUBAN_TODAY", "")
    assert envdate("DUBAN_TODAY") is None
    monkeypatch.setenv("DUBAN_TODAY", "10/09/2022")
    with pytest.raises(ImproperlyConfigured, match="DUBAN_TODAY must be a date"):
        envdate("DUBAN_TODAY")
