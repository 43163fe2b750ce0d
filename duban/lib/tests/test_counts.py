"""Counts a page can afford: exact under the cap, estimated or “at least” past it."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test import TestCase

from duban.lib.counts import Tally, bounded_count, group_counts


class TallyTestCase(TestCase):
    def test_an_exact_count_reads_as_the_number(self):
        assert str(Tally(987)) == "987"

    def test_an_estimate_reads_in_wan_past_ten_thousand(self):
        assert str(Tally(123_456, estimated=True)) == "约 12.3 万"
        assert str(Tally(120_000, estimated=True)) == "约 12 万"
        assert str(Tally(3_456, estimated=True)) == "约 3500"

    def test_a_lower_bound_reads_with_a_plus(self):
        assert str(Tally(1000, at_least=True)) == "1000+"

    def test_tallies_add_up_and_keep_what_they_are(self):
        assert Tally(2) + Tally(3) == Tally(5)
        assert sum([Tally(2), Tally(3, estimated=True)]) == Tally(5, estimated=True)


class BoundedCountTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        Group.objects.bulk_create(Group(name=f"{kind}{i}") for kind in "甲乙" for i in range(6))

    def test_under_the_cap_the_count_is_exact(self):
        assert bounded_count(Group.objects.all(), cap=20) == Tally(12)

    def test_past_the_cap_it_is_estimated_or_at_least_the_cap(self):
        tally = bounded_count(Group.objects.all(), cap=5)
        assert not tally.exact
        if connection.vendor == "postgresql":
            assert tally.estimated and tally.n > 5
        else:
            assert tally == Tally(5, at_least=True)

    def test_group_counts_are_exact_under_the_cap(self):
        counts = group_counts(Group.objects.filter(name__in=["甲1", "乙2"]), "name", [], cap=20)
        assert counts == {"甲1": Tally(1), "乙2": Tally(1)}

    def test_past_the_cap_each_group_is_counted_on_its_own_up_to_the_cap(self):
        groups = Group.objects.exclude(name="甲0")
        counts = group_counts(groups, "name", ["甲1", "乙1", "丙1"], cap=5)
        assert counts == {"甲1": Tally(1), "乙1": Tally(1)}
