"""The progress tests' additions to the cast (duban.testing): a cycle, a deadline and wang's task.

- `task` (林杰's; 区发改局 leads, 区商务局 shares, 区财政局 cooperates) is due 12月底前;
- `wang_task` (王明's, `make_wang_task`) is led by 区教育局 (dave), due 6月底前; the other units
  have nothing to do with it;
- `cycle` is the plan's open monthly cycle of March 2022.
"""

from datetime import date

from duban.ledger.models import Task
from duban.testing import BaseTestCase, make_cycle, make_wang_task


def add_progress_data(obj) -> None:
    """Set the additions as attributes of `obj`, which already holds the cast."""
    Task.objects.filter(pk=obj.task.pk).update(deadline="12月底前", due=date(2022, 12, 31))
    obj.task.refresh_from_db()
    obj.wang_task = make_wang_task(obj, deadline="6月底前")
    obj.cycle = make_cycle(obj.plan)


class ProgressTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        add_progress_data(cls)
