from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse

from duban.accounts.access import require_office
from duban.audit.log import record
from duban.ledger.signals import announce_tasks_changed
from duban.lib import clock
from duban.lib.pacing import due_fraction
from duban.lib.text import metric_key, plain_number
from duban.lib.transitions import advance, require_state
from duban.targets.actions import LinkAction, TargetAction
from duban.targets.choices import (
    Comparator,
    LinkOrigin,
    LinkState,
    Measure,
    MetricKind,
    TargetPeriod,
    TargetState,
    ValueSource,
)

VALUE_DIGITS = {"max_digits": 18, "decimal_places": 4}
_QUANTITIES = (Measure.COUNT, Measure.INCREASE, Measure.DECREASE)


class MetricQuerySet(models.QuerySet):
    def by_name(self, name: str) -> "MetricQuerySet":
        """Metrics whose name or one of whose aliases matches `name` once normalised."""
        key = metric_key(name)
        return self.filter(Q(key=key) | Q(aliases__key=key)).distinct()

    def macro(self) -> "MetricQuerySet":
        return self.filter(kind=MetricKind.MACRO)


class Metric(models.Model):
    """What a target measures (地区生产总值); targets of every plan bound to it share its values."""

    name = models.CharField("指标名称", max_length=200, unique=True)
    # metric_key(name), kept so lookups are exact index matches.
    key = models.CharField("匹配键", max_length=200, unique=True, editable=False)
    kind = models.CharField("类别", max_length=10, choices=MetricKind, default=MetricKind.OTHER)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    objects = models.Manager.from_queryset(MetricQuerySet)()

    class Meta:
        verbose_name = "指标"
        verbose_name_plural = "指标"
        # The unique index on name backs this ordering (metric pickers and the import report).
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("targets:metric", args=[self.pk])

    def save(self, *args, **kwargs):
        self.key = metric_key(self.name)
        super().save(*args, **kwargs)

    @property
    def is_macro(self) -> bool:
        return self.kind == MetricKind.MACRO


