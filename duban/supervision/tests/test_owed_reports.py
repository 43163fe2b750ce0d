"""本单位报送 and the reminder e-mail follow one rule for what a unit still owes."""

from datetime import date

from django.urls import reverse

from duban.progress.choices import ReportState
from duban.progress.tests.base import ProgressTestCase
from duban.supervision.reminders import outstanding_reports
from duban.testing import make_report

# The March cycle is due on 5 April.
LATE = date(2022, 4, 6)


class OwedReportsTestCase(ProgressTestCase):
    def late_marks(self) -> int:
        self.client.force_login(self.charlie)
        with self.settings(DUBAN_TODAY=LATE):
            return self.client.get(reverse("progress:my-reports")).content.decode().count("已逾期")

    def test_a_part_the_lead_unit_consolidated_without_is_neither_late_nor_reminded(self):
        # charlie's unit supports `task`; 区发改局 consolidated it without charlie's part.
        make_report(self.other_task, self.caizheng, self.cycle, state=ReportState.SUBMITTED)
        make_report(self.task, self.fagai, self.cycle, state=ReportState.SUBMITTED)
        assert self.late_marks() == 0
        assert self.caizheng not in outstanding_reports(LATE, 3)

    def test_a_part_still_owed_is_late_on_the_page_and_in_the_reminder(self):
        make_report(self.other_task, self.caizheng, self.cycle, state=ReportState.SUBMITTED)
        assert self.late_marks() == 1
        owed = outstanding_reports(LATE, 3)
        assert [item.task for item in owed[self.caizheng]] == [self.task]

    def test_a_returned_consolidated_report_leaves_the_part_owed(self):
        make_report(self.other_task, self.caizheng, self.cycle, state=ReportState.SUBMITTED)
        make_report(self.task, self.fagai, self.cycle, state=ReportState.RETURNED)
        assert self.late_marks() == 1
        assert [item.task for item in outstanding_reports(LATE, 3)[self.caizheng]] == [self.task]
