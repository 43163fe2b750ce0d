"""Two first imports of one notice at once make one notice, not two.

Needs PostgreSQL: SQLite's IMMEDIATE transactions already run writers one at a time.
"""

from duban.ledger.importing import apply_import, prepare_parsed
from duban.ledger.models import Notice, Task
from duban.ledger.tests.reference import reference_notice
from duban.parsing import from_json
from duban.testing import ConcurrencyTestCase, run_threads

THREADS = 4


class ConcurrentImportsTestCase(ConcurrencyTestCase):
    def test_simultaneous_first_imports_of_one_notice_create_it_once(self):
        # Each prepared before any is applied: all of them saw an empty ledger.
        previews = [prepare_parsed(from_json(reference_notice())) for _ in range(THREADS)]
        notices = []

        def apply(i, barrier):
            barrier.wait()
            notices.append(apply_import(previews[i]).pk)

        self.assertEqual(run_threads(apply, THREADS), [])
        assert Notice.objects.count() == 1
        assert set(notices) == {Notice.objects.get().pk}
        assert Task.objects.count() == 161