class MetricAlias(models.Model):
    """Another name of a metric (城镇新增就业 for 城镇就业) that targets and imports resolve to it."""

    metric = models.ForeignKey(Metric, models.CASCADE, related_name="aliases", verbose_name="指标")
    name = models.CharField("别名", max_length=200)
    key = models.CharField("匹配键", max_length=200, unique=True, editable=False)

    class Meta:
        verbose_name = "指标别名"
        verbose_name_plural = "指标别名"
        # The unique index on key backs this ordering (admin inline).
        ordering = ["key"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return self.metric.get_absolute_url()

    def save(self, *args, **kwargs):
        self.key = metric_key(self.name)
        super().save(*args, **kwargs)


class TargetQuerySet(models.QuerySet):
    def active(self) -> "TargetQuerySet":
        return self.filter(status=TargetState.ACTIVE)

    def for_tasks(self, tasks) -> "TargetQuerySet":
        return self.filter(task__in=tasks)

    def in_notice(self, notice) -> "TargetQuerySet":
        return self.filter(task__plan__notice=notice)

    def with_history(self) -> "TargetQuerySet":
        """Targets that carry a record: values, revisions, or links a person made or confirmed."""
        decided = TargetLink.objects.decided()
        return self.filter(
            Q(measurements__isnull=False)
            | Q(revisions__isnull=False)
            | Q(pk__in=decided.values("five_year"))
            | Q(pk__in=decided.values("annual"))
        ).distinct()

    def taking(self, key: dict, unit: str) -> "TargetQuerySet":
        """The targets a value stored under `key` ({"target"} or {"metric"}) counts for."""
        if key.get("target") is not None:
            return self.filter(pk=key["target"].pk)
        return self.filter(metric=key["metric"], unit=unit)


class Target(models.Model):
    """One quantity a task commits to (地区生产总值年均增长 7%), as printed in the notice.

    `value` stays the printed number; the value in force is the latest revision (任务调整).
    """

    task = models.ForeignKey(
        "ledger.Task", models.CASCADE, related_name="targets", verbose_name="任务"
    )
    metric = models.ForeignKey(Metric, models.PROTECT, related_name="targets", verbose_name="指标")
    metric_text = models.CharField("指标原文", max_length=200)
    measure = models.CharField("口径", max_length=10, choices=Measure)
    comparator = models.CharField("比较", max_length=2, choices=Comparator, default=Comparator.EQ)
    value = models.DecimalField("目标值", **VALUE_DIGITS)
    unit = models.CharField("单位", max_length=20, blank=True)
    period = models.CharField("期间", max_length=20, choices=TargetPeriod, blank=True)
    text = models.CharField("原文", max_length=500, blank=True)
    position = models.PositiveSmallIntegerField("顺序", default=0)
    status = models.CharField(
        "状态", max_length=10, choices=TargetState, default=TargetState.ACTIVE
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = models.Manager.from_queryset(TargetQuerySet)()

    class Meta:
        verbose_name = "量化指标"
        verbose_name_plural = "量化指标"
        ordering = ["task", "position"]
        indexes = [
            # A task's targets in printed order (task panel, sync_targets).
            models.Index(fields=["task", "position"], name="targets_target_task_position"),
            # Every active target bound to a metric (最多报一次: one value fills them all).
            models.Index(fields=["metric", "status"], name="targets_target_metric_status"),
        ]

    def __str__(self) -> str:
        return self.text or f"{self.metric_text} {self.value}{self.unit}"

    def get_absolute_url(self) -> str:
        return reverse("targets:target", args=[self.pk])

    @property
    def lower_is_better(self) -> bool:
        return self.comparator in (Comparator.LE, Comparator.LT)

    def describe(self, goal: Decimal | None = None) -> str:
        """The target in words, with `goal` (the printed value by default): 年均增长8%、363个以上."""
        goal = self.value if goal is None else goal
        verb = {
            Measure.GROWTH: "增长",
            Measure.DECREASE: "下降",
            Measure.INCREASE: "新增",
        }.get(self.measure, "")
        if verb and self.period == TargetPeriod.ANNUAL_AVERAGE:
            verb = "年均" + verb
        amount = f"{plain_number(goal)}{self.unit}"
        return verb + {
            Comparator.GE: f"{amount}以上",
            Comparator.GT: f"超过{amount}",
            Comparator.LE: f"{amount}以下",
            Comparator.LT: f"低于{amount}",
        }.get(self.comparator, amount)

    @classmethod
    def keeps_task(cls, task) -> bool:
        """Whether the task's targets carry history, so a revised notice may withdraw it but not delete it."""
        return cls.objects.filter(task=task).with_history().exists()

    def has_history(self) -> bool:
        """Whether the target carries a record (see `with_history`): then it is withdrawn, not deleted."""
        return Target.objects.filter(pk=self.pk).with_history().exists()

    def value_on(self, day: date) -> Decimal:
        """The target in force on `day`: the latest revision effective by then, else as printed.

        This causes a query unless revisions were prefetched.
        """
        in_force = [r for r in self.revisions.all() if r.effective_on <= day]
        if not in_force:
            return self.value
        return max(in_force, key=lambda r: (r.effective_on, r.created_at, r.pk)).new_value

    @property
    def value_in_force(self) -> Decimal:
        return self.value_on(clock.today())

    @property
    def is_prorated(self) -> bool:
        """Whether the target is a quantity due month by month (not a rate or a level)."""
        return self.measure in _QUANTITIES and self.unit != "%"

    def elapsed_share(self, day: date) -> Decimal:
        """The share of the target's period elapsed at the end of `day`'s month."""
        plan = self.task.plan
        if self.period == TargetPeriod.CUMULATIVE and plan.start_year and plan.end_year:
            months = (day.year - plan.start_year) * 12 + day.month
            total = (plan.end_year - plan.start_year + 1) * 12
            return Decimal(min(max(months, 0), total)) / total
        return Decimal(str(due_fraction(day.month)))

    def pace_on(self, day: date) -> Decimal:
        """What is due by `day` (序时进度): the target in force then, month by month for a quantity."""
        goal = self.value_on(day)
        return goal * self.elapsed_share(day) if self.is_prorated else goal

    def meets(self, value: Decimal, goal: Decimal | None = None) -> bool:
        """Whether `value` attains `goal` (the target in force today by default), direction-aware.

        `=` counts as "at least": a 7% growth target is met by 7.5%.
        """
        goal = self.value_in_force if goal is None else goal
        if self.comparator == Comparator.LE:
            return value <= goal
        if self.comparator == Comparator.LT:
            return value < goal
        if self.comparator == Comparator.GT:
            return value > goal
        return value >= goal

    def measurements_in_effect(self) -> "models.QuerySet[Measurement]":
        """This target's own values and those of its metric in the same unit, oldest first."""
        own = Q(target=self)
        shared = Q(target__isnull=True, metric_id=self.metric_id, unit=self.unit)
        return Measurement.objects.filter(own | shared).order_by("on_date", "created_at")

    @transaction.atomic
    def revise(self, new_value, *, reason: str, document: str, effective_on: date, user):
        """Record a target change (任务调整); the old value stays in the history."""
        require_office(user)
        old_value = self.value_on(effective_on)
        announce_tasks_changed([self.task_id])
        revision = self.revisions.create(
            old_value=old_value,
            new_value=new_value,
            reason=reason,
            document=document,
            effective_on=effective_on,
            user=user if user is not None and user.is_authenticated else None,
        )
        record(
            TargetAction.REVISED,
            self,
            user=user,
            data={
                "old_value": str(old_value),
                "new_value": str(new_value),
                "reason": reason,
                "document": document,
                "effective_on": effective_on.isoformat(),
            },
        )
        return revision


class TargetRevision(models.Model):
    """A target change (任务调整): the new value, why, on whose approval, from when."""

    target = models.ForeignKey(
        Target, models.CASCADE, related_name="revisions", verbose_name="量化指标"
    )
    old_value = models.DecimalField("原目标值", **VALUE_DIGITS)
    new_value = models.DecimalField("新目标值", **VALUE_DIGITS)
    reason = models.TextField("调整理由")
    document = models.CharField("批准文件", max_length=300)
    effective_on = models.DateField("生效日期")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="target_revisions",
        verbose_name="经办人",
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "指标调整"
        verbose_name_plural = "指标调整"
        ordering = ["target", "effective_on", "created_at"]
        indexes = [
            # A target's history and Target.value_on().
            models.Index(
                fields=["target", "effective_on", "created_at"], name="targets_revision_history"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.target}：{self.old_value} → {self.new_value}（{self.effective_on}）"

    def get_absolute_url(self) -> str:
        return self.target.get_absolute_url()


class TargetLinkQuerySet(models.QuerySet):
    def live(self) -> "TargetLinkQuerySet":
        return self.exclude(state=LinkState.REMOVED)

    def decided(self) -> "TargetLinkQuerySet":
        """Links a person made or confirmed: a record, unlike a proposal an import made."""
        return self.filter(Q(origin=LinkOrigin.MANUAL) | Q(state=LinkState.CONFIRMED))

    def in_notice(self, notice) -> "TargetLinkQuerySet":
        return self.filter(annual__task__plan__notice=notice)


class TargetLink(models.Model):
    """An annual target serving a five-year target of the same metric."""

    five_year = models.ForeignKey(
        Target, models.CASCADE, related_name="annual_links", verbose_name="五年目标"
    )
    annual = models.ForeignKey(
        Target, models.CASCADE, related_name="five_year_links", verbose_name="年度目标"
    )
    state = models.CharField("状态", max_length=10, choices=LinkState, default=LinkState.PROPOSED)
    origin = models.CharField("来源", max_length=10, choices=LinkOrigin, default=LinkOrigin.AUTO)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="target_links_decided",
        verbose_name="确认人",
    )
    decided_at = models.DateTimeField("确认时间", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    objects = models.Manager.from_queryset(TargetLinkQuerySet)()

    class Meta:
        verbose_name = "目标关联"
        verbose_name_plural = "目标关联"
        # The unique constraint's index (five_year, annual) backs this ordering.
        ordering = ["five_year", "annual"]
        constraints = [
            models.UniqueConstraint(
                fields=["five_year", "annual"], name="targets_targetlink_unique_five_year_annual"
            ),
            models.CheckConstraint(
                name="targets_targetlink_not_self",
                condition=~Q(five_year=models.F("annual")),
            ),
        ]
        indexes = [
            # The five-year targets an annual target serves (target page, pace warning).
            models.Index(fields=["annual", "state"], name="targets_targetlink_annual"),
        ]

    def __str__(self) -> str:
        return f"{self.annual} → {self.five_year}"

    def get_absolute_url(self) -> str:
        return reverse("targets:notice-links", args=[self.annual.task.plan.notice_id])

    def _decide(self, state: str, user, action: LinkAction) -> None:
        """Move the link to `state` from any other; the office decides, `user` None is the system."""
        require_office(user)
        others = [s for s in LinkState if s != state]
        require_state(self, "state", others, f"关联{LinkState(state).label}")
        before = self.state
        advance(
            self,
            "state",
            state=state,
            decided_by=user if user is not None and user.is_authenticated else None,
            decided_at=clock.now(),
        )
        record(action, self, user=user, data={"from": before, "to": state})

    @transaction.atomic
    def confirm(self, user) -> None:
        self._decide(LinkState.CONFIRMED, user, LinkAction.CONFIRMED)

    @transaction.atomic
    def remove(self, user) -> None:
        self._decide(LinkState.REMOVED, user, LinkAction.REMOVED)


class Measurement(models.Model):
    """A value on a date, for one target or for a metric (then it fills every target bound to it).

    Quantities are cumulative from the start of the target's period (the year for annual
    targets); growth is the cumulative year-on-year rate; levels and shares are the level.
    """

    metric = models.ForeignKey(
        Metric,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="measurements",
        verbose_name="指标",
    )
    target = models.ForeignKey(
        Target,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="measurements",
        verbose_name="量化指标",
    )
    on_date = models.DateField("数据截至")
    # A reported value counts for statuses from the day the office accepted its report,
    # not from its period's end; blank: from on_date (office entries, imports).
    counts_from = models.DateField("计入日期", null=True, blank=True)
    value = models.DecimalField("数值", **VALUE_DIGITS)
    # "%" for rates; a metric can carry a growth rate and a level on the same date.
    unit = models.CharField("单位", max_length=20, blank=True)
    source = models.CharField("来源", max_length=10, choices=ValueSource)
    note = models.CharField("说明", max_length=300, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="measurements",
        verbose_name="填报人",
    )
    # The accepted progress report the value came with (source "report").
    report = models.ForeignKey(
        "progress.Report",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="measurements",
        verbose_name="来源报告",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "指标数值"
        verbose_name_plural = "指标数值"
        ordering = ["-on_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="targets_measurement_metric_xor_target",
                condition=Q(metric__isnull=True, target__isnull=False)
                | Q(metric__isnull=False, target__isnull=True),
            ),
            models.UniqueConstraint(
                fields=["target", "on_date"],
                condition=Q(target__isnull=False),
                name="targets_measurement_unique_target_date",
            ),
            models.UniqueConstraint(
                fields=["metric", "on_date", "unit"],
                condition=Q(metric__isnull=False),
                name="targets_measurement_unique_metric_date_unit",
            ),
        ]
        indexes = [
            # The latest values across all metrics and targets (the import page).
            models.Index(fields=["-on_date", "-id"], name="targets_measurement_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.target or self.metric} {self.on_date}: {self.value}{self.unit}"

    def counts_on(self, day: date) -> bool:
        """Whether the value is known on `day` (see counts_from)."""
        return self.on_date <= day and (self.counts_from is None or self.counts_from <= day)

    def get_absolute_url(self) -> str:
        if self.target_id:
            return self.target.get_absolute_url()
        return self.metric.get_absolute_url()
