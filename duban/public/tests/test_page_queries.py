"""Query-count baseline of the public page: it costs the same with N projects and with 3N."""

from datetime import date

from django.urls import reverse

from duban.ledger.choices import AssignmentRole, PlanKind
from duban.progress.choices import ReportState
from duban.public.models import PublicProject, PublicReport
from duban.supervision.refresh import refresh_all
from duban.testing import BaseTestCase, make_cycle, make_plan, make_report, make_section, make_task


class PublicPageQueriesTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        plan = make_plan(cls.notice, PlanKind.LIVELIHOOD, annex="3", title="2022年民生实事项目")
        cls.livelihood = make_section(plan, [cls.lin_official])
        cls.cycles = [make_cycle(plan, date(2022, month, 1)) for month in (3, 4)]

    def add_projects(self, count: int) -> None:
        """Published projects, each with a published accepted report in both cycles."""
        start = PublicProject.objects.count()
        for i in range(start, start + count):
            task = make_task(
                self.livelihood,
                str(i + 1),
                f"民生项目 {i}",
                [(self.fagai, AssignmentRole.LEAD), (self.caizheng, AssignmentRole.SUPPORT)],
            )
            PublicProject.publish(task, self.alice)
            for cycle in self.cycles:
                report = make_report(
                    task, self.fagai, cycle, progress=f"进展 {i}", state=ReportState.ACCEPTED
                )
                PublicReport.publish(report, self.alice)
        refresh_all(date(2022, 5, 10))

    def test_the_public_page_costs_the_same_with_three_times_the_projects(self):
        # Anonymous, so no session or user: the published projects with their plans,
        # publications and statuses, their units and their published reports with cycles.
        response = self.assert_flat(None, reverse("public:index"), self.add_projects, 3)
        entries = response.context["entries"]
        assert len(entries) == PublicProject.objects.count()
        assert all(len(entry.progress) == 2 and entry.status for entry in entries)
