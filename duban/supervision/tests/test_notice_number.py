from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import IntegrityError
from django.test import override_settings

from duban.supervision.choices import Tier
from duban.supervision.models import SupervisionNotice
from duban.testing import BaseTestCase

SHANGHAI = ZoneInfo("Asia/Shanghai")


class NoticeNumberTestCase(BaseTestCase):
    def issue(self, unit=None, **kwargs):
        return SupervisionNotice.issue(
            task=self.task,
            unit=unit or self.fagai,
            tier=Tier.REMIND,
            reason="3月进度未报送",
            respond_by=date(2099, 5, 10),
            user=self.alice,
            **kwargs,
        )

    @override_settings(DUBAN_SUPERVISION_NOTICE_NUMBER="鹿督〔{year}〕{seq}号")
    def test_numbers_run_per_year_in_the_office_format(self):
        with time_machine.travel(datetime(2022, 12, 31, 23, 30, tzinfo=SHANGHAI), tick=False):
            first, second = self.issue(), self.issue(unit=self.caizheng)
        # 23:30 UTC is already the next day in Shanghai: the local year counts.
        with time_machine.travel(datetime(2022, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC"))):
            third = self.issue()
        assert [first.number, second.number, third.number] == [
            "鹿督〔2022〕1号",
            "鹿督〔2022〕2号",
            "鹿督〔2023〕1号",
        ]

    def test_an_escalation_takes_the_next_number(self):
        with time_machine.travel(datetime(2022, 5, 1, 9, tzinfo=SHANGHAI), tick=False):
            notice = self.issue()
            warning = notice.escalate(self.alice, today=date(2022, 5, 1))
        assert (notice.number, warning.number) == ("督办〔2022〕1号", "督办〔2022〕2号")

    def test_a_number_is_never_given_twice(self):
        notice = self.issue()
        with pytest.raises(IntegrityError):
            SupervisionNotice.objects.filter(pk=self.issue().pk).update(seq=notice.seq)
