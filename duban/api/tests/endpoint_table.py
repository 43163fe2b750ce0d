"""Who may call what through the API, declared: one row per operation of the OpenAPI document,
checked by test_permissions.py. Codes are in the order of `base.ROLES`: alice (office), lin
(leader of both tasks), bob (lead unit of `task`), charlie (its support unit), dave (outsider).

A new route fails the test until it has a row here.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Row:
    codes: str
    path: Callable = lambda t: {}  # noqa: E731
    body: Callable = field(default=lambda t: None)

    def expected(self) -> list[int]:
        return [int(c) for c in self.codes.split()]


def pk(attr: str) -> Callable:
    return lambda t: {"pk": getattr(t, attr).pk}


VALUE = {"value": "5.2", "on_date": "2022-06-30", "confirm": True}


def content(t) -> dict:
    return {"version": 1, "progress": "完成投资35亿元。"}


# fmt: off
TABLE = {
    #                                                   alice lin bob charlie dave
    "GET /api/v1/notices":                          Row("200 200 200 200 200"),
    "GET /api/v1/notices/{pk}":                     Row("200 200 200 200 404", pk("notice")),
    "GET /api/v1/plans":                            Row("200 200 200 200 200"),
    "GET /api/v1/plans/{pk}":                       Row("200 200 200 200 404", pk("plan")),
    "GET /api/v1/units":                            Row("200 200 200 200 200"),
    "GET /api/v1/units/{pk}":                       Row("200 200 200 404 404", pk("fagai")),
    "GET /api/v1/officials":                        Row("200 200 200 200 200"),
    "GET /api/v1/officials/{pk}":                   Row("200 200 404 404 404", pk("lin_official")),
    "GET /api/v1/tasks":                            Row("200 200 200 200 200"),
    "GET /api/v1/tasks/{pk}":                       Row("200 200 200 200 404", pk("task")),
    "GET /api/v1/cycles":                           Row("200 200 200 200 200"),
    "GET /api/v1/cycles/{pk}":                      Row("200 200 200 200 404", pk("cycle")),
    "GET /api/v1/reports":                          Row("200 200 200 200 200"),
    # A draft is its unit's own: the leader does not see it yet, nor does another unit.
    "GET /api/v1/reports/{pk}":                     Row("200 404 200 404 404", pk("report")),
    "POST /api/v1/reports":                         Row("403 403 201 201 404", body=lambda t: {"cycle": t.cycle.pk, "task": t.task.pk}),
    "PUT /api/v1/reports/{pk}":                     Row("403 404 200 404 404", pk("report"), content),
    "POST /api/v1/reports/{pk}/submit":             Row("403 404 200 404 404", pk("report"), lambda t: {"version": 1}),
    "GET /api/v1/targets":                          Row("200 200 200 200 200"),
    "GET /api/v1/targets/{pk}":                     Row("200 200 200 200 404", pk("target")),
    "GET /api/v1/targets/{pk}/values":              Row("200 200 200 200 404", pk("target")),
    # The office records values; units report theirs with their consolidated report.
    "POST /api/v1/targets/{pk}/values":             Row("201 403 403 403 404", pk("target"), lambda t: VALUE),
    "GET /api/v1/problems":                         Row("200 200 200 200 200"),
    "GET /api/v1/problems/{pk}":                    Row("200 200 200 200 404", pk("problem")),
    "GET /api/v1/supervision-notices":              Row("200 200 200 200 200"),
    "GET /api/v1/supervision-notices/{pk}":         Row("200 200 200 404 404", pk("supervision_notice")),
    "POST /api/v1/supervision-notices/{pk}/respond": Row("403 403 200 404 404", pk("supervision_notice"), lambda t: {"text": "已加快推进。"}),
    "GET /api/v1/notifications":                    Row("200 200 200 200 200"),
    "POST /api/v1/notifications/{pk}/read":         Row("404 404 200 404 404", pk("notification")),
    "GET /api/v1/dashboard/{chart}":                Row("200 200 403 403 403", lambda t: {"chart": "totals"}),
    "GET /api/v1/dashboard/units/{pk}/{chart}":     Row("200 200 200 404 404", lambda t: {"pk": t.fagai.pk, "chart": "status"}),
    "GET /api/v1/dashboard/targets/{pk}":           Row("200 200 200 200 404", pk("target")),
}
# fmt: on
