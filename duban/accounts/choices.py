from django.db import models


class Role(models.TextChoices):
    OFFICE = "office", "督查室"
    LEADER = "leader", "区领导"
    UNIT = "unit", "单位联络员"
