"""Task status with history, 督办单 with escalation, problems with leaders' instructions, and
in-app notifications.

Every state change is a model method that checks the user's role and the current state
(`duban.lib.transitions`), writes by compare-and-set in a transaction and an audit entry.
"""

from duban.supervision.models.instructions import (
    Instruction,
    InstructionQuerySet,
    InstructionUnit,
    responsible_units,
)
from duban.supervision.models.notices import (
    NoticeAttachment,
    SupervisionNotice,
    SupervisionNoticeQuerySet,
    escalate_late_notices,
    late_notices,
    notice_units,
)
from duban.supervision.models.notifications import (
    Notification,
    NotificationQuerySet,
    ReminderSent,
    about_key,
)
from duban.supervision.models.problems import (
    PROBLEM_ACTIONS,
    CoordinationNote,
    Problem,
    ProblemQuerySet,
)
from duban.supervision.models.rules import (
    DEFAULT_RESPONSE_DAYS,
    TIER_ORDER,
    escalation_grace_days,
    leader_users,
    liaisons,
    office_users,
    official_users,
    response_days,
)
from duban.supervision.models.statuses import StatusChange, TaskStatus, by_severity
from duban.supervision.models.tallies import ColourTally, LeaderTally, PlanTally, UnitTally

__all__ = [
    "DEFAULT_RESPONSE_DAYS",
    "TIER_ORDER",
    "PROBLEM_ACTIONS",
    "CoordinationNote",
    "Instruction",
    "InstructionQuerySet",
    "InstructionUnit",
    "LeaderTally",
    "PlanTally",
    "ColourTally",
    "UnitTally",
    "SupervisionNoticeQuerySet",
    "NoticeAttachment",
    "Notification",
    "NotificationQuerySet",
    "Problem",
    "ReminderSent",
    "ProblemQuerySet",
    "StatusChange",
    "SupervisionNotice",
    "TaskStatus",
    "about_key",
    "by_severity",
    "escalate_late_notices",
    "late_notices",
    "notice_units",
    "escalation_grace_days",
    "leader_users",
    "liaisons",
    "official_users",
    "office_users",
    "response_days",
    "responsible_units",
]
