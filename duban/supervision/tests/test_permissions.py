"""The permission matrix: who may do what to problems, 督办单 and notifications.

"login": anonymous users are sent to the login page. 404: the object lies outside the
user's scope. 403: the object is visible but the role does not allow the action. 200/302:
allowed (a page, or a POST that redirects).
"""

from datetime import date

from django.urls import reverse

from duban.supervision.choices import Tier
from duban.supervision.models import Notification, Problem, SupervisionNotice
from duban.testing import BaseTestCase

PEOPLE = ["anonymous", "alice", "lin", "wang", "bob", "charlie", "dave"]
#            anonymous  office  leader A  leader B  lead X  coop Y  outsider Z
MATRIX = {
    "view problem": ["login", 200, 200, 404, 200, 200, 404],
    "raise problem": ["login", 403, 403, 404, 302, 302, 404],
    "coordinate problem": ["login", 403, 403, 404, 302, 403, 404],
    "escalate problem": ["login", 302, 403, 404, 302, 403, 404],
    "instruct problem": ["login", 403, 302, 404, 403, 403, 404],
    "resolve problem": ["login", 302, 403, 404, 302, 403, 404],
    "view notice": ["login", 200, 200, 404, 200, 404, 404],
    "issue notice": ["login", 302, 403, 403, 403, 403, 403],
    "respond notice": ["login", 403, 403, 404, 302, 404, 404],
    "escalate notice": ["login", 302, 403, 403, 403, 403, 403],
    "view overview": ["login", 200, 200, 200, 403, 403, 403],
    "view notifications": ["login", 200, 200, 200, 200, 200, 200],
}


class PermissionMatrixTestCase(BaseTestCase):
    def make_problem(self, escalated=False):
        problem = Problem.raise_on(
            task=self.task, unit=self.caizheng, title="资金缺口", description="缺 500 万元"
        )
        if escalated:
            problem.escalate(reason="部门无法解决")
        return problem

    def make_notice(self):
        return SupervisionNotice.issue(
            task=self.task,
            unit=self.fagai,
            tier=Tier.REMIND,
            reason="进度滞后",
            respond_by=date(2099, 1, 1),
        )

    def request(self, action: str):
        """Set up the object for the action and perform it; returns the response."""
        text = {"text": "已召开协调会"}
        if action == "view problem":
            return self.client.get(self.make_problem().get_absolute_url())
        if action == "raise problem":
            url = reverse("supervision:problem-raise", args=[self.task.pk])
            return self.client.post(url, {"title": "用地", "description": "缺指标"})
        if action in ("coordinate problem", "escalate problem", "resolve problem"):
            verb = action.split()[0]
            url = reverse("supervision:problem-action", args=[self.make_problem().pk, verb])
            return self.client.post(url, text)
        if action == "instruct problem":
            problem = self.make_problem(escalated=True)
            url = reverse("supervision:problem-action", args=[problem.pk, "instruct"])
            return self.client.post(url, {"text": "请加快推进"})
        if action == "view notice":
            return self.client.get(self.make_notice().get_absolute_url())
        if action == "issue notice":
            url = reverse("supervision:notice-issue", args=[self.task.pk])
            data = {
                "unit": self.fagai.pk,
                "tier": Tier.REMIND,
                "reason": "3月未报",
                "signer": "alice",
            }
            return self.client.post(url, data)
        if action == "respond notice":
            url = reverse("supervision:notice-respond", args=[self.make_notice().pk])
            return self.client.post(url, {"response": "已补报"})
        if action == "escalate notice":
            url = reverse("supervision:notice-escalate", args=[self.make_notice().pk])
            return self.client.post(url)
        if action == "view overview":
            return self.client.get(reverse("supervision:overview"))
        return self.client.get(reverse("supervision:notifications"))

    def test_the_matrix(self):
        for action, expected_codes in MATRIX.items():
            for person, expected in zip(PEOPLE, expected_codes, strict=True):
                with self.subTest(action=action, person=person):
                    self.client.logout()
                    if person != "anonymous":
                        self.client.force_login(getattr(self, person))
                    response = self.request(action)
                    if expected == "login":
                        assert response.status_code == 302
                        assert response["Location"].startswith(reverse("accounts:login"))
                    else:
                        assert response.status_code == expected, response.status_code

    def test_an_unknown_problem_action_is_a_404(self):
        self.client.force_login(self.alice)
        url = reverse("supervision:problem-action", args=[self.make_problem().pk, "delete"])
        assert self.client.post(url, {"text": "x"}).status_code == 404

    def test_a_tampered_notification_id_is_a_404(self):
        (other,) = Notification.objects.notify([self.bob], "请报送")
        self.client.force_login(self.dave)
        url = reverse("supervision:notification-read", args=[other.pk])
        assert self.client.post(url).status_code == 404
        other.refresh_from_db()
        assert other.read_at is None
