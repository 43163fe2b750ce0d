from django import template

register = template.Library()


@register.filter
def figure_rows(figure: dict) -> list[tuple[str, list[dict]]]:
    """A figure's cells by category, one per series: the rows of its table."""
    return [
        (category, [series["data"][i] for series in figure["series"]])
        for i, category in enumerate(figure["categories"])
    ]
