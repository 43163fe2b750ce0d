"""A published livelihood project with an accepted, published report, and the internal
records around it, each carrying MARKER where nothing public may show it."""

from duban.dashboards.tests.base import DashboardTestCase
from duban.progress.choices import ReportKind, ReportState, ReviewDecision
from duban.progress.models import Report, Review
from duban.public.models import PublicProject, PublicReport
from duban.supervision.models import CoordinationNote, Problem

MARKER = "内部标记XYZ"


class PublicTestCase(DashboardTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.wuma_user.first_name = "联络员" + MARKER
        cls.wuma_user.save()
        cycle = cls.cycles[cls.livelihood.pk, 1]
        cls.accepted = Report.objects.create(
            task=cls.p1,
            unit=cls.wuma,
            cycle=cycle,
            kind=ReportKind.CONSOLIDATED,
            progress="已建成社区食堂6家。",
            problems="选址困难" + MARKER,
            coordination="需协调" + MARKER,
            next_steps="下一步" + MARKER,
            state=ReportState.ACCEPTED,
            submitted_by=cls.wuma_user,
        )
        Review.objects.create(
            report=cls.accepted,
            decision=ReviewDecision.ACCEPT,
            comment="内部意见" + MARKER,
            reviewer=cls.alice,
        )
        cls.returned = Report.objects.create(
            task=cls.p1,
            unit=cls.wuma,
            cycle=cls.cycles[cls.livelihood.pk, 2],
            kind=ReportKind.CONSOLIDATED,
            progress="退回的报告" + MARKER,
            state=ReportState.RETURNED,
        )
        Review.objects.create(
            report=cls.returned,
            decision=ReviewDecision.RETURN,
            comment="退回意见" + MARKER,
            reviewer=cls.alice,
        )
        problem = Problem.objects.create(
            task=cls.p1, unit=cls.wuma, title="问题" + MARKER, description="情况" + MARKER
        )
        CoordinationNote.objects.create(
            problem=problem, unit=cls.wuma, author=cls.wuma_user, text="协调" + MARKER
        )
        PublicProject.publish(cls.p1, cls.alice)
        PublicReport.publish(cls.accepted, cls.alice)
        # Published by mistake outside the rules: the page still shows only accepted reports.
        PublicReport.objects.create(report=cls.returned, state="published")
