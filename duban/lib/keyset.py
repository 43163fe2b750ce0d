"""Keyset pagination: a page cut by a cursor over the ordering columns, never by an offset.

A page after row R is `WHERE (k1, k2, …) > R's keys ORDER BY k1, k2, … LIMIT n`, which an
index on the keys answers by reading n rows wherever the page is; an OFFSET reads and
throws away every row before it. The cursor is opaque in the URL (?after= / ?before=); one
that does not decode, or names a row that no longer exists, is ignored or just lands on the
next rows, never an error.
"""

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, Q, QuerySet, prefetch_related_objects

# Row comparison (a, b, c) > (x, y, z), as Django builds it for composite keys: PostgreSQL
# answers it with one index range scan, SQLite with row values (3.15+).
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan

PAGE_SIZE = 50
DIRECTIONS = ("after", "before")


@dataclass
class KeysetPage:
    """The rows of one page and the cursors of the pages around it."""

    object_list: list
    next_cursor: str = ""
    previous_cursor: str = ""
    is_first: bool = True

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    @property
    def has_next(self) -> bool:
        return bool(self.next_cursor)

    @property
    def has_previous(self) -> bool:
        return bool(self.previous_cursor)


def keyset_page(
    queryset: QuerySet,
    keys: Sequence[str],
    params,
    *,
    size: int = PAGE_SIZE,
    groups: Sequence[Q] = (Q(),),
) -> KeysetPage:
    """The page of `queryset` that `params` (request.GET) asks for by ?after= or ?before=.

    `keys` are field or annotation names, all ascending or all descending ("-name"), the
    last one unique (the pk). `groups` are filters listed one after another, each ordered by
    the keys: an order that leads with a rank no index holds (the most urgent colour first)
    walks one indexed group after the other instead of sorting everything.
    """
    descending = keys[0].startswith("-")
    if any(key.startswith("-") != descending for key in keys):
        raise ValueError("keyset keys must all run the same way")
    names = [key.lstrip("-") for key in keys]
    prefetches = queryset._prefetch_related_lookups  # noqa: SLF001 (run once for the page)
    queryset = queryset.prefetch_related(None)
    direction, cursor = _requested(queryset, names, params, len(groups))
    backwards = direction == "before"
    rows = _walk(
        queryset, names, groups, cursor, size + 1, backwards=backwards, descending=descending
    )
    more = len(rows) > size
    rows = rows[:size]
    if backwards:
        rows.reverse()
        if not rows:
            # Nothing before the cursor any more: start again at the first page.
            return keyset_page(queryset, keys, {}, size=size, groups=groups)
    prefetch_related_objects([row for _, row in rows], *prefetches)
    first, last = (rows[0], rows[-1]) if rows else (None, None)
    has_previous = more if backwards else cursor is not None
    has_next = (more if not backwards else True) and last is not None
    return KeysetPage(
        object_list=[row for _, row in rows],
        next_cursor=_encode(last, names) if has_next else "",
        previous_cursor=_encode(first, names) if has_previous and first else "",
        is_first=not has_previous,
    )


def _walk(queryset, names, groups, cursor, limit, *, backwards, descending) -> list:
    """Up to `limit` (group, row) pairs past `cursor`, in the order of travel: groups in
    list order (reversed going back), the keys inside each as they run (reversed going back).
    """
    found: list[tuple[int, object]] = []
    ascending = descending == backwards
    order = [F(name).asc() if ascending else F(name).desc() for name in names]
    start = cursor[0] if cursor is not None else None
    if backwards:
        indexes = range(len(groups) - 1 if start is None else start, -1, -1)
    else:
        indexes = range(start or 0, len(groups))
    for index in indexes:
        page = queryset.filter(groups[index])
        if cursor is not None and cursor[0] == index:
            past = TupleGreaterThan if ascending else TupleLessThan
            page = page.filter(past(Tuple(*[F(name) for name in names]), cursor[1]))
        page = page.order_by(*order)[: limit - len(found)]
        found.extend((index, row) for row in page)
        if len(found) >= limit:
            break
    return found


def _requested(queryset, names, params, groups: int):
    """(direction, (group, values)) of the cursor in `params`, or ("after", None)."""
    for direction in DIRECTIONS:
        text = params.get(direction)
        if text:
            cursor = _decode(queryset, names, text, groups)
            if cursor is not None:
                return direction, cursor
    return "after", None


def _encode(pair, names) -> str:
    group, row = pair
    values = [group, *(getattr(row, name) for name in names)]
    data = json.dumps(values, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _decode(queryset, names, text: str, groups: int):
    try:
        data = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        group, *values = data
        if not isinstance(group, int) or not 0 <= group < groups or len(values) != len(names):
            return None
        fields = [queryset.query.resolve_ref(name).output_field for name in names]
        return group, tuple(_value(f, v) for f, v in zip(fields, values, strict=True))
    except (ValueError, TypeError, ValidationError, binascii.Error, UnicodeDecodeError):
        return None


def _value(field, raw):
    """`raw` as `field` holds it, refused when the column could not (an int past its range)."""
    value = field.to_python(raw)
    field.run_validators(value)
    return value


def page_query(params) -> str:
    """`params` (request.GET) without the cursor, for links that keep the filters."""
    kept = params.copy()
    for name in (*DIRECTIONS, "page"):
        kept.pop(name, None)
    return kept.urlencode()
