"""Keyset pages: cut by a cursor over the ordering keys, both ways, over groups in turn."""

from django.contrib.auth.models import Group
from django.db.models import Q
from django.http import QueryDict
from django.test import TestCase

from duban.lib.keyset import keyset_page, page_query

NAMES = ["甲", "乙", "丙", "丁", "戊"]


class KeysetPageTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.groups = [Group.objects.create(name=name) for name in NAMES]

    def walk(self, keys, size, **kwargs) -> list[list[str]]:
        """Every page from the first, following the next cursors."""
        pages, params = [], {}
        while True:
            page = keyset_page(Group.objects.all(), keys, params, size=size, **kwargs)
            pages.append([group.name for group in page])
            if not page.has_next:
                return pages
            params = {"after": page.next_cursor}

    def test_it_walks_forward_in_key_order(self):
        pages = self.walk(["pk"], 2)
        assert pages == [["甲", "乙"], ["丙", "丁"], ["戊"]]

    def test_descending_keys_walk_newest_first(self):
        assert self.walk(["-pk"], 2) == [["戊", "丁"], ["丙", "乙"], ["甲"]]

    def test_groups_are_walked_one_after_the_other(self):
        odd = Q(pk__in=[self.groups[1].pk, self.groups[3].pk])
        pages = self.walk(["pk"], 2, groups=[odd, ~odd])
        assert pages == [["乙", "丁"], ["甲", "丙"], ["戊"]]

    def test_the_previous_cursor_comes_back_to_the_page_before(self):
        odd = Q(pk__in=[self.groups[1].pk, self.groups[3].pk])
        first = keyset_page(Group.objects.all(), ["pk"], {}, size=2, groups=[odd, ~odd])
        assert not first.has_previous
        second = keyset_page(
            Group.objects.all(), ["pk"], {"after": first.next_cursor}, size=2, groups=[odd, ~odd]
        )
        back = keyset_page(
            Group.objects.all(),
            ["pk"],
            {"before": second.previous_cursor},
            size=2,
            groups=[odd, ~odd],
        )
        assert back.object_list == first.object_list
        assert not back.has_previous and back.has_next

    def test_a_cursor_past_a_deleted_row_lands_on_the_next_rows(self):
        first = keyset_page(Group.objects.all(), ["name", "pk"], {}, size=2)
        Group.objects.filter(pk__in=[g.pk for g in first]).delete()
        after = keyset_page(Group.objects.all(), ["name", "pk"], {"after": first.next_cursor})
        assert [g.name for g in after] == sorted(set(NAMES) - {g.name for g in first})

    def test_keys_that_run_both_ways_are_refused(self):
        with self.assertRaises(ValueError):
            keyset_page(Group.objects.all(), ["name", "-pk"], {})

    def test_the_links_keep_the_filters_but_not_the_cursor(self):
        params = QueryDict("q=农田&after=abc&before=def&page=3&plan=2")
        assert page_query(params) == "q=%E5%86%9C%E7%94%B0&plan=2"
