from django.db import models


class TokenScope(models.TextChoices):
    """What a token may do on top of reading what its user may read."""

    READ = "read", "只读"
    READ_WRITE = "read-write", "读写"
    # A statistics bureau's system: posts indicator values and nothing else.
    STATISTICS = "statistics-release", "统计发布"


class DeliveryState(models.TextChoices):
    PENDING = "pending", "待发送"
    DELIVERED = "delivered", "已送达"
    FAILED = "failed", "已放弃"
