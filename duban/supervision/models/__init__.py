"""Task status with history, 督办单 with escalation, problems with leaders' instructions, and
in-app notifications.

Every state change is a model method that checks the current state (`StateError` otherwise),
runs in a transaction and writes an audit entry.
"""

from duban.supervision.models.notices import (
    NoticeQuerySet,
    SupervisionNotice,
    escalate_late_notices,
)
from duban.supervision.models.notifications import (
    Notification,
    NotificationQuerySet,
    ReminderSent,
)
from duban.supervision.models.problems import (
    CoordinationNote,
    Instruction,
    Problem,
    ProblemQuerySet,
)
from duban.supervision.models.rules import (
    DEFAULT_RESPONSE_DAYS,
    TIER_ORDER,
    StateError,
    escalation_grace_days,
    leader_users,
    liaisons,
    require_state,
    response_days,
)
from duban.supervision.models.statuses import StatusChange, TaskStatus

__all__ = [
    "DEFAULT_RESPONSE_DAYS",
    "TIER_ORDER",
    "CoordinationNote",
    "Instruction",
    "NoticeQuerySet",
    "Notification",
    "NotificationQuerySet",
    "Problem",
    "ReminderSent",
    "ProblemQuerySet",
    "StateError",
    "StatusChange",
    "SupervisionNotice",
    "TaskStatus",
    "escalate_late_notices",
    "escalation_grace_days",
    "leader_users",
    "liaisons",
    "require_state",
    "response_days",
]
