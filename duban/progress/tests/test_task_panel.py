from datetime import date

from django.template import Context, Template

from duban.ledger.choices import AssignmentRole
from duban.progress.choices import ReportState
from duban.progress.milestones import propose_milestones
from duban.progress.tests.base import ProgressTestCase
from duban.testing import make_cycle, make_report, make_task

PANEL = Template("{% load progress_tags %}{% task_progress_panel task user %}")


class TaskPanelTestCase(ProgressTestCase):
    def render(self, user) -> str:
        return PANEL.render(Context({"task": self.task, "user": user}))

    def test_it_lists_the_reports_per_cycle_with_their_state(self):
        make_report(self.task, self.fagai, self.cycle, state=ReportState.ACCEPTED)
        html = self.render(self.alice)
        self.assertIn("2022年3月", html)
        self.assertIn('data-state="accepted"', html)
        self.assertIn("区发改局", html)

    def test_it_shows_only_what_the_user_may_see(self):
        make_report(self.task, self.caizheng, self.cycle)
        self.assertNotIn("区财政局", self.render(self.bob))
        self.assertIn("区财政局", self.render(self.charlie))
        self.assertIn("暂无进度报告", self.render(self.dave))

    def test_it_shows_the_years_milestones(self):
        propose_milestones(self.task, 2022)
        html = self.render(self.lin)
        self.assertIn("2022年形象进度", html)
        self.assertIn("第四季度", html)

    def test_it_offers_a_responsible_unit_its_report_for_each_open_cycle(self):
        self.assertIn("开始填报", self.render(self.charlie))
        make_report(self.task, self.caizheng, self.cycle)
        html = self.render(self.charlie)
        self.assertIn("本单位 2022年3月", html)
        self.assertIn('data-state="draft"', html)
        self.assertNotIn("开始填报", self.render(self.dave))
        self.assertNotIn("开始填报", self.render(self.alice))

    def test_the_task_page_carries_the_panel(self):
        self.client.force_login(self.charlie)
        response = self.client.get(self.task.get_absolute_url())
        self.assertContains(response, "进度报送")
        self.assertContains(response, "开始填报")

    def test_a_copy_of_a_task_printed_twice_offers_no_report_of_its_own(self):
        self.assertIn("开始填报", self.render(self.bob))
        copy = make_task(
            self.task.section, "9", self.task.text, [(self.fagai, AssignmentRole.LEAD)]
        )
        copy.twin_of = self.task
        copy.save()
        html = PANEL.render(Context({"task": copy, "user": self.bob}))
        self.assertNotIn("开始填报", html)

    def test_it_shows_the_latest_progress_text_sent_to_the_office(self):
        make_report(
            self.task,
            self.fagai,
            self.cycle,
            progress="三月完成投资8亿元。",
            state=ReportState.ACCEPTED,
        )
        april = make_cycle(self.plan, date(2022, 4, 1))
        make_report(
            self.task,
            self.fagai,
            april,
            progress="四月完成投资12亿元，新开工2个项目。",
            problems="征地进度慢",
            state=ReportState.SUBMITTED,
        )
        may = make_cycle(self.plan, date(2022, 5, 1))
        make_report(self.task, self.fagai, may, progress="五月草稿", state=ReportState.DRAFT)
        make_report(self.task, self.caizheng, may, progress="配合单位五月", state="submitted")
        for user in (self.alice, self.lin, self.bob):
            html = self.render(user)
            latest = html[html.index('id="latest-progress"') : html.index('class="table-wrap"')]
            self.assertIn("2022年4月", latest)
            self.assertIn("四月完成投资12亿元，新开工2个项目。", latest)
            self.assertIn("征地进度慢", latest)
            self.assertNotIn("五月", latest)

    def test_it_shows_no_latest_progress_before_a_report_reaches_the_office(self):
        make_report(self.task, self.fagai, self.cycle, state=ReportState.RETURNED)
        self.assertNotIn("最新进展", self.render(self.alice))

    def test_a_copy_of_a_task_printed_twice_shows_the_reports_of_the_copy_it_repeats(self):
        make_report(
            self.task, self.fagai, self.cycle, progress="三月完成投资8亿元。", state="accepted"
        )
        copy = make_task(
            self.task.section, "9", self.task.text, [(self.fagai, AssignmentRole.LEAD)]
        )
        copy.twin_of = self.task
        copy.save()
        html = PANEL.render(Context({"task": copy, "user": self.alice}))
        self.assertIn("三月完成投资8亿元。", html)
        self.assertIn('data-state="accepted"', html)
