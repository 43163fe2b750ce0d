from django import template

from duban.ledger.changes import display

register = template.Library()


@register.filter
def change_value(value) -> str:
    """A field value of the change report as the console prints it (区发改局（牵头）、…)."""
    return display(value)
