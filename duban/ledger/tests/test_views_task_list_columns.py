"""The ledger's status and latest-progress columns, and its short plan names."""

from datetime import UTC, date, datetime

from django.test import override_settings
from django.urls import reverse

from duban.ledger.choices import PlanKind
from duban.progress.choices import ReportState
from duban.supervision.choices import Colour
from duban.supervision.models import TaskStatus
from duban.testing import BaseTestCase, make_cycle, make_plan, make_report


@override_settings(DUBAN_TODAY=date(2022, 9, 30))
class LedgerColumnsTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        TaskStatus.objects.create(task=cls.task, colour=Colour.RED, reasons=["逾期未报送"])
        march, august = make_cycle(cls.plan), make_cycle(cls.plan, date(2022, 8, 1))
        make_report(
            cls.task,
            cls.fagai,
            march,
            progress="三月完成前期工作。",
            state=ReportState.ACCEPTED,
            submitted_at=datetime(2022, 4, 3, 2, tzinfo=UTC),
        )
        cls.latest = make_report(
            cls.task,
            cls.fagai,
            august,
            progress="八月完成投资12亿元，新开工项目3个。",
            state=ReportState.SUBMITTED,
            submitted_at=datetime(2022, 9, 10, 2, tzinfo=UTC),
        )
        # A draft of a later month is not progress anyone has been told of.
        make_report(
            cls.task, cls.fagai, make_cycle(cls.plan, date(2022, 9, 1)), progress="九月草稿"
        )

    def row(self, user, task) -> str:
        self.client.force_login(user)
        html = self.client.get(reverse("ledger:tasks")).content.decode()
        start = html.index(f'data-task="{task.pk}"')
        return html[start : html.index("</tr>", start)]

    def test_the_status_column_shows_the_task_colour(self):
        row = self.row(self.alice, self.task)
        assert '<span class="status red">严重滞后/逾期</span>' in row

    def test_a_task_without_a_computed_status_says_so(self):
        assert "未计算" in self.row(self.alice, self.other_task)

    def test_the_latest_progress_is_the_newest_delivered_report_with_its_date(self):
        row = self.row(self.alice, self.task)
        assert "八月完成投资12亿元" in row
        assert "9月10日" in row
        assert self.latest.get_absolute_url() in row
        assert "三月" not in row and "九月草稿" not in row

    def test_a_task_without_reports_says_none_came_in(self):
        assert "暂无报送" in self.row(self.alice, self.other_task)

    def test_the_latest_progress_follows_report_visibility(self):
        # The leader of the task reads it; the support unit sees no consolidated report.
        assert "八月完成投资12亿元" in self.row(self.lin, self.task)
        row = self.row(self.charlie, self.task)
        assert "八月完成投资12亿元" not in row and "暂无报送" in row

    def test_the_plan_column_gives_the_short_name(self):
        row = self.row(self.alice, self.task)
        assert ">年度重点工作</td>" in row

    def test_the_units_cell_stars_the_lead_and_marks_each_role(self):
        row = self.row(self.alice, self.task)
        assert '<span class="tag lead" title="牵头">区发改局*</span>' in row
        assert '<span class="tag joint" title="共同">区商务局</span>' in row
        assert '<span class="tag" title="配合">区财政局</span>' in row

    def test_a_long_text_is_cut_with_an_ellipsis(self):
        self.task.text = "推进老旧小区改造。" * 30
        self.task.save(update_fields=["text"])
        row = self.row(self.alice, self.task)
        assert f">{self.task.text[:159]}…</a>" in row

    def test_the_leaders_page_shows_the_same_columns(self):
        self.client.force_login(self.lin)
        response = self.client.get(reverse("ledger:official", args=[self.lin_official.pk]))
        assert "八月完成投资12亿元" in response.content.decode()


class PlanShortTitleTestCase(BaseTestCase):
    def test_a_plan_of_a_known_kind_goes_by_its_kind(self):
        assert make_plan(self.notice, PlanKind.FIVE_YEAR, "1").short_title == "五年重点工作"
        assert make_plan(self.notice, PlanKind.LIVELIHOOD, "3").short_title == "民生实事"

    def test_a_plan_of_another_kind_goes_by_its_title(self):
        plan = make_plan(self.notice, PlanKind.OTHER, "4", title="2022年营商环境提升清单")
        assert plan.short_title == "2022年营商环境提升清单"
