from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse

from duban.supervision.choices import Colour, NoticeState, Tier
from duban.supervision.models import SupervisionNotice, TaskStatus
from duban.testing import BaseTestCase

SHANGHAI = ZoneInfo("Asia/Shanghai")


class NoticeViewsTestCase(BaseTestCase):
    def issue(self):
        return SupervisionNotice.issue(
            task=self.task,
            unit=self.fagai,
            tier=Tier.REMIND,
            reason="3月未报送",
            respond_by=date(2099, 1, 1),
        )

    @time_machine.travel(datetime(2022, 5, 9, 9, tzinfo=SHANGHAI), tick=False)
    def test_the_office_issues_with_the_tiers_default_deadline(self):
        self.client.force_login(self.alice)
        url = reverse("supervision:notice-issue", args=[self.task.pk])
        data = {
            "unit": self.fagai.pk,
            "tier": Tier.WARN,
            "reason": "连续两期未报送",
            "signer": "张主任",
            "copied_to": [self.lin_official.pk],
        }
        response = self.client.post(url, data)
        notice = SupervisionNotice.objects.get()
        self.assertRedirects(response, notice.get_absolute_url())
        assert notice.respond_by == date(2022, 5, 14)
        assert notice.issued_by == self.alice
        assert (notice.number, notice.signer) == ("督办〔2022〕1号", "张主任")
        assert list(notice.copied_to.all()) == [self.lin_official]
        page = self.client.get(notice.get_absolute_url()).content.decode()
        for shown in ["督办〔2022〕1号", "张主任", "林杰"]:
            assert shown in page

    def test_the_form_is_prefilled_with_the_status_reasons_the_signer_and_the_leaders(self):
        TaskStatus.objects.create(
            task=self.task,
            colour=Colour.RED,
            reasons=["2 期进度未报送", "节点“开工”已过期 12 天未完成"],
        )
        self.client.force_login(self.alice)
        form = self.client.get(reverse("supervision:notice-issue", args=[self.task.pk])).context[
            "form"
        ]
        assert form["reason"].value() == (
            "2 期进度未报送；节点“开工”已过期 12 天未完成。请说明原因，提出整改措施并按期反馈。"
        )
        assert form["signer"].value() == "alice"
        assert list(form["copied_to"].value()) == [self.lin_official.pk]

    def test_the_form_is_not_prefilled_for_a_task_on_track(self):
        TaskStatus.objects.create(task=self.task, colour=Colour.GREEN, reasons=["按计划推进"])
        self.client.force_login(self.alice)
        response = self.client.get(reverse("supervision:notice-issue", args=[self.task.pk]))
        assert response.context["form"]["reason"].value() == ""

    def test_the_form_offers_every_responsible_unit_with_its_part_lead_first(self):
        self.client.force_login(self.alice)
        url = reverse("supervision:notice-issue", args=[self.task.pk])
        choices = list(self.client.get(url).context["form"].fields["unit"].choices)
        assert [label for _, label in choices] == [
            "区发改局（牵头）",
            "区商务局（共同）",
            "区财政局（配合）",
        ]

    def test_the_office_issues_to_a_support_unit_which_sees_and_answers_it(self):
        self.client.force_login(self.alice)
        url = reverse("supervision:notice-issue", args=[self.task.pk])
        data = {
            "unit": self.caizheng.pk,
            "tier": Tier.REMIND,
            "reason": "配合事项未落实",
            "signer": "alice",
        }
        notice = SupervisionNotice.objects.get(pk=self.client.post(url, data).url.split("/")[-2])
        assert notice.unit == self.caizheng
        self.client.force_login(self.charlie)
        assert len(self.client.get(reverse("supervision:notices")).context["page"]) == 1
        assert "提交反馈" in self.client.get(notice.get_absolute_url()).content.decode()
        self.client.post(
            reverse("supervision:notice-respond", args=[notice.pk]), {"response": "已完成资金拨付"}
        )
        notice.refresh_from_db()
        assert (notice.state, notice.responded_by) == (NoticeState.RESPONDED, self.charlie)
        self.client.force_login(self.bob)
        assert self.client.get(notice.get_absolute_url()).status_code == 404

    def test_the_form_refuses_a_unit_outside_the_task(self):
        self.client.force_login(self.alice)
        url = reverse("supervision:notice-issue", args=[self.task.pk])
        response = self.client.post(
            url, {"unit": self.jiaoyu.pk, "tier": Tier.REMIND, "reason": "x", "signer": "alice"}
        )
        assert response.status_code == 200
        assert SupervisionNotice.objects.count() == 0

    def test_the_form_refuses_a_deadline_in_the_past(self):
        self.client.force_login(self.alice)
        url = reverse("supervision:notice-issue", args=[self.task.pk])
        data = {
            "unit": self.fagai.pk,
            "tier": Tier.REMIND,
            "reason": "x",
            "signer": "alice",
            "respond_by": "2000-01-01",
        }
        assert self.client.post(url, data).status_code == 200
        assert SupervisionNotice.objects.count() == 0

    def test_the_lead_unit_responds(self):
        notice = self.issue()
        self.client.force_login(self.bob)
        assert "提交反馈" in self.client.get(notice.get_absolute_url()).content.decode()
        url = reverse("supervision:notice-respond", args=[notice.pk])
        self.client.post(url, {"response": "已补报 3 月进度"})
        notice.refresh_from_db()
        assert notice.state == NoticeState.RESPONDED
        assert notice.response == "已补报 3 月进度"

    def test_the_office_escalates_and_lands_on_the_new_notice(self):
        notice = self.issue()
        self.client.force_login(self.alice)
        response = self.client.post(reverse("supervision:notice-escalate", args=[notice.pk]))
        warning = SupervisionNotice.objects.get(tier=Tier.WARN)
        self.assertRedirects(response, warning.get_absolute_url())

    def test_the_office_closes_a_responded_notice(self):
        notice = self.issue()
        notice.respond("已落实", self.bob)
        self.client.force_login(self.alice)
        url = reverse("supervision:notice-close", args=[notice.pk])
        self.client.post(url, {"remarks": "落实到位，予以办结。"})
        notice.refresh_from_db()
        assert (notice.state, notice.closing_remarks) == (
            NoticeState.CLOSED,
            "落实到位，予以办结。",
        )
        assert "落实到位，予以办结。" in self.client.get(notice.get_absolute_url()).content.decode()

    def test_closing_without_remarks_is_refused(self):
        notice = self.issue()
        notice.respond("已落实", self.bob)
        self.client.force_login(self.alice)
        url = reverse("supervision:notice-close", args=[notice.pk])
        response = self.client.post(url, {"remarks": "  "}, follow=True)
        assert "请填写办结意见。" in response.content.decode()
        notice.refresh_from_db()
        assert (notice.state, notice.closing_remarks) == (NoticeState.RESPONDED, "")

    def test_a_unit_lists_only_its_own_notices(self):
        self.issue()
        self.client.force_login(self.bob)
        assert len(self.client.get(reverse("supervision:notices")).context["page"]) == 1
        self.client.force_login(self.charlie)
        assert len(self.client.get(reverse("supervision:notices")).context["page"]) == 0

    def test_a_closed_notice_offers_the_office_no_action(self):
        notice = self.issue()
        notice.respond("已落实", self.bob)
        notice.close(self.alice, "予以办结。")
        self.client.force_login(self.alice)
        response = self.client.get(notice.get_absolute_url())
        assert not (response.context["may_close"] or response.context["may_escalate"])
        assert 'class="panel">\n</div>' not in response.content.decode()


class LateNoticeTestCase(BaseTestCase):
    """A notice due on 19 April without an answer reads 逾期未反馈 from 20 April."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.notice = SupervisionNotice.objects.create(
            task=cls.task, unit=cls.fagai, reason="3月未报送", respond_by=date(2022, 4, 19)
        )

    def pages(self) -> list[str]:
        self.client.force_login(self.alice)
        urls = [
            reverse("supervision:notices"),
            self.notice.get_absolute_url(),
            self.task.get_absolute_url(),
        ]
        return [self.client.get(url).content.decode() for url in urls]

    def test_it_reads_late_on_the_list_the_notice_and_the_task_page_once_past_its_deadline(self):
        with self.settings(DUBAN_TODAY=date(2022, 4, 19)):
            assert not any("逾期未反馈" in page for page in self.pages())
        with self.settings(DUBAN_TODAY=date(2022, 4, 20)):
            assert all("逾期未反馈" in page for page in self.pages())

    def test_an_answered_notice_is_not_late(self):
        self.notice.respond("已补报。", self.bob)
        with self.settings(DUBAN_TODAY=date(2022, 4, 20)):
            assert not any("逾期未反馈" in page for page in self.pages())
