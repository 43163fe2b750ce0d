import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from duban.audit.models import LogEntry
from duban.lib.transitions import TransitionError
from duban.public.choices import Visibility
from duban.public.models import PublicProject, PublicReport
from duban.public.tests.base import PublicTestCase


class PublicationTestCase(PublicTestCase):
    def test_the_office_publishes_a_livelihood_project_and_it_is_audited(self):
        project = PublicProject.publish(self.p2, self.alice)
        assert project.state == Visibility.PUBLISHED
        entry = LogEntry.objects.get(action="public.project.published", object_id=str(self.p2.pk))
        assert entry.user == self.alice

    def test_a_task_of_another_plan_cannot_be_published(self):
        with pytest.raises(TransitionError):
            PublicProject.publish(self.task, self.alice)

    def test_a_published_project_is_not_published_twice(self):
        with pytest.raises(TransitionError):
            PublicProject.publish(self.p1, self.alice)

    def test_taking_down_is_audited_and_can_be_undone(self):
        self.p1.publication.take_down(self.alice)
        self.p1.publication.refresh_from_db()
        assert self.p1.publication.state == Visibility.TAKEN_DOWN
        assert LogEntry.objects.filter(action="public.project.taken_down").count() == 1
        assert PublicProject.publish(self.p1, self.alice).state == Visibility.PUBLISHED

    def test_a_project_taken_down_meanwhile_is_not_taken_down_again_from_an_older_copy(self):
        held = PublicProject.objects.get(task=self.p1)
        self.p1.publication.take_down(self.alice)
        with pytest.raises(TransitionError, match="已被他人修改"):
            held.take_down(self.alice)
        assert LogEntry.objects.filter(action="public.project.taken_down").count() == 1

    def test_only_the_office_publishes(self):
        with pytest.raises(PermissionDenied):
            PublicProject.publish(self.p2, self.wuma_user)
        assert not PublicProject.objects.filter(task=self.p2).exists()

    def test_only_an_accepted_report_can_be_published(self):
        self.returned.publication.delete()
        with pytest.raises(TransitionError):
            PublicReport.publish(self.returned, self.alice)


class PublishViewsTestCase(PublicTestCase):
    def test_the_office_publishes_from_the_task_page(self):
        self.client.force_login(self.alice)
        html = self.client.get(self.p2.get_absolute_url()).content.decode()
        assert reverse("public:project-publish", args=[self.p2.pk]) in html
        response = self.client.post(reverse("public:project-publish", args=[self.p2.pk]))
        assert response.url == self.p2.get_absolute_url()
        assert PublicProject.objects.get(task=self.p2).state == Visibility.PUBLISHED

    def test_the_office_takes_a_report_down_from_the_report_page(self):
        self.client.force_login(self.alice)
        html = self.client.get(self.accepted.get_absolute_url()).content.decode()
        assert reverse("public:report-take-down", args=[self.accepted.pk]) in html
        self.client.post(reverse("public:report-take-down", args=[self.accepted.pk]))
        assert (
            "已建成社区食堂6家。" not in self.client.get(reverse("public:index")).content.decode()
        )

    def test_no_toggle_on_a_task_of_another_plan(self):
        self.client.force_login(self.alice)
        html = self.client.get(self.task.get_absolute_url()).content.decode()
        assert "公开到民生实事页" not in html

    def test_a_unit_liaison_may_not_publish(self):
        self.client.force_login(self.wuma_user)
        response = self.client.post(reverse("public:project-publish", args=[self.p1.pk]))
        assert response.status_code == 403
        html = self.client.get(self.p1.get_absolute_url()).content.decode()
        assert "公开到民生实事页" not in html and "撤下公开" not in html
