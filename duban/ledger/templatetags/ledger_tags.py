from datetime import datetime

from django import template
from django.utils import timezone

from duban.ledger.changes import display
from duban.ledger.importing.wording import warning_text
from duban.ledger.rows import table_rows
from duban.lib import clock
from duban.lib.text import clip as clip_text
from duban.lib.text import spoken_date

register = template.Library()


@register.filter
def change_value(value) -> str:
    """A field value of the change report as the console prints it (区发改局（牵头）、…)."""
    return display(value)


@register.filter
def percent(value) -> str:
    """A confidence between 0 and 1 as a whole percentage: 0.834 → 83%."""
    if value is None:
        return "—"
    return f"{round(float(value) * 100)}%"


@register.filter
def parse_warning(warning: dict) -> str:
    """A parser warning in the office's words."""
    return warning_text(warning)


@register.filter
def clip(value, length: int) -> str:
    """Text cut to `length` characters, ending in 「…」 as the task tables end it."""
    return clip_text(str(value), int(length))


@register.simple_tag
def task_rows(tasks) -> list:
    """The table rows of tasks loaded by ledger_rows(): {% task_rows tasks as rows %}."""
    return table_rows(tasks)


@register.filter
def spoken(value) -> str:
    """A date or time as a sentence says it: 9月10日, with the year when it is not this one."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = timezone.localdate(value)
    return spoken_date(value, clock.today())
