import pytest
from django.urls import NoReverseMatch, reverse

from duban.lib.urls import url_for_each


def test_url_for_each_gives_what_reverse_gives():
    task_url = url_for_each("ledger:task")
    for key in (1, 42, 10**12):
        assert task_url(key) == reverse("ledger:task", args=[key])


def test_url_for_each_puts_the_key_where_the_path_takes_it():
    assert url_for_each("ledger:unit-kind")(7) == reverse("ledger:unit-kind", args=[7])


def test_url_for_each_refuses_a_view_without_a_key():
    with pytest.raises(NoReverseMatch):
        url_for_each("ledger:tasks")
