"""Query-count baseline of 本单位报送: it costs the same however many tasks the unit has."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse

from duban.ledger.choices import Role
from duban.progress.choices import CycleKind, CycleState
from duban.progress.models import ReportingCycle
from duban.testing import BaseTestCase, make_task


class MyReportsQueriesTestCase(BaseTestCase):
    @time_machine.travel(datetime(2022, 4, 2, 9, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
    def test_the_units_reports_page_costs_a_fixed_number_of_queries(self):
        for i in range(8):
            make_task(self.section, f"x{i}", f"任务 {i}", [(self.fagai, Role.LEAD)])
        ReportingCycle.objects.create(
            plan=self.plan,
            kind=CycleKind.QUARTERLY,
            name="2022年第一季度",
            period_start=date(2022, 1, 1),
            period_end=date(2022, 3, 31),
            due_on=date(2022, 4, 10),
            state=CycleState.OPEN,
        )
        self.client.force_login(self.bob)
        with self.assertNumQueries(9):
            response = self.client.get(reverse("progress:my-reports"))
        assert "任务 7" in response.content.decode()
