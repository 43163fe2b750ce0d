from django.urls import reverse

from duban.ledger.choices import AssignmentRole, LeaderSource, UnitKind
from duban.ledger.models import Official, TaskLeader
from duban.ledger.registry import resolve_placeholder
from duban.testing import BaseTestCase, make_cycle, make_report, make_task, make_unit


class TaskDetailTestCase(BaseTestCase):
    def setUp(self):
        self.url = self.task.get_absolute_url()

    def test_it_shows_the_task_to_its_lead_unit(self):
        self.client.force_login(self.bob)
        response = self.client.get(self.url)
        assert response.status_code == 200
        self.assertContains(response, "地区生产总值增长 7%。")
        self.assertContains(response, "林杰")
        self.assertContains(response, "区发改局")
        self.assertContains(response, "牵头")
        self.assertContains(response, "配合")
        self.assertContains(response, self.notice.title)

    def test_its_title_cuts_a_long_task_with_the_ellipsis_the_task_tables_use(self):
        self.task.text = "推进城市更新行动，完成老旧小区改造二十个，新建口袋公园十处。"
        self.task.save()
        self.client.force_login(self.bob)
        response = self.client.get(self.url)
        self.assertContains(response, "<title>1 推进城市更新行动，完成老旧小区改造二十…")
        self.assertNotContains(response, "...")

    def test_it_shows_the_cells_of_columns_the_parser_did_not_know(self):
        self.task.extra = {"计划投资（亿元）": "5.2", "建设地点": "滨江街道"}
        self.task.save()
        self.client.force_login(self.bob)
        response = self.client.get(self.url)
        self.assertContains(response, "<dt>计划投资（亿元）</dt>", html=True)
        self.assertContains(response, "<dd>滨江街道</dd>", html=True)

    def test_it_links_only_the_pages_the_user_may_open(self):
        self.client.force_login(self.bob)
        response = self.client.get(self.url)
        self.assertContains(response, f'href="{self.fagai.get_absolute_url()}"')
        self.assertNotContains(response, f'href="{self.caizheng.get_absolute_url()}"')
        self.assertNotContains(response, f'href="{self.lin_official.get_absolute_url()}"')

    def test_it_shows_the_cooperating_unit_the_task(self):
        self.client.force_login(self.charlie)
        assert self.client.get(self.url).status_code == 200

    def test_it_hides_the_task_from_an_outsider_unit(self):
        self.client.force_login(self.dave)
        assert self.client.get(self.url).status_code == 404

    def test_it_requires_login(self):
        response = self.client.get(self.url)
        self.assertRedirects(response, reverse("accounts:login") + "?next=" + self.url)

    def test_it_highlights_a_lead_override(self):
        self.task.remark = "根据区委工作安排，由区委政法委牵头"
        self.task.lead_override = ["区委政法委"]
        self.task.save()
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        self.assertContains(response, 'class="override"')
        self.assertContains(response, "改由区委政法委牵头")
        self.assertContains(response, "根据区委工作安排")

    def test_it_shows_the_source_location(self):
        self.task.location = {"page": 3, "table": 2, "row": 7, "line": None}
        self.task.save()
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        self.assertContains(response, "第 3 页")
        self.assertContains(response, "表 2")
        self.assertContains(response, "第 7 行")

    def test_it_marks_a_row_leader(self):
        wang = Official.objects.create(name="王强")
        TaskLeader.objects.create(
            task=self.task, official=wang, source=LeaderSource.ROW, position=1
        )
        self.client.force_login(self.alice)
        self.assertContains(self.client.get(self.url), "本行指定")

    def test_it_shows_placeholder_resolutions(self):
        placeholder = make_unit("相关街镇", UnitKind.PLACEHOLDER)
        street = make_unit("七都街道", UnitKind.SUBDISTRICT)
        task = make_task(
            self.section, "3", "整治违法建筑。", [(placeholder, AssignmentRole.SUPPORT)]
        )
        resolve_placeholder(task.assignments.get(), [street])
        self.client.force_login(self.alice)
        response = self.client.get(task.get_absolute_url())
        self.assertContains(response, "细化为具体单位")
        self.assertContains(response, "由“相关街镇”细化")
        self.assertContains(response, "七都街道")

    def test_it_escapes_notice_text(self):
        self.task.text = '<script>alert("x")</script>'
        self.task.remark = "<b>粗体</b>"
        self.task.save()
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        self.assertNotContains(response, "<script>alert")
        self.assertContains(response, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
        self.assertContains(response, "&lt;b&gt;粗体&lt;/b&gt;")

    def test_it_shows_the_latest_progress_text(self):
        cycle = make_cycle(self.plan)
        make_report(
            self.task, self.fagai, cycle, progress="一季度完成投资32亿元。", state="accepted"
        )
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        self.assertContains(response, "最新进展")
        self.assertContains(response, '<div class="text">一季度完成投资32亿元。</div>', html=True)
