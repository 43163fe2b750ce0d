from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse

from duban.accounts.access import require_office
from duban.audit.log import record
from duban.lib import clock
from duban.lib.transitions import StaleRecord, TransitionError, compare_and_set

# The module, not its names: it may be the one importing these models, half-loaded.
from duban.progress import owed
from duban.progress.actions import CycleAction
from duban.progress.choices import CycleKind, CycleState
from duban.progress.models.rules import DELIVERED_STATES
from duban.supervision.messages import mark_handled, send_message
from duban.supervision.models.rules import liaisons


class ReportingCycleQuerySet(models.QuerySet):
    def open(self) -> "ReportingCycleQuerySet":
        return self.filter(state=CycleState.OPEN)

    def for_tasks(self, tasks) -> "ReportingCycleQuerySet":
        """Cycles of the plans the given tasks belong to."""
        return self.filter(plan__in=tasks.values("plan_id"))

    def due_between(self, start, end) -> "ReportingCycleQuerySet":
        return self.filter(due_on__gte=start, due_on__lte=end)


class ReportingCycle(models.Model):
    """A reporting window of a plan (2022年3月, 2022年第一季度) with its due date.

    States: draft (set up, units cannot report yet) → open (units report, the office
    reviews) → locked (closed for good: its reports no longer change). `open()` and
    `lock()` are for the office.
    """

    plan = models.ForeignKey(
        "ledger.Plan", models.PROTECT, related_name="cycles", verbose_name="计划"
    )
    kind = models.CharField("类型", max_length=10, choices=CycleKind)
    name = models.CharField("名称", max_length=100)
    period_start = models.DateField("起始日期")
    period_end = models.DateField("截止日期")
    due_on = models.DateField("报送截止")
    state = models.CharField("状态", max_length=10, choices=CycleState, default=CycleState.DRAFT)
    opened_at = models.DateTimeField("开放时间", null=True, blank=True)
    locked_at = models.DateTimeField("锁定时间", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    objects = models.Manager.from_queryset(ReportingCycleQuerySet)()

    class Meta:
        verbose_name = "报送周期"
        verbose_name_plural = "报送周期"
        # The unique constraint's index (plan, period_start, kind, period_end) backs this ordering
        # (a plan's cycles in calendar order).
        ordering = ["plan_id", "period_start", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "period_start", "kind", "period_end"],
                name="progress_cycle_unique_plan_period_kind",
            ),
            models.CheckConstraint(
                name="progress_cycle_period_ordered",
                condition=Q(period_start__lte=F("period_end")),
            ),
            models.CheckConstraint(
                name="progress_cycle_due_after_start",
                condition=Q(due_on__gte=F("period_start")),
            ),
        ]
        indexes = [
            # Open cycles due soon or overdue: reminders and the "my reports" page.
            models.Index(fields=["state", "due_on"], name="progress_cycle_state_due"),
        ]
        # The unique constraint's index (plan, period_start, kind, …) backs the ordering
        # and the cycle list of a plan.

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("progress:cycle-list") + f"?plan={self.plan_id}"

    @property
    def is_open(self) -> bool:
        return self.state == CycleState.OPEN

    def following(self) -> "ReportingCycle | None":
        """The plan's next cycle of the same kind, if set up. This causes a SQL query."""
        return (
            ReportingCycle.objects.filter(
                plan_id=self.plan_id, kind=self.kind, period_start__gt=self.period_end
            )
            .order_by("period_start")
            .first()
        )

    def is_overdue(self, on) -> bool:
        """Whether reports of this open cycle are late on the given date."""
        return self.is_open and on > self.due_on

    def _change_state(
        self, user, source: CycleState, target: CycleState, stamp: str, action: CycleAction
    ):
        require_office(user)
        now = clock.now()
        # The compare-and-set is the state check: it also refuses a cycle held as `source`
        # in memory that another request has moved on since.
        try:
            compare_and_set(ReportingCycle, self.pk, "state", source, state=target, **{stamp: now})
        except StaleRecord:
            self.refresh_from_db(fields=["state"])
            raise StaleRecord(
                f"报送周期当前为“{self.get_state_display()}”，不能执行此操作。"
            ) from None
        self.state = target
        setattr(self, stamp, now)
        record(action, self, user=user, data={"from": source, "to": target})

    @transaction.atomic
    def open(self, user) -> None:
        """Open a draft cycle for reporting and tell the units that owe a report in it;
        `user` None means the system."""
        self._change_state(user, CycleState.DRAFT, CycleState.OPEN, "opened_at", CycleAction.OPENED)
        due = f"{self.due_on.year}年{self.due_on.month}月{self.due_on.day}日"
        for unit_id, task_ids in self.owed_tasks().items():
            send_message(
                liaisons([unit_id]),
                subject="报送提醒",
                text=f"{self.name}报送已开始：本单位有 {len(task_ids)} 项任务需报送，截止 {due}",
                url=reverse("progress:my-reports"),
                about=self,
            )

    def owed_tasks(self, unit_ids=None) -> dict[int, list[int]]:
        """{unit pk: [task pk]}: the reports each unit (of `unit_ids`, or all) still owes here,
        by the rule of 本单位报送 and the reminders (progress.owed)."""
        deliveries = owed.Deliveries.of(self.reports.filter(state__in=DELIVERED_STATES))
        tasks_of, units_of = owed.answering_units([self.plan_id], unit_ids)
        by_unit: dict[int, list[int]] = {}
        for task in tasks_of[self.plan_id]:
            for unit in units_of[task.pk]:
                if deliveries.owes(self.pk, task.pk, unit.pk):
                    by_unit.setdefault(unit.pk, []).append(task.pk)
        return by_unit

    def mark_settled(self, unit_ids) -> None:
        """Mark the cycle's message read for those of the units that owe nothing more in it."""
        unit_ids = set(unit_ids)
        settled = unit_ids - set(self.owed_tasks(unit_ids))
        if settled:
            mark_handled(self, liaisons(settled))

    @transaction.atomic
    def lock(self, user) -> None:
        """Close an open cycle for good: its reports can no longer be edited or reviewed."""
        self._change_state(
            user, CycleState.OPEN, CycleState.LOCKED, "locked_at", CycleAction.LOCKED
        )


def require_open_cycle(cycle: ReportingCycle) -> None:
    # Read the state afresh: the office may have locked the cycle since the page loaded.
    state = ReportingCycle.objects.filter(pk=cycle.pk).values_list("state", flat=True).first()
    cycle.state = state
    if state != CycleState.OPEN:
        label = CycleState(state).label if state else ""
        raise TransitionError(f"报送周期“{cycle}”{label}，报告不能再修改。")
