"""The shared cast (duban.testing) plus a second leader, for the supervision permission rules.

From `BaseTestCase`: alice (office), lin (leader of `task`), bob (lead unit 区发改局),
charlie (cooperating unit 区财政局), dave (区教育局, outsider to `task`). Added here: wang,
a second leader with his own task, which dave's unit leads.
"""

from duban.accounts.choices import Role as AccountRole
from duban.ledger.choices import Role
from duban.ledger.models import Official
from duban.testing import BaseTestCase, make_section, make_task, make_user


class SupervisionTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.wang_official = Official.objects.create(name="王明", titles=["副区长"])
        section = make_section(cls.plan, [cls.wang_official], position=1)
        cls.wang_task = make_task(section, "3", "新建学校 3 所。", [(cls.jiaoyu, Role.LEAD)])
        cls.wang = make_user("wang", AccountRole.LEADER, official=cls.wang_official)
