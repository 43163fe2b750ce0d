"""Reminders to unit liaisons about reports due soon or overdue, by e-mail and in duban.

`duban remind` runs this once a day: one e-mail per liaison lists all their unit's reports
that fall due within N days or are late, worded by the latest of them. A second run on the
same day sends nothing again.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction

from duban.progress.choices import CycleState
from duban.progress.models import Report, ReportingCycle
from duban.progress.owed import Deliveries, answering_units
from duban.supervision.choices import Urgency
from duban.supervision.emails import send
from duban.supervision.models import Notification, ReminderSent, liaisons

# Reports an e-mail lists at most: a province's unit can owe hundreds, which no one reads in
# a mail and which took most of `remind`'s time to render.
MAIL_ITEMS = 30
URGENCY_ORDER = [Urgency.DUE_SOON, Urgency.OVERDUE, Urgency.SERIOUSLY_OVERDUE]
SUBJECTS = {
    Urgency.DUE_SOON: "【提醒】{count} 项进度报告即将到期",
    Urgency.OVERDUE: "【催报】{count} 项进度报告已逾期，请尽快报送",
    Urgency.SERIOUSLY_OVERDUE: "【严重逾期】{count} 项进度报告严重逾期，请立即报送",
}


def remind_days() -> int:
    return settings.DUBAN_REMIND_DAYS


def serious_days() -> int:
    """Days past the due date after which a missing report is 严重逾期."""
    return settings.DUBAN_REMIND_SERIOUS_DAYS


def urgency_of(due_on: date, today: date) -> str:
    late = (today - due_on).days
    if late <= 0:
        return Urgency.DUE_SOON
    if late <= serious_days():
        return Urgency.OVERDUE
    return Urgency.SERIOUSLY_OVERDUE


@dataclass(frozen=True)
class DueItem:
    """One report a unit still owes."""

    task: object
    cycle: ReportingCycle
    urgency: str
    days_late: int

    @property
    def urgency_label(self) -> str:
        return Urgency(self.urgency).label


@dataclass
class Reminder:
    """The e-mail (and notification) one liaison receives."""

    user: object
    unit: object
    items: list[DueItem] = field(default_factory=list)

    @property
    def urgency(self) -> str:
        return max((i.urgency for i in self.items), key=URGENCY_ORDER.index)

    @property
    def subject(self) -> str:
        return SUBJECTS[self.urgency].format(count=len(self.items))

    @property
    def shown(self) -> list[DueItem]:
        """The items the e-mail lists, the earliest due first; 本单位报送 lists them all."""
        return self.items[:MAIL_ITEMS]

    @property
    def more(self) -> int:
        """The items past those the e-mail lists."""
        return len(self.items) - len(self.shown)


def outstanding_reports(today: date, days: int) -> dict:
    """{unit: [DueItem]} for open cycles due by today + days whose report the unit has not sent."""
    cycles = list(
        ReportingCycle.objects.filter(
            state=CycleState.OPEN, due_on__lte=today + timedelta(days=days)
        ).order_by("due_on")
    )
    deliveries = Deliveries.of(Report.objects.filter(cycle__in=cycles).delivered())
    tasks_of, units_of = answering_units({cycle.plan_id for cycle in cycles})
    owed: dict = {}
    for cycle in cycles:
        pairs = [(task, unit) for task in tasks_of[cycle.plan_id] for unit in units_of[task.pk]]
        for task, unit in sorted(pairs, key=lambda p: (p[1].name, p[0].position)):
            if not deliveries.owes(cycle.pk, task.pk, unit.pk):
                continue
            item = DueItem(
                task, cycle, urgency_of(cycle.due_on, today), (today - cycle.due_on).days
            )
            owed.setdefault(unit, []).append(item)
    return owed


def build_reminders(today: date, days: int) -> list[Reminder]:
    """One reminder per liaison of each unit that owes reports (e-mail address or not)."""
    owed = outstanding_reports(today, days)
    # The liaisons of every unit that owes, in one query rather than one per unit.
    users = liaisons([unit.pk for unit in owed]).select_related("profile").order_by("username")
    by_unit = defaultdict(list)
    for user in users:
        by_unit[user.profile.unit_id].append(user)
    return [
        Reminder(user, unit, items) for unit, items in owed.items() for user in by_unit[unit.pk]
    ]


def send_reminder(reminder: Reminder, today: date) -> bool:
    """Notify in duban, and e-mail if the liaison has an address; False if already sent today."""
    with transaction.atomic():
        _, created = ReminderSent.objects.get_or_create(
            user=reminder.user,
            unit=reminder.unit,
            sent_on=today,
            defaults={"subject": reminder.subject},
        )
        if not created:
            return False
        first = reminder.items[0].task
        Notification.objects.notify(
            [reminder.user], f"{reminder.subject}（{reminder.unit}）", first.get_absolute_url()
        )
        # Inside the transaction: a mail server that fails leaves no record, so a rerun retries.
        if reminder.user.email:
            send("remind", {"reminder": reminder, "today": today}, [reminder.user.email])
    return True
