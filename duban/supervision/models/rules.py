"""What the supervision models share: response days, liaisons and leaders."""

from django.conf import settings
from django.contrib.auth import get_user_model

from duban.accounts.choices import LEADER_ROLES, UserRole
from duban.supervision.choices import Tier

# The response days a 督办单 of each tier gives, unless settings.DUBAN_NOTICE_RESPONSE_DAYS says otherwise.
DEFAULT_RESPONSE_DAYS = {Tier.REMIND: 7, Tier.WARN: 5, Tier.BULLETIN: 3}
TIER_ORDER = [Tier.REMIND, Tier.WARN, Tier.BULLETIN]


def response_days(tier: str) -> int:
    return {**DEFAULT_RESPONSE_DAYS, **settings.DUBAN_NOTICE_RESPONSE_DAYS}[tier]


def escalation_grace_days() -> int:
    """Days after a notice's response deadline before `duban remind` escalates it."""
    return settings.DUBAN_NOTICE_ESCALATE_AFTER_DAYS


def liaisons(unit_ids):
    """Active users who act for one of the units (their liaisons)."""
    return get_user_model().objects.filter(
        is_active=True, profile__role=UserRole.UNIT, profile__unit__in=unit_ids
    )


def leader_users(task):
    """Active users who are one of the task's leaders, or act for one (their secretaries)."""
    return get_user_model().objects.filter(
        is_active=True,
        profile__role__in=LEADER_ROLES,
        profile__official__in=task.task_leaders.values("official_id"),
    )


def official_users(officials):
    """Active users who are one of the officials, or act for one (their secretaries)."""
    return get_user_model().objects.filter(
        is_active=True, profile__role__in=LEADER_ROLES, profile__official__in=officials
    )


def office_users():
    """Active users of the supervision office (督查室)."""
    return get_user_model().objects.filter(is_active=True, profile__role=UserRole.OFFICE)
