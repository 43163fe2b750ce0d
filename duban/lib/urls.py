"""URLs for many rows of one page, reversed once."""

from collections.abc import Callable

from django.urls import reverse

from duban.lib.params import MAX_ID


def url_for_each(name: str) -> Callable[[int], str]:
    """The URL of the view `name`, which takes one key, for any key, as reverse() gives it.

    A table of two hundred rows linking two views each would spend a third of its rendering
    in reverse(); this reverses once, with a key no row holds, and puts each key in its place.
    """
    before, _, after = reverse(name, args=[MAX_ID]).rpartition(str(MAX_ID))
    return lambda key: f"{before}{key}{after}"
