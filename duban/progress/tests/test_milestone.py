from datetime import date

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from duban.audit.models import LogEntry
from duban.lib.transitions import TransitionError
from duban.progress.choices import MilestoneState
from duban.progress.milestones import propose_milestones
from duban.progress.models import Milestone
from duban.progress.tests.base import ProgressTestCase


class ProposeMilestonesTestCase(ProgressTestCase):
    def test_it_proposes_four_quarterly_milestones_for_a_year_end_deadline(self):
        milestones = propose_milestones(self.task, 2022)
        self.assertEqual(
            [m.due_on for m in milestones],
            [date(2022, 3, 31), date(2022, 6, 30), date(2022, 9, 30), date(2022, 12, 31)],
        )
        self.assertEqual([m.title for m in milestones][0], "第一季度")
        self.assertIn("地区生产总值增长 7%", milestones[-1].description)
        self.assertTrue(all(m.state == MilestoneState.PROPOSED for m in milestones))
        self.assertTrue(LogEntry.objects.filter(action="progress.milestone.proposed").exists())

    def test_the_printed_deadline_becomes_the_last_milestone(self):
        milestones = propose_milestones(self.wang_task, 2022)
        self.assertEqual([m.due_on for m in milestones], [date(2022, 3, 31), date(2022, 6, 30)])

    def test_it_keeps_existing_milestones(self):
        first = propose_milestones(self.task, 2022)
        self.assertEqual(propose_milestones(self.task, 2022), first)
        self.assertEqual(Milestone.objects.count(), 4)


class MilestoneTransitionsTestCase(ProgressTestCase):
    def setUp(self):
        self.milestone = propose_milestones(self.task, 2022)[0]

    def test_the_lead_unit_confirms_with_its_own_text_and_date(self):
        self.milestone.confirm(self.bob, description="完成项目招标", due_on=date(2022, 3, 20))
        self.milestone.refresh_from_db()
        self.assertEqual(self.milestone.state, MilestoneState.CONFIRMED)
        self.assertEqual(
            (self.milestone.description, self.milestone.due_on), ("完成项目招标", date(2022, 3, 20))
        )
        self.assertEqual(self.milestone.confirmed_by, self.bob)
        entry = LogEntry.objects.get(action="progress.milestone.confirmed")
        self.assertEqual(entry.data["changes"]["due_on"], "2022-03-20")

    def test_only_the_lead_unit_confirms(self):
        for user in (self.charlie, self.dave, self.alice, self.lin):
            with self.assertRaises(PermissionDenied):
                self.milestone.confirm(user)

    def test_a_confirmed_milestone_is_marked_done(self):
        self.milestone.confirm(self.bob)
        self.milestone.mark_done(self.bob)
        self.milestone.refresh_from_db()
        self.assertEqual(self.milestone.state, MilestoneState.DONE)
        self.assertIsNotNone(self.milestone.done_at)

    def test_a_proposed_milestone_cannot_be_done_and_a_done_one_not_changed(self):
        with self.assertRaises(TransitionError):
            self.milestone.mark_done(self.bob)
        self.milestone.confirm(self.bob)
        self.milestone.mark_done(self.bob)
        with self.assertRaises(TransitionError):
            self.milestone.confirm(self.bob, description="改")

    def test_a_milestone_done_in_another_request_is_not_confirmed_over(self):
        self.milestone.confirm(self.bob)
        held = Milestone.objects.get(pk=self.milestone.pk)
        self.milestone.mark_done(self.bob)
        with self.assertRaises(TransitionError):
            held.confirm(self.bob, description="改")
        held.refresh_from_db()
        self.assertEqual(
            (held.state, held.description), (MilestoneState.DONE, self.milestone.description)
        )

    def test_it_is_overdue_after_its_date_until_done(self):
        self.assertTrue(self.milestone.is_overdue(date(2022, 4, 1)))
        self.assertFalse(self.milestone.is_overdue(date(2022, 3, 31)))
        self.assertEqual(
            list(Milestone.objects.due_by(date(2022, 3, 31)).not_done()), [self.milestone]
        )


class MilestoneViewsTestCase(ProgressTestCase):
    def test_the_lead_unit_proposes_and_confirms_on_the_page(self):
        self.client.force_login(self.bob)
        url = reverse("progress:milestones", args=[self.task.pk, 2022])
        self.assertContains(self.client.get(url), "按完成时限生成建议节点")
        self.assertRedirects(self.client.post(url), url)
        milestone = Milestone.objects.first()
        confirm = reverse("progress:milestone-confirm", args=[milestone.pk])
        data = {"description": "完成项目招标", "due_on": "2022-03-25"}
        self.assertRedirects(self.client.post(confirm), url, fetch_redirect_response=False)
        self.client.post(confirm, data)
        milestone.refresh_from_db()
        self.assertEqual((milestone.state, milestone.description), ("confirmed", "完成项目招标"))

    def test_a_cooperating_unit_reads_but_cannot_propose(self):
        self.client.force_login(self.charlie)
        url = reverse("progress:milestones", args=[self.task.pk, 2022])
        self.assertNotContains(self.client.get(url), "按完成时限生成建议节点")
        self.assertEqual(self.client.post(url).status_code, 403)
        self.assertFalse(Milestone.objects.exists())

    def test_outsiders_get_a_404(self):
        milestone = propose_milestones(self.task, 2022)[0]
        self.client.force_login(self.dave)
        url = reverse("progress:milestones", args=[self.task.pk, 2022])
        self.assertEqual(self.client.get(url).status_code, 404)
        confirm = reverse("progress:milestone-confirm", args=[milestone.pk])
        self.assertEqual(
            self.client.post(confirm, {"description": "x", "due_on": "2022-03-01"}).status_code, 404
        )
