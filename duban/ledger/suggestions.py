"""Type-ahead suggestions for the plan, unit and leader filters: a few the user may filter by.

A province has thousands of units; the filter forms render only the chosen one and ask here
for the rest as the user types. Each answer is one query, cut at `LIMIT` rows in name order,
so the database walks the unique index on name and stops at the LIMIT-th match.
"""

from django.db.models import OuterRef, Q, Subquery, Value

from duban.ledger.access import filterable_officials, filterable_units, visible_plans
from duban.ledger.models import LONG_TITLE_FIELDS, UnitAlias
from duban.ledger.names import normalise_name

LIMIT = 20


def suggest_units(user, typed: str, limit: int = LIMIT) -> list[dict]:
    """Units of `user`'s filter whose name or an alias contains `typed`, by name; an alias
    that matched where the name did not comes as the hint."""
    units = filterable_units(user).order_by("name")
    key = normalise_name(typed)
    if key:
        aliases = UnitAlias.objects.filter(alias__contains=key)
        units = units.filter(Q(name__contains=key) | Q(pk__in=aliases.values("unit_id")))
        units = units.annotate(
            alias=Subquery(aliases.filter(unit=OuterRef("pk")).values("alias")[:1])
        )
    else:
        units = units.annotate(alias=Value(""))
    rows = units.values_list("pk", "name", "alias")[:limit]
    return [
        {"id": pk, "text": name, "hint": "" if key in name else alias} for pk, name, alias in rows
    ]


def suggest_officials(user, typed: str, limit: int = LIMIT) -> list[dict]:
    """Leaders of `user`'s filter whose name contains `typed`, by name, their titles as the hint."""
    officials = filterable_officials(user).order_by("name")
    key = normalise_name(typed)
    if key:
        officials = officials.filter(name__contains=key)
    rows = officials.values_list("pk", "name", "titles")[:limit]
    return [{"id": pk, "text": name, "hint": "、".join(titles or [])} for pk, name, titles in rows]


def suggest_plans(user, typed: str, limit: int = LIMIT) -> list[dict]:
    """Plans `user` sees whose title, or whose notice's number or title, contains `typed`:
    the latest notices first, each notice's annexes in order."""
    plans = visible_plans(user).select_related("notice").order_by("-notice_id", "position")
    key = " ".join(typed.split())
    if key:
        plans = plans.filter(
            Q(title__contains=key)
            | Q(notice__doc_number__contains=key)
            | Q(notice__title__contains=key)
        )
    plans = plans.only(*LONG_TITLE_FIELDS)[:limit]
    return [{"id": plan.pk, "text": plan.long_title, "hint": ""} for plan in plans]
