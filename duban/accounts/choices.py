from django.db import models


class UserRole(models.TextChoices):
    """What a log-in is: the office, a leader, a leader's secretary or a unit's liaison."""

    OFFICE = "office", "督查室"
    LEADER = "leader", "区领导"
    # Sees the leader's portfolio and acts for the leader; what they do is recorded as theirs.
    SECRETARY = "secretary", "领导秘书"
    UNIT = "unit", "单位联络员"


# The log-ins the office creates and manages in duban; office log-ins stay with the admin.
MANAGED_ROLES = [UserRole.UNIT, UserRole.LEADER, UserRole.SECRETARY]

# The log-ins that stand for a district leader (`Profile.official`).
LEADER_ROLES = [UserRole.LEADER, UserRole.SECRETARY]
