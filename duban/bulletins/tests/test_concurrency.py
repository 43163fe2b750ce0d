"""Bulletins issued at the same moment, the year's first among them, get numbers 1, 2, 3…

Needs PostgreSQL: SQLite serialises writers on one file lock, so it proves nothing here.
"""

from datetime import date

from duban.bulletins.models import Bulletin
from duban.testing import ConcurrencyTestCase, build_cast, run_threads

THREADS = 4


class ConcurrentBulletinTestCase(ConcurrencyTestCase):
    def setUp(self):
        super().setUp()
        build_cast(self)

    def test_the_years_first_bulletins_issued_at_once_are_numbered_in_turn(self):
        def issue(i, barrier):
            barrier.wait()
            Bulletin.issue(on=date(2022, 9, 10), user=self.alice)

        self.assertEqual(run_threads(issue, THREADS), [])
        numbers = sorted(Bulletin.objects.filter(year=2022).values_list("number", flat=True))
        self.assertEqual(numbers, list(range(1, THREADS + 1)))
