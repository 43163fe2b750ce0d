"""Keyset pagination: a list is walked by (ordering key, pk) with an opaque cursor, so pages
stay stable while rows are added and no page costs an OFFSET scan."""

import base64
import json

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q, QuerySet

from duban.api.errors import ApiError

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
# The largest key an integer column holds: a larger one is a refusal, not a database error.
MAX_ID = 2**31 - 1
BAD_CURSOR = "翻页游标无效。"


def _encode(values: list) -> str:
    raw = json.dumps(values, cls=DjangoJSONEncoder, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, queryset: QuerySet, key: str) -> tuple:
    """The (key value, pk) a cursor holds, checked against the key's column."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except ValueError as exc:  # UnicodeDecodeError and binascii.Error are ValueErrors
        raise ApiError(400, "bad_cursor", BAD_CURSOR) from exc
    if not isinstance(values, list) or len(values) != 2:
        raise ApiError(400, "bad_cursor", BAD_CURSOR)
    value, pk = values
    if type(pk) is not int or not 0 < pk <= MAX_ID:
        raise ApiError(400, "bad_cursor", BAD_CURSOR)
    if key == "pk":
        return pk, pk
    field = queryset.model._meta.get_field(key)
    try:
        return field.to_python(value), pk
    except ValidationError as exc:
        raise ApiError(400, "bad_cursor", BAD_CURSOR) from exc


def keyset_page(
    queryset: QuerySet, cursor: str | None, limit: int, key: str = "pk", descending=False
) -> dict:
    """One page of `queryset` ordered by (`key`, pk), and the cursor of the next (None at the end)."""
    sign = "-" if descending else ""
    after = "lt" if descending else "gt"
    rows = queryset.order_by(f"{sign}{key}", f"{sign}pk")
    if cursor:
        value, pk = _decode(cursor, queryset, key)
        rows = rows.filter(Q(**{f"{key}__{after}": value}) | Q(**{key: value, f"pk__{after}": pk}))
    limit = max(1, min(limit, MAX_LIMIT))
    items = list(rows[: limit + 1])
    more = len(items) > limit
    items = items[:limit]
    next_cursor = None
    if more:
        last = items[-1]
        next_cursor = _encode([getattr(last, key), last.pk])
    return {"items": items, "next": next_cursor}
