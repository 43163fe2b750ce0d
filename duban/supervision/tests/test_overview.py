from django.urls import reverse

from duban.supervision.choices import Colour
from duban.supervision.models import TaskStatus
from duban.supervision.status import Verdict
from duban.supervision.tests.base import SupervisionTestCase


class OverviewTestCase(SupervisionTestCase):
    def setUp(self):
        TaskStatus(task=self.task).apply(Verdict(Colour.RED, ("2 期进度未报送",)))
        TaskStatus(task=self.other_task).apply(Verdict(Colour.GREEN, ("按计划推进",)))
        TaskStatus(task=self.wang_task).apply(Verdict(Colour.GREEN, ("按计划推进",)))
        self.client.force_login(self.alice)

    def test_it_counts_the_tasks_of_each_colour(self):
        response = self.client.get(reverse("supervision:overview"))
        counts = {value: n for value, _, n in response.context["counts"]}
        assert counts == {Colour.DONE: 0, Colour.GREEN: 2, Colour.YELLOW: 0, Colour.RED: 1}

    def test_it_filters_by_colour(self):
        response = self.client.get(reverse("supervision:overview"), {"colour": Colour.RED})
        assert [s.task for s in response.context["page"]] == [self.task]
        assert "2 期进度未报送" in response.content.decode()

    def test_it_filters_by_words_and_ignores_a_bad_colour(self):
        response = self.client.get(reverse("supervision:overview"), {"q": "学校", "colour": "pink"})
        assert [s.task for s in response.context["page"]] == [self.wang_task]

    def test_the_counts_follow_the_leader_filter(self):
        response = self.client.get(
            reverse("supervision:overview"), {"leader": self.wang_official.pk}
        )
        counts = {value: n for value, _, n in response.context["counts"]}
        assert counts[Colour.GREEN] == 1 and counts[Colour.RED] == 0
