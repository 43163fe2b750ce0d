"""The cast with one object of each kind the API serves, and a token for each of its roles."""

import json
from datetime import date

from django.core.cache import cache
from django.test import Client

from duban.api.choices import TokenScope
from duban.api.models import ApiToken
from duban.progress.choices import ReportState
from duban.supervision.choices import Tier
from duban.supervision.models import Notification, SupervisionNotice
from duban.testing import BaseTestCase, make_cycle, make_problem, make_report, make_target

# The roles of the matrix, in its column order: the office, a leader, the lead unit of
# `task`, its support unit, a unit outside every task.
ROLES = ("alice", "lin", "bob", "charlie", "dave")


class ApiTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.cycle = make_cycle(cls.plan)
        cls.report = make_report(cls.task, cls.fagai, cls.cycle)
        cls.part = make_report(cls.task, cls.caizheng, cls.cycle, state=ReportState.DRAFT)
        cls.supervision_notice = SupervisionNotice.issue(
            task=cls.task,
            unit=cls.fagai,
            tier=Tier.REMIND,
            reason="一季度进度滞后",
            respond_by=date(2022, 4, 20),
            user=cls.alice,
        )
        cls.target = make_target(cls.task)
        cls.problem = make_problem(cls.task, cls.caizheng, user=cls.charlie)
        cls.notification = Notification.objects.create(user=cls.bob, text="请报送一季度情况")
        cls.tokens = {}
        for role in ROLES:
            cls.tokens[role] = cls.token(getattr(cls, role), TokenScope.READ_WRITE)

    @classmethod
    def token(cls, user, scope: str) -> str:
        return ApiToken.issue(
            user=user, name=f"{user.username}-{scope}", scope=scope, by=cls.alice
        )[1]

    def setUp(self):
        # The rate limit counts per token in the cache, which outlives each test's rollback.
        cache.clear()

    def call(self, method: str, path: str, token: str | None, body: dict | None = None):
        headers = {} if token is None else {"Authorization": f"Bearer {token}"}
        return Client().generic(
            method.upper(),
            path,
            data="" if body is None else json.dumps(body),
            content_type="application/json",
            headers=headers,
        )
