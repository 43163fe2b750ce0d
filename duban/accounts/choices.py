from django.db import models


class UserRole(models.TextChoices):
    """What a log-in is: the office, a leader or a unit's liaison."""

    OFFICE = "office", "督查室"
    LEADER = "leader", "区领导"
    UNIT = "unit", "单位联络员"
