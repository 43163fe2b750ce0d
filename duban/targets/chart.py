"""The trajectory chart of a target: what is due month by month against the values reported.

Coordinates are computed here and drawn by templates/targets/inc/trajectory.html as inline SVG.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from duban.lib.pacing import month_end
from duban.lib.text import plain_number
from duban.targets.choices import TargetPeriod
from duban.targets.models import Target

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 32


@dataclass
class Chart:
    planned: str  # polyline points
    dots: list[dict]  # x, y, title
    y_ticks: list[dict]  # y, label
    x_ticks: list[dict]  # x, label
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom_y: int = HEIGHT - BOTTOM
    right_x: int = WIDTH - RIGHT


def _months(target: Target, today: date) -> list[date]:
    plan = target.task.plan
    first = plan.start_year or today.year
    last = plan.end_year or first
    if target.period not in (TargetPeriod.CUMULATIVE, TargetPeriod.ANNUAL_AVERAGE):
        last = first
    return [month_end(year, month) for year in range(first, last + 1) for month in range(1, 13)]


def trajectory(target: Target, today: date) -> Chart:
    """Due by month against the values reported, over the target's plan years (or this year)."""
    months = _months(target, today)
    index = {(d.year, d.month): i for i, d in enumerate(months)}
    planned = [(i, target.pace_on(d)) for i, d in enumerate(months)]
    reported = [
        (index[(m.on_date.year, m.on_date.month)], m)
        for m in target.measurements_in_effect()
        if (m.on_date.year, m.on_date.month) in index
    ]
    values = [v for _, v in planned] + [m.value for _, m in reported]
    top = max([*values, Decimal(0)]) * Decimal("1.1") or Decimal(1)
    bottom = min([*values, Decimal(0)])
    span = float(top - bottom) or 1.0

    def x(i: int) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (i + 0.5) / len(months)

    def y(v: Decimal) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - float(v - bottom) / span)

    # One tick a month within a year; one a year (at January) over several years.
    several_years = len(months) > 12
    return Chart(
        planned=" ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in planned),
        dots=[
            {
                "x": round(x(i), 1),
                "y": round(y(m.value), 1),
                "title": f"{m.on_date:%Y-%m}：{plain_number(m.value)}{m.unit}",
            }
            for i, m in reported
        ],
        y_ticks=[
            {"y": round(y(v), 1), "label": plain_number(v)}
            for v in (bottom, bottom + (top - bottom) / 2, top)
        ],
        x_ticks=[
            {
                "x": round(x(i), 1),
                "label": f"{d.year}年" if several_years else f"{d.month}月",
            }
            for i, d in enumerate(months)
            if d.month == 1 or not several_years
        ],
    )
