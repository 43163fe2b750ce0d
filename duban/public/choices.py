from django.db import models


class Visibility(models.TextChoices):
    PUBLISHED = "published", "已公开"
    TAKEN_DOWN = "taken_down", "已撤下"
