"""Who may do what, declared: one row per URL name, checked by test_url_permissions.py.

Each row gives the URL's arguments in the world of duban/tests/world.py, and the status each
role gets for GET and for POST (with a valid CSRF token and the row's data), in the order of
`world.ROLES`: anonymous, noprofile, office, leader, lead, joint, support, other (the cast's
nobody, alice, lin, and bob, joan, charlie and dave by their unit's part in `task`).

302 for anonymous is the redirect to the log-in page; for others, the redirect after an
action (or of a page that only redirects). 403: the page exists for this user, the role is
missing. 404: the object lies outside the user's scope. 405: the method is refused.
A new URL name needs a row here, or the test fails. Admin URLs are matched by pattern.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Row:
    get: str
    post: str
    kwargs: Callable = lambda w: {}  # noqa: E731
    data: Callable = field(default=lambda w: {})

    def codes(self, method: str) -> list[int]:
        return [int(c) for c in getattr(self, method).split()]


# Pages that redirect everybody elsewhere than the log-in page: the home page to the ledger,
# the admin's log-out to its log-in page's "logged out" notice.
PLAIN_REDIRECTS = {"home", "admin:logout"}


def pk(attr: str) -> Callable:
    return lambda w: {"pk": getattr(w, attr).pk}


# fmt: off
TABLE = {
    #                                     anon nopr offi lead lunit joint supp other
    "home":                           Row("302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302"),
    "accounts:login":                 Row("200 302 302 302 302 302 302 302", "200 302 302 302 302 302 302 302"),
    "accounts:logout":                Row("405 405 405 405 405 405 405 405", "302 302 302 302 302 302 302 302"),
    "accounts:password-change":       Row("302 200 200 200 200 200 200 200", "302 200 200 200 200 200 200 200"),
    "accounts:password-done":         Row("302 200 200 200 200 200 200 200", "302 405 405 405 405 405 405 405"),
    "accounts:lockouts":              Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "accounts:lockout-lift":          Row("302 403 405 403 403 403 403 403", "302 403 302 403 403 403 403 403"),
    "accounts:login-deactivate":      Row("302 403 405 403 403 403 403 403", "302 403 302 403 403 403 403 403"),
    "accounts:login-reactivate":      Row("302 403 405 403 403 403 403 403", "302 403 302 403 403 403 403 403"),  # an active log-in: refused with a message
    "accounts:login-password-reset":  Row("302 403 405 403 403 403 403 403", "302 403 200 403 403 403 403 403"),  # the new password is shown in the answer
    "targets:target":                 Row("302 404 200 200 200 200 200 404", "302 404 200 200 200 200 200 404"),
    "targets:target-value":           Row("405 405 405 405 405 405 405 405", "302 403 302 403 403 403 403 403"),  # the office only; units report values through their report
    "targets:target-revise":          Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "targets:notice-links":           Row("302 404 200 200 200 200 200 404", "302 404 200 200 200 200 200 404"),
    "targets:link-add":               Row("405 405 405 405 405 405 405 405", "302 403 302 403 403 403 403 403"),
    "targets:link-confirm":           Row("405 405 405 405 405 405 405 405", "302 403 302 403 403 403 403 403"),
    "targets:link-remove":            Row("405 405 405 405 405 405 405 405", "302 403 302 403 403 403 403 403"),
    "targets:metrics":                Row("302 200 200 200 200 200 200 200", "302 200 200 200 200 200 200 200"),  # item 7 (another branch): not for users without a role
    "targets:metric":                 Row("302 404 200 200 200 200 200 200", "302 404 200 200 200 200 200 200"),
    "targets:import-values":          Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "supervision:overview":           Row("302 403 200 200 403 403 403 403", "302 403 200 200 403 403 403 403"),
    "supervision:refresh":            Row("405 405 405 405 405 405 405 405", "302 403 302 403 403 403 403 403"),  # queues a background job
    "supervision:notices":            Row("302 200 200 200 200 200 200 200", "302 200 200 200 200 200 200 200"),
    "supervision:notice":             Row("302 404 200 200 200 404 404 404", "302 404 200 200 200 404 404 404"),
    "supervision:notice-respond":     Row("405 405 405 405 405 405 405 405", "302 404 403 403 302 404 404 404"),
    "supervision:notice-escalate":    Row("405 405 405 405 405 405 405 405", "302 403 302 403 403 403 403 403"),
    "supervision:notice-close":       Row("405 405 405 405 405 405 405 405", "302 403 302 403 403 403 403 403"),
    "supervision:notice-attachment":  Row("302 404 200 200 200 404 404 404", "302 404 200 200 200 404 404 404"),
    "supervision:problems":           Row("302 200 200 200 200 200 200 200", "302 200 200 200 200 200 200 200"),
    "supervision:problem":            Row("302 404 200 200 200 200 200 404", "302 404 200 200 200 200 200 404"),
    "supervision:problem-action":     Row("405 405 405 405 405 405 405 405", "302 404 403 403 302 403 403 404"),
    "supervision:notice-issue":       Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "supervision:problem-raise":      Row("302 404 403 403 200 200 200 404", "302 404 403 403 200 200 200 404"),
    "supervision:instruction":        Row("302 404 200 200 200 404 404 404", "302 404 200 200 200 404 404 404"),
    "supervision:instruction-answer": Row("405 405 405 405 405 405 405 405", "302 404 403 403 302 404 404 404"),
    "supervision:instruction-close":  Row("405 405 405 405 405 405 405 405", "302 404 403 302 403 404 404 404"),
    "supervision:instruction-new":    Row("302 404 403 200 403 403 403 404", "302 404 403 302 403 403 403 404"),
    "supervision:notifications":      Row("302 200 200 200 200 200 200 200", "302 200 200 200 200 200 200 200"),
    "supervision:notification-read":  Row("405 405 405 405 405 405 405 405", "302 404 404 404 302 404 404 404"),
    "progress:my-reports":            Row("302 403 302 403 200 200 200 200", "302 403 302 403 200 200 200 200"),
    "progress:review-queue":          Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "progress:cycle-list":            Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "progress:cycle-generate":        Row("405 405 405 405 405 405 405 405", "302 403 200 403 403 403 403 403"),
    "progress:cycle-open":            Row("405 405 405 405 405 405 405 405", "302 403 302 403 403 403 403 403"),
    "progress:cycle-lock":            Row("405 405 405 405 405 405 405 405", "302 403 302 403 403 403 403 403"),
    "progress:report-start":          Row("405 405 405 405 405 405 405 405", "302 404 403 403 302 302 302 404"),
    "progress:report":                Row("302 404 200 404 200 404 404 404", "302 404 200 404 200 404 404 404"),
    "progress:report-edit":           Row("302 404 403 404 200 404 404 404", "302 404 403 404 200 404 404 404"),
    "progress:report-consolidate":    Row("302 404 403 404 200 404 404 404", "302 404 403 404 302 404 404 404"),
    "progress:report-review":         Row("405 405 405 405 405 405 405 405", "302 404 403 403 302 404 403 404"),
    "progress:attachment-download":   Row("302 404 200 200 200 404 200 404", "302 404 200 200 200 404 200 404"),
    "progress:milestones":            Row("302 404 200 200 200 200 200 404", "302 404 403 403 302 403 403 404"),
    "progress:milestone-confirm":     Row("405 405 405 405 405 405 405 405", "302 404 403 403 302 403 403 404"),
    "progress:milestone-done":        Row("405 405 405 405 405 405 405 405", "302 404 403 403 302 403 403 404"),
    "ledger:tasks":                   Row("302 200 200 200 200 200 200 200", "302 200 200 200 200 200 200 200"),
    "ledger:task":                    Row("302 404 200 200 200 200 200 404", "302 404 200 200 200 200 200 404"),
    "ledger:official":                Row("302 404 200 200 404 404 404 404", "302 404 200 200 404 404 404 404"),
    "ledger:units":                   Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "ledger:unit":                    Row("302 404 200 200 200 404 404 404", "302 404 200 200 200 404 404 404"),
    "ledger:unit-kind":               Row("405 405 405 405 405 405 405 405", "302 403 302 403 403 403 403 403"),
    "ledger:unit-merge":              Row("405 405 405 405 405 405 405 405", "302 403 302 403 403 403 403 403"),
    "ledger:placeholders":            Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "ledger:placeholder-resolve":     Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "ledger:notices":                 Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "ledger:notice":                  Row("302 404 200 200 200 200 200 404", "302 404 200 200 200 200 200 404"),
    "ledger:plan":                    Row("302 404 200 200 200 200 200 404", "302 404 200 200 200 200 200 404"),
    "ledger:suggest-plans":           Row("302 200 200 200 200 200 200 200", "302 405 405 405 405 405 405 405"),  # each role's own filter choices
    "ledger:suggest-units":           Row("302 200 200 200 200 200 200 200", "302 405 405 405 405 405 405 405"),  # each role's own filter choices
    "ledger:suggest-leaders":         Row("302 200 200 200 200 200 200 200", "302 405 405 405 405 405 405 405"),
    "ledger:people":                  Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "ledger:unit-login-create":       Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "ledger:official-login-create":   Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "ledger:liaison-import":          Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "ledger:liaison-import-confirm":  Row("302 403 405 403 403 403 403 403", "302 403 302 403 403 403 403 403"),  # no signed rows: back to the upload
    "ledger:import":                  Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "ledger:import-preview":          Row("302 404 200 404 404 404 404 404", "302 404 200 404 404 404 404 404"),
    "ledger:import-confirm":          Row("302 405 405 405 405 405 405 405", "302 404 302 404 404 404 404 404"),
    "ledger:import-alias":            Row("302 405 405 405 405 405 405 405", "302 404 302 404 404 404 404 404"),
    "ledger:import-undo":             Row("302 405 405 405 405 405 405 405", "302 404 302 404 404 404 404 404"),
    "ledger:import-row":              Row("302 405 405 405 405 405 405 405", "302 404 302 404 404 404 404 404"),
    "ledger:import-columns":          Row("302 405 405 405 405 405 405 405", "302 404 302 404 404 404 404 404"),
    # The dashboards (a leader sees their portfolio), the public page (anyone) and the
    # office's publishing, exports and bulletins.
    "dashboards:overview":            Row("302 403 200 200 403 403 403 403", "302 403 200 200 403 403 403 403"),
    "dashboards:chart":               Row("302 403 200 200 403 403 403 403", "302 403 200 200 403 403 403 403"),
    "dashboards:leader":              Row("302 404 200 200 404 404 404 404", "302 404 200 200 404 404 404 404"),
    "dashboards:leader-chart":        Row("302 404 200 200 404 404 404 404", "302 404 200 200 404 404 404 404"),
    "dashboards:unit":                Row("302 404 200 200 200 404 404 404", "302 404 200 200 200 404 404 404"),
    "dashboards:unit-chart":          Row("302 404 200 200 200 404 404 404", "302 404 200 200 200 404 404 404"),
    "dashboards:target-chart":        Row("302 404 200 200 200 200 200 404", "302 404 200 200 200 200 200 404"),
    "dashboards:metric-chart":        Row("302 404 200 200 200 200 200 200", "302 404 200 200 200 200 200 200"),
    "public:index":                   Row("200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200"),
    "public:project-publish":         Row("405 405 405 405 405 405 405 405", "302 403 302 403 403 403 403 403"),
    "public:project-take-down":       Row("405 405 405 405 405 405 405 405", "302 403 404 403 403 403 403 403"),
    "public:report-publish":          Row("405 405 405 405 405 405 405 405", "302 403 302 403 403 403 403 403"),
    "public:report-take-down":        Row("405 405 405 405 405 405 405 405", "302 403 404 403 403 403 403 403"),
    "exports:notice-annexes":         Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "exports:cycle-reports":          Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "exports:supervision-notice":     Row("302 404 200 200 200 404 404 404", "302 404 200 200 200 404 404 404"),
    "exports:leader-pack":            Row("302 404 200 200 404 404 404 404", "302 404 200 200 404 404 404 404"),
    "jobs:jobs":                      Row("302 200 200 200 200 200 200 200", "302 200 200 200 200 200 200 200"),
    "jobs:job":                       Row("302 404 200 404 404 404 404 404", "302 404 200 404 404 404 404 404"),  # the user's own jobs only
    "jobs:job-status":                Row("302 404 200 404 404 404 404 404", "302 404 200 404 404 404 404 404"),
    "jobs:job-download":              Row("302 404 200 404 404 404 404 404", "302 404 200 404 404 404 404 404"),
    "jobs:job-retry":                 Row("405 405 405 405 405 405 405 405", "302 404 302 404 404 404 404 404"),  # a finished job: refused with a message
    "bulletins:bulletins":            Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "bulletins:bulletin-issue":       Row("405 405 405 405 405 405 405 405", "302 403 302 403 403 403 403 403"),
    "bulletins:bulletin":             Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "bulletins:bulletin-download":    Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "bulletins:bulletin-figure":      Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "api:tokens":                     Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),  # POST without data: the form again
    "api:token-revoke":               Row("302 403 405 403 403 403 403 403", "302 403 302 403 403 403 403 403"),
    "api:webhooks":                   Row("302 403 200 403 403 403 403 403", "302 403 302 403 403 403 403 403"),
    "api:webhook":                    Row("302 403 200 403 403 403 403 403", "302 403 200 403 403 403 403 403"),
    "api:webhook-disable":            Row("302 403 405 403 403 403 403 403", "302 403 302 403 403 403 403 403"),
}

# The admin is for superusers only: the log-in page answers, everything else sends to it.
ADMIN = {
    "admin:login":                    Row("200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200"),
    "admin:*":                        Row("302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302"),
}
# fmt: on

# POST data that passes the row's form, so a refusal shows as a status, not as a form error.
DATA = {
    "ledger:unit-login-create": lambda w: {"username": "new-liaison", "name": "新联络员"},
    "ledger:official-login-create": lambda w: {
        "username": "new-leader",
        "name": "新领导",
        "role": "leader",
    },
    "targets:target-value": lambda w: {"value": "12", "on_date": f"{w.year}-06-30"},
    "supervision:notice-respond": lambda w: {"response": "已落实。"},
    "api:webhooks": lambda w: {"url": "https://example.org/duban-hook"},
    "supervision:problem-action": lambda w: {"text": "已协调。"},
    "supervision:instruction-answer": lambda w: {"answer": "已落实。"},
    "supervision:instruction-new": lambda w: {"text": "请抓紧。", "units": [w.lead_unit.pk]},
    "progress:report-review": lambda w: {"decision": "return", "comment": "请补充数据。"},
    "progress:milestone-confirm": lambda w: {
        "description": "完成立项",
        "due_on": f"{w.year}-12-31",
    },
}

KWARGS = {
    "targets:target": pk("target"),
    "targets:target-value": pk("target"),
    "targets:target-revise": pk("target"),
    "targets:notice-links": pk("notice"),
    "targets:link-add": pk("notice"),
    "targets:link-confirm": pk("link"),
    "targets:link-remove": pk("link"),
    "targets:metric": pk("metric"),
    "supervision:notice": pk("supervision_notice"),
    "supervision:notice-respond": pk("supervision_notice"),
    "supervision:notice-escalate": pk("supervision_notice"),
    "supervision:notice-close": pk("supervision_notice"),
    "supervision:notice-attachment": pk("notice_attachment"),
    "supervision:problem": pk("problem"),
    "supervision:problem-action": lambda w: {"pk": w.problem.pk, "action": "coordinate"},
    "supervision:notice-issue": lambda w: {"task_pk": w.task.pk},
    "supervision:problem-raise": lambda w: {"task_pk": w.task.pk},
    "supervision:notification-read": pk("notification"),
    "supervision:instruction": pk("instruction"),
    "supervision:instruction-answer": pk("instruction"),
    "supervision:instruction-close": pk("instruction"),
    "supervision:instruction-new": lambda w: {"task_pk": w.task.pk},
    "progress:cycle-open": pk("locked_cycle"),
    "progress:cycle-lock": pk("cycle"),
    "progress:report-start": lambda w: {"cycle_pk": w.cycle.pk, "task_pk": w.task.pk},
    "progress:report": pk("consolidated"),
    "progress:report-edit": pk("consolidated"),
    "progress:report-consolidate": pk("consolidated"),
    "progress:report-review": pk("part"),
    "progress:attachment-download": pk("attachment"),
    "progress:milestones": lambda w: {"task_pk": w.task.pk, "year": w.year},
    "progress:milestone-confirm": pk("milestone"),
    "progress:milestone-done": pk("milestone"),
    "ledger:task": pk("task"),
    "ledger:official": pk("official"),
    "ledger:unit": pk("lead_unit"),
    "ledger:unit-kind": pk("lead_unit"),
    "ledger:unit-login-create": pk("lead_unit"),
    "ledger:official-login-create": pk("official"),
    "accounts:login-deactivate": lambda w: {"pk": w.users["other"].pk},
    "accounts:login-reactivate": lambda w: {"pk": w.users["other"].pk},
    "accounts:login-password-reset": lambda w: {"pk": w.users["other"].pk},
    "ledger:unit-merge": pk("lead_unit"),
    "ledger:placeholder-resolve": pk("placeholder_assignment"),
    "ledger:notice": pk("notice"),
    "ledger:plan": pk("plan"),
    "ledger:import-preview": pk("import_draft"),
    "dashboards:chart": lambda w: {"chart": "totals"},
    "dashboards:leader": pk("official"),
    "dashboards:leader-chart": lambda w: {"pk": w.official.pk, "chart": "totals"},
    "dashboards:unit": pk("lead_unit"),
    "dashboards:unit-chart": lambda w: {"pk": w.lead_unit.pk, "chart": "status"},
    "dashboards:target-chart": pk("target"),
    "dashboards:metric-chart": pk("metric"),
    "public:project-publish": pk("task"),
    "public:project-take-down": pk("task"),
    "public:report-publish": pk("consolidated"),
    "public:report-take-down": pk("consolidated"),
    "exports:notice-annexes": lambda w: {"pk": w.notice.pk, "fmt": "xlsx"},
    "exports:cycle-reports": pk("cycle"),
    "exports:supervision-notice": pk("supervision_notice"),
    "exports:leader-pack": pk("official"),
    "jobs:job": pk("job"),
    "jobs:job-status": pk("job"),
    "jobs:job-download": pk("job"),
    "jobs:job-retry": pk("job"),
    "bulletins:bulletin": pk("bulletin"),
    "bulletins:bulletin-download": pk("bulletin"),
    "bulletins:bulletin-figure": lambda w: {"pk": w.bulletin.pk, "key": "tasks-red"},
    "ledger:import-columns": pk("import_draft"),
    "ledger:import-row": pk("import_draft"),
    "ledger:import-undo": pk("import_draft"),
    "ledger:import-alias": pk("import_draft"),
    "ledger:import-confirm": pk("import_draft"),
    "api:token-revoke": pk("api_token"),
    "api:webhook": pk("webhook"),
    "api:webhook-disable": pk("webhook"),
}
