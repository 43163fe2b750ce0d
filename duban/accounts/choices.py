from django.db import models


class UserRole(models.TextChoices):
    """What a log-in is: the office, a leader or a unit's liaison."""

    OFFICE = "office", "督查室"
    LEADER = "leader", "区领导"
    UNIT = "unit", "单位联络员"


# The log-ins the office creates and manages in duban; office log-ins stay with the admin.
MANAGED_ROLES = [UserRole.UNIT, UserRole.LEADER]
