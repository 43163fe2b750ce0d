from django.conf import settings
from django.db import models

from duban.accounts.choices import LEADER_ROLES, UserRole


class Profile(models.Model):
    """What a user is in duban: the office, a district leader or their secretary, or a unit's
    liaison."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="profile", verbose_name="用户"
    )
    role = models.CharField("角色", max_length=16, choices=UserRole.choices)
    official = models.ForeignKey(
        "ledger.Official",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name="区领导",
    )
    unit = models.ForeignKey(
        "ledger.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name="单位",
    )
    phone = models.CharField("手机", max_length=20, blank=True)

    class Meta:
        verbose_name = "用户角色"
        verbose_name_plural = "用户角色"
        # The OneToOne's unique index on user_id backs this ordering.
        ordering = ["user"]
        constraints = [
            models.CheckConstraint(
                name="accounts_profile_leader_has_official",
                condition=~models.Q(role__in=LEADER_ROLES) | models.Q(official__isnull=False),
            ),
            models.CheckConstraint(
                name="accounts_profile_unit_has_unit",
                condition=~models.Q(role=UserRole.UNIT) | models.Q(unit__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user.get_username()}（{self.get_role_display()}）"

    def get_absolute_url(self) -> str:
        """The page this user starts from: their portfolio, their unit, or the ledger."""
        if self.role in LEADER_ROLES:
            return self.official.get_absolute_url()
        if self.role == UserRole.UNIT:
            return self.unit.get_absolute_url()
        return "/"
