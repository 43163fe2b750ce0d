"""Age brackets of open problems and 督办单, shared by the overview and the lists it links to."""

from datetime import date, timedelta

# Bracket: (label, fewest days, most days or None for no limit).
AGES = {
    "week": ("7天内", 0, 7),
    "month": ("8–30天", 8, 30),
    "older": ("30天以上", 31, None),
}


def date_range(bracket: str, today: date) -> tuple[date | None, date]:
    """The first and last day (None: no first day) on which something of that age began."""
    _, fewest, most = AGES[bracket]
    first = today - timedelta(days=most) if most is not None else None
    return first, today - timedelta(days=fewest)
