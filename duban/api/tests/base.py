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
from duban.testing import (
    BaseTestCase,
    make_cycle,
    make_problem,
    make_report,
    make_target,
)

# The roles of the matrix, in its column order: the office, a leader, the lead unit of
# `task`, its support unit, a unit outside every task.
ROLES = ("alice", "lin", "bob", "charlie", "dave")


def issue(user, scope: str) -> str:
    """A token of `user` named "<username>-<scope>", as plain text."""
    return ApiToken.issue(user=user, name=f"{user.username}-{scope}", scope=scope, by=None)[1]


def build_api_world(obj) -> None:
    """On top of the cast (build_cast): a cycle with the lead unit's draft report and the
    support unit's draft part, a target, a 督办单 to the lead unit, a problem, a notification
    for bob, and a read-write token per role in `obj.tokens`."""
    obj.cycle = make_cycle(obj.plan)
    obj.report = make_report(obj.task, obj.fagai, obj.cycle)
    obj.part = make_report(obj.task, obj.caizheng, obj.cycle, state=ReportState.DRAFT)
    obj.supervision_notice = SupervisionNotice.issue(
        task=obj.task,
        unit=obj.fagai,
        tier=Tier.REMIND,
        reason="一季度进度滞后",
        respond_by=date(2022, 4, 20),
        user=obj.alice,
    )
    obj.target = make_target(obj.task)
    obj.problem = make_problem(obj.task, obj.caizheng, user=obj.charlie)
    obj.notification = Notification.objects.create(user=obj.bob, text="请报送一季度情况")
    obj.tokens = {role: issue(getattr(obj, role), TokenScope.READ_WRITE) for role in ROLES}


class ApiTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        build_api_world(cls)

    def setUp(self):
        # The rate limit counts per token in the cache, which outlives each test's rollback.
        cache.clear()

    def token(self, user, scope: str) -> str:
        return issue(user, scope)

    def call(self, method: str, path: str, token: str | None, body: dict | None = None):
        headers = {} if token is None else {"Authorization": f"Bearer {token}"}
        return Client().generic(
            method.upper(),
            path,
            data="" if body is None else json.dumps(body),
            content_type="application/json",
            headers=headers,
        )
