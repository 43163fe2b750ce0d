import copy
from datetime import date, timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q, TextField, Value
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils import timezone

from duban.audit.log import record
from duban.ledger.actions import ImportDraftAction, UnitAction
from duban.ledger.choices import (
    AssignmentRole,
    DraftStatus,
    KindSource,
    LeaderSource,
    PlanKind,
    SourceFormat,
    TaskState,
    UnitKind,
)
from duban.ledger.names import normalise_name


class Official(models.Model):
    """A district leader (区领导) who leads sections or rows of a plan."""

    name = models.CharField("姓名", max_length=50, unique=True)
    # The titles printed the last time the official was imported, e.g. ["常委", "常务副区长"].
    titles = models.JSONField("职务", default=list, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "区领导"
        verbose_name_plural = "区领导"
        # The unique index on name backs this ordering (leader pickers and lists).
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("ledger:official", args=[self.pk])


class UnitQuerySet(models.QuerySet):
    def by_name(self, name: str) -> "UnitQuerySet":
        """Units whose canonical name or one of whose aliases matches `name` once normalised."""
        key = normalise_name(name)
        return self.filter(Q(name=key) | Q(aliases__alias=key)).distinct()

    def placeholders(self) -> "UnitQuerySet":
        return self.filter(kind=UnitKind.PLACEHOLDER)

    def concrete(self) -> "UnitQuerySet":
        return self.exclude(kind=UnitKind.PLACEHOLDER)


class Unit(models.Model):
    """A responsible unit (责任单位), or a placeholder such as 相关街镇 that stands for several."""

    name = models.CharField("名称", max_length=100, unique=True)
    kind = models.CharField("类别", max_length=30, choices=UnitKind, default=UnitKind.OTHER)
    # Edited kinds are never re-inferred from the name on later imports.
    kind_source = models.CharField(
        "类别来源", max_length=10, choices=KindSource, default=KindSource.INFERRED
    )
    note = models.TextField("备注", blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    objects = models.Manager.from_queryset(UnitQuerySet)()

    class Meta:
        verbose_name = "责任单位"
        verbose_name_plural = "责任单位"
        # The unique index on name backs this ordering (unit pickers and lists).
        ordering = ["name"]
        indexes = [
            # Unit lists filtered by kind: "all subdistricts and towns" when resolving 相关街镇.
            models.Index(fields=["kind", "name"], name="ledger_unit_kind_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("ledger:unit", args=[self.pk])

    @property
    def is_placeholder(self) -> bool:
        return self.kind == UnitKind.PLACEHOLDER

    @transaction.atomic
    def add_alias(self, name: str, user=None, note: str = "") -> "UnitAlias":
        """Record another spelling of the unit's name, so imports resolve it to the unit."""
        alias = normalise_name(name)
        if not alias or Unit.objects.by_name(alias).exists():
            raise ValueError(f"“{alias}”已是登记的单位名称或别名")
        created = UnitAlias.objects.create(unit=self, alias=alias, note=note)
        record(UnitAction.ALIAS_ADDED, self, user=user, data={"alias": alias, "note": note})
        return created


class UnitAlias(models.Model):
    """Another spelling of a unit's name that imports resolve to the unit."""

    unit = models.ForeignKey(Unit, models.CASCADE, related_name="aliases", verbose_name="责任单位")
    # Stored normalised (see names.normalise_name), so lookups are exact matches.
    alias = models.CharField("别名", max_length=150, unique=True)
    note = models.CharField("说明", max_length=200, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "单位别名"
        verbose_name_plural = "单位别名"
        # The unique index on alias backs this ordering (admin list).
        ordering = ["alias"]

    def __str__(self) -> str:
        return self.alias

    def get_absolute_url(self) -> str:
        return self.unit.get_absolute_url()


class NoticeQuerySet(models.QuerySet):
    def imported_as(self, file_hash: str, doc_number: str = "") -> "Notice | None":
        """The notice last imported from this file, else the last with this 文号."""
        notices = self.order_by("-created_at")
        found = notices.filter(file_hash=file_hash).first()
        doc_number = "".join((doc_number or "").split())
        if found is None and doc_number:
            found = notices.filter(doc_number=doc_number).first()
        return found


class Notice(models.Model):
    """A responsibility-breakdown notice (责任分解通知) as imported from its source file."""

    doc_number = models.CharField("文号", max_length=100, blank=True, db_index=True)
    title = models.CharField("标题", max_length=500, blank=True)
    issuer = models.CharField("发文机关", max_length=200, blank=True)
    issued_on = models.DateField("成文日期", null=True, blank=True)
    printed_on = models.DateField("印发日期", null=True, blank=True)
    addressees = models.JSONField("主送", default=list, blank=True)
    cc = models.JSONField("抄送", default=list, blank=True)
    attachments = models.JSONField("附件", default=list, blank=True)
    public = models.BooleanField("公开发布", null=True, blank=True)
    body = models.TextField("正文", blank=True)

    source_file = models.FileField("源文件", upload_to="notices/%Y/", blank=True)
    source_filename = models.CharField("源文件名", max_length=255, blank=True)
    source_format = models.CharField("源文件格式", max_length=10, choices=SourceFormat)
    # sha256 of the source file: importing the same file again is recognised by it.
    file_hash = models.CharField("文件哈希", max_length=64, db_index=True)
    file_size = models.PositiveBigIntegerField("文件大小")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="uploaded_notices",
        verbose_name="上传人",
    )
    warnings = models.JSONField("解析警告", default=list, blank=True)
    # The office's corrections to the reading (importing.corrections) when it was last
    # imported; a new preview of the same notice starts from them.
    import_corrections = models.JSONField("导入更正", default=dict, blank=True)
    created_at = models.DateTimeField("导入时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = models.Manager.from_queryset(NoticeQuerySet)()

    class Meta:
        verbose_name = "通知"
        verbose_name_plural = "通知"
        ordering = ["-created_at"]
        indexes = [
            # The notice list, newest first.
            models.Index(fields=["-created_at"], name="ledger_notice_created"),
        ]

    def __str__(self) -> str:
        return self.doc_number or self.title or f"通知 {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("ledger:notice", args=[self.pk])


# What lists call a plan of each kind; a plan of another kind goes by its title.
PLAN_SHORT_TITLES = {
    PlanKind.FIVE_YEAR: "五年重点工作",
    PlanKind.ANNUAL: "年度重点工作",
    PlanKind.LIVELIHOOD: "民生实事",
}


# What Plan.long_title reads, for plans loaded only to be named (`.only(*LONG_TITLE_FIELDS)`)
# rather than with each notice's body and JSON fields.
LONG_TITLE_FIELDS = ("title", "notice__doc_number", "notice__title")


class Plan(models.Model):
    """An annex of a notice: a five-year, annual or livelihood task table."""

    notice = models.ForeignKey(Notice, models.CASCADE, related_name="plans", verbose_name="通知")
    annex = models.CharField("附件号", max_length=10, blank=True)
    title = models.CharField("标题", max_length=300)
    kind = models.CharField("类型", max_length=20, choices=PlanKind, default=PlanKind.OTHER)
    start_year = models.PositiveSmallIntegerField("起始年度", null=True, blank=True)
    end_year = models.PositiveSmallIntegerField("截止年度", null=True, blank=True)
    position = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "计划"
        verbose_name_plural = "计划"
        ordering = ["notice_id", "position"]
        indexes = [
            # The plans of a notice in annex order.
            models.Index(fields=["notice", "position"], name="ledger_plan_notice_position"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("ledger:plan", args=[self.pk])

    @property
    def years(self) -> list[int]:
        return [y for y in (self.start_year, self.end_year) if y is not None]

    @property
    def short_title(self) -> str:
        """The name a list column gives the plan (年度重点工作), from its kind."""
        return PLAN_SHORT_TITLES.get(self.kind, self.title)

    @property
    def long_title(self) -> str:
        """The plan with its notice (filters, type-ahead): every notice has an annex of the
        same title. This reads the notice (LONG_TITLE_FIELDS)."""
        return f"{self.title}（{self.notice}）"


class Section(models.Model):
    """A group of rows in a plan under the leaders who lead it (一、某某副区长牵头重点工作)."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="sections", verbose_name="计划")
    heading = models.CharField("标题", max_length=300, blank=True)
    position = models.PositiveSmallIntegerField("顺序", default=0)
    leaders = models.ManyToManyField(
        Official,
        through="SectionLeader",
        related_name="sections",
        verbose_name="牵头领导",
    )

    class Meta:
        verbose_name = "分组"
        verbose_name_plural = "分组"
        ordering = ["plan_id", "position"]
        indexes = [
            # The sections of a plan in printed order.
            models.Index(fields=["plan", "position"], name="ledger_section_plan_position"),
        ]

    def __str__(self) -> str:
        return self.heading or f"{self.plan} 第 {self.position + 1} 组"

    def get_absolute_url(self) -> str:
        return f"{self.plan.get_absolute_url()}#section-{self.pk}"


class SectionLeader(models.Model):
    """A leader named in a section heading, with the titles printed there."""

    section = models.ForeignKey(
        Section, models.CASCADE, related_name="section_leaders", verbose_name="分组"
    )
    official = models.ForeignKey(
        Official, models.PROTECT, related_name="section_leaders", verbose_name="区领导"
    )
    titles = models.JSONField("职务", default=list, blank=True)
    position = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "分组牵头领导"
        verbose_name_plural = "分组牵头领导"
        ordering = ["section_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "official"], name="ledger_sectionleader_unique_section_official"
            ),
        ]
        indexes = [
            # The leaders of a section in printed order.
            models.Index(fields=["section", "position"], name="ledger_sectionleader_position"),
        ]

    def __str__(self) -> str:
        return f"{self.section}：{self.official}"

    def get_absolute_url(self) -> str:
        return self.section.get_absolute_url()


class TaskQuerySet(models.QuerySet):
    def active(self) -> "TaskQuerySet":
        return self.filter(status=TaskState.ACTIVE)

    def reported(self) -> "TaskQuerySet":
        """Tasks reported on themselves: not the copies of a task printed twice (ledger.twins)."""
        return self.filter(twin_of=None)

    def for_unit(self, unit: Unit | int, role: str | None = None) -> "TaskQuerySet":
        """Tasks the unit answers for, optionally only in one role (牵头 / 配合 …).

        A remark that moves the lead to the unit (由区委政法委牵头) makes it 牵头 on that task,
        assigned or not. Every app takes a unit's tasks from here, so that such a unit sees
        and acts on the task everywhere.
        """
        assignments = Assignment.objects.filter(unit=unit)
        if role is not None:
            assignments = assignments.filter(role=role)
        task_ids = assignments.values("task_id")
        if role in (None, AssignmentRole.LEAD):
            overrides = Task.lead_override_units.through.objects.filter(unit=unit)
            # One IN over a UNION, not two INs joined by OR: the database answers the UNION
            # from the unit's index entries, where an OR of two INs scans every task.
            task_ids = task_ids.union(overrides.values("task_id"))
        return self.filter(pk__in=task_ids)

    def for_official(self, official: Official) -> "TaskQuerySet":
        """Tasks the official leads: row leaders where a row names them, else the section's."""
        return self.filter(pk__in=TaskLeader.objects.filter(official=official).values("task_id"))

    def lead_unit_ids(self) -> dict[int, list[int]]:
        """{task pk: the units that lead it, in order}: those a remark names (由…牵头), else the
        牵头 units, else, in a row without a marked lead, its 共同 units. Two SQL queries."""
        tasks = self.values("pk")
        overrides = Task.lead_override_units.through.objects.filter(task__in=tasks)
        leads: dict[int, list[int]] = {}
        for task_id, unit_id in overrides.order_by("unit__name").values_list("task_id", "unit_id"):
            leads.setdefault(task_id, []).append(unit_id)
        by_role: dict[tuple[int, str], list[int]] = {}
        assignments = Assignment.objects.filter(
            task__in=tasks, role__in=(AssignmentRole.LEAD, AssignmentRole.JOINT)
        )
        for task_id, role, unit_id in assignments.order_by("position").values_list(
            "task_id", "role", "unit_id"
        ):
            by_role.setdefault((task_id, role), []).append(unit_id)
        for (task_id, role), units in sorted(
            by_role.items(), key=lambda kv: kv[0][1] != AssignmentRole.LEAD
        ):
            leads.setdefault(task_id, units)
        return leads

    def in_plan(self, plan: Plan) -> "TaskQuerySet":
        return self.filter(plan=plan)

    def matching(
        self,
        *,
        q: str = "",
        plan: Plan | None = None,
        leader: Official | None = None,
        unit: Unit | None = None,
        kind: str = "",
        role: str = "",
        colour: str = "",
        status: str = "",
        own_unit: Unit | None = None,
    ) -> "TaskQuerySet":
        """The tasks the filters of the ledger and of 督办总览 keep; empty filters keep all.

        Active tasks unless `status` is "all" or another status; `role` narrows `unit` or
        `kind`, and on its own means `own_unit` (a liaison's) in that role, else any unit.
        """
        tasks = self
        if not status:
            tasks = tasks.active()
        elif status != "all":
            tasks = tasks.filter(status=status)
        if plan:
            tasks = tasks.in_plan(plan)
        if leader:
            tasks = tasks.for_official(leader)
        if unit:
            tasks = tasks.for_unit(unit, role or None)
        if kind:
            assignments = Assignment.objects.filter(unit__kind=kind)
            if role:
                assignments = assignments.filter(role=role)
            tasks = tasks.filter(pk__in=assignments.values("task_id"))
        if role and not unit and not kind:
            if own_unit is not None:
                tasks = tasks.for_unit(own_unit, role)
            else:
                tasks = tasks.filter(pk__in=Assignment.objects.filter(role=role).values("task_id"))
        if q:
            tasks = tasks.search(q)
        if colour:
            tasks = tasks.filter(supervision_status__colour=colour)
        return tasks

    def search(self, text: str) -> "TaskQuerySet":
        """Tasks whose seq is a word of `text` or whose name, text or remark contains it, for
        every word; on PostgreSQL a trigram index on SEARCHED answers (migration 0010)."""
        qs = self.alias(searched=SEARCHED)
        for word in text.split():
            qs = qs.filter(Q(searched__icontains=word) | Q(seq=word))
        return qs


# What the keyword search reads: a word matches within one field, never across the line
# breaks between them, since words hold no whitespace.
SEARCHED = Concat("name", Value("\n"), "text", Value("\n"), "remark", output_field=TextField())


class Task(models.Model):
    """A row of a plan: a key task or livelihood project with its units and leaders."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="tasks", verbose_name="计划")
    section = models.ForeignKey(Section, models.CASCADE, related_name="tasks", verbose_name="分组")
    seq = models.CharField("序号", max_length=20, blank=True)
    # Order of the row within its plan, across sections.
    position = models.PositiveIntegerField("顺序", default=0)
    name = models.CharField("项目名称", max_length=300, blank=True)
    text = models.TextField("任务内容")
    deadline = models.CharField("完成时限", max_length=200, blank=True)
    # The deadline as the parser dates it (duban.parsing.deadlines); None for "长期坚持".
    due = models.DateField("完成时限日期", null=True, blank=True)
    remark = models.TextField("备注", blank=True)
    # Bodies that the remark says lead instead, as printed ("区委政法委").
    lead_override = models.JSONField("改由牵头", default=list, blank=True)
    lead_override_units = models.ManyToManyField(
        Unit, related_name="override_tasks", blank=True, verbose_name="改由牵头单位"
    )
    # Where the row was read in the source: {"page", "line", "table", "row"}.
    location = models.JSONField("来源位置", default=dict, blank=True)
    # Cells of columns the parser does not know (计划投资, 建设地点), by header: {"计划投资": "5"}.
    extra = models.JSONField("其他列", default=dict, blank=True)
    # The same task printed again elsewhere in the notice (annex 1 and annex 2 alike): progress
    # is reported once, on the task this one repeats, and its status follows (ledger.twins).
    twin_of = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="twins",
        verbose_name="同一任务",
    )
    # "section leaders|row leaders|seq" as last imported: the first thing re-imports match a
    # row on (importing.match_rows), kept to explain a match.
    key = models.CharField("匹配键", max_length=200, blank=True)
    status = models.CharField("状态", max_length=10, choices=TaskState, default=TaskState.ACTIVE)
    leaders = models.ManyToManyField(
        Official, through="TaskLeader", related_name="tasks", verbose_name="牵头领导"
    )
    units = models.ManyToManyField(
        Unit, through="Assignment", related_name="tasks", verbose_name="责任单位"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = models.Manager.from_queryset(TaskQuerySet)()

    class Meta:
        verbose_name = "任务"
        verbose_name_plural = "任务"
        ordering = ["plan_id", "position"]
        indexes = [
            # The ledger list: a plan's rows in printed order.
            models.Index(fields=["plan", "position"], name="ledger_task_plan_position"),
            # The keyword search's exact 序号 (TaskQuerySet.search).
            models.Index(fields=["seq"], name="ledger_task_seq"),
        ]

    def __str__(self) -> str:
        label = self.name or self.text
        if len(label) > 40:
            label = label[:40] + "…"
        return f"{self.seq}. {label}" if self.seq else label

    def get_absolute_url(self) -> str:
        return reverse("ledger:task", args=[self.pk])

    def lead_unit_ids(self) -> list[int]:
        """The units that lead the task, in order (TaskQuerySet.lead_unit_ids). Two SQL queries."""
        return Task.objects.filter(pk=self.pk).lead_unit_ids().get(self.pk, [])

    @property
    def lead_unit_id(self) -> int | None:
        """The unit that consolidates the task's reports: the first of its lead units; None when
        the row has only 配合 units. This causes SQL queries."""
        return next(iter(self.lead_unit_ids()), None)

    @property
    def lead_unit(self) -> Unit | None:
        """The unit of `lead_unit_id`. This causes SQL queries."""
        lead_id = self.lead_unit_id
        return Unit.objects.get(pk=lead_id) if lead_id is not None else None

    def period(self, today: date) -> tuple[date, date, date | None]:
        """The task's start, its end for 序时进度, and its own deadline (`due`) when it has one.

        A plan without years spans `today`'s year.
        """
        first_year = self.plan.start_year or self.plan.end_year or today.year
        last_year = self.plan.end_year or first_year
        start = date(first_year, 1, 1)
        end = self.due if self.due and self.due >= start else date(last_year, 12, 31)
        return start, end, self.due

    @property
    def reported_on(self) -> "Task":
        """The task whose reports speak for this one: itself, or the one it repeats."""
        return self.twin_of or self

    def is_responsible(self, unit: Unit | int) -> bool:
        """Whether the unit answers for the task (TaskQuerySet.for_unit). This causes a SQL query."""
        return Task.objects.for_unit(unit).filter(pk=self.pk).exists()


class TaskLeader(models.Model):
    """An effective leader of a task: the row's own leaders if it names any, else the section's."""

    task = models.ForeignKey(Task, models.CASCADE, related_name="task_leaders", verbose_name="任务")
    official = models.ForeignKey(
        Official, models.PROTECT, related_name="task_leaders", verbose_name="区领导"
    )
    source = models.CharField(
        "来源", max_length=10, choices=LeaderSource, default=LeaderSource.SECTION
    )
    position = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "任务牵头领导"
        verbose_name_plural = "任务牵头领导"
        ordering = ["task_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "official"], name="ledger_taskleader_unique_task_official"
            ),
        ]
        indexes = [
            # A task's leaders in printed order.
            models.Index(fields=["task", "position"], name="ledger_taskleader_position"),
            # Task.objects.for_official(): a leader's portfolio.
            models.Index(fields=["official", "task"], name="ledger_taskleader_official"),
        ]

    def __str__(self) -> str:
        return f"{self.task}：{self.official}"

    def get_absolute_url(self) -> str:
        return self.task.get_absolute_url()


class Assignment(models.Model):
    """A unit responsible for a task, in a role (牵头 / 共同 / 配合)."""

    task = models.ForeignKey(Task, models.CASCADE, related_name="assignments", verbose_name="任务")
    unit = models.ForeignKey(
        Unit, models.PROTECT, related_name="assignments", verbose_name="责任单位"
    )
    role = models.CharField("职责", max_length=10, choices=AssignmentRole)
    raw = models.CharField("原文", max_length=200, blank=True)
    position = models.PositiveSmallIntegerField("顺序", default=0)
    # Set when the office resolved a placeholder (相关街镇) to this concrete unit for this task;
    # such assignments are the office's, not the notice's, and re-imports leave them alone.
    resolved_from = models.ForeignKey(
        "self",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="resolutions",
        verbose_name="来自泛指单位",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "责任分工"
        verbose_name_plural = "责任分工"
        ordering = ["task_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "unit"], name="ledger_assignment_unique_task_unit"
            ),
        ]
        indexes = [
            # A task's units in printed order.
            models.Index(fields=["task", "position"], name="ledger_assignment_position"),
            # Task.objects.for_unit(unit, role): a unit's tasks as lead or as cooperating unit.
            models.Index(fields=["unit", "role"], name="ledger_assignment_unit_role"),
        ]

    def __str__(self) -> str:
        return f"{self.unit}（{self.get_role_display()}）"

    def get_absolute_url(self) -> str:
        return self.task.get_absolute_url()

    @property
    def from_notice(self) -> bool:
        return self.resolved_from_id is None


class ImportDraftQuerySet(models.QuerySet):
    def open(self) -> "ImportDraftQuerySet":
        return self.filter(status=DraftStatus.OPEN)

    def stale(self) -> "ImportDraftQuerySet":
        """Open previews as old as the staged files that staging removes (a day)."""
        from duban.ledger.staging import MAX_AGE_SECONDS

        oldest = timezone.now() - timedelta(seconds=MAX_AGE_SECONDS)
        return self.open().filter(created_at__lt=oldest)


class ImportDraft(models.Model):
    """An uploaded notice and the office's corrections to its reading, until it is imported.

    The file waits in the staging folder (ledger.staging) under `file_hash`; any office user
    may open, correct and confirm the preview.
    """

    file_hash = models.CharField("文件哈希", max_length=64, db_index=True)
    filename = models.CharField("文件名", max_length=255)
    file_size = models.PositiveBigIntegerField("文件大小")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_drafts",
        verbose_name="上传人",
    )
    status = models.CharField("状态", max_length=10, choices=DraftStatus, default=DraftStatus.OPEN)
    # See importing.corrections for the shape.
    corrections = models.JSONField("更正", default=dict, blank=True)
    # The file as parsed with the office's column roles (notice.schema.json), before its row
    # corrections: the preview and the confirmation read it instead of parsing the file again.
    parsed = models.JSONField("解析结果", default=dict, blank=True)
    # The notice whose last corrections this preview started from, when re-importing one.
    prefilled_from = models.ForeignKey(
        Notice,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="prefilled_drafts",
        verbose_name="沿用更正的通知",
    )
    notice = models.ForeignKey(
        Notice,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_drafts",
        verbose_name="导入为",
    )
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = models.Manager.from_queryset(ImportDraftQuerySet)()

    class Meta:
        verbose_name = "导入预览"
        verbose_name_plural = "导入预览"
        ordering = ["-created_at"]
        indexes = [
            # The open previews on the upload page, newest first, and the sweep of stale ones.
            models.Index(fields=["status", "-created_at"], name="ledger_importdraft_status"),
        ]

    def __str__(self) -> str:
        return f"{self.filename}（{self.get_status_display()}）"

    def get_absolute_url(self) -> str:
        return reverse("ledger:import-preview", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == DraftStatus.OPEN

    def content(self) -> bytes | None:
        """The staged file, or None once it has been swept or imported."""
        from duban.ledger.staging import path

        found = path(self.file_hash)
        return found.read_bytes() if found is not None else None

    @classmethod
    @transaction.atomic
    def start(cls, content: bytes, filename: str, user, parsed=None) -> "ImportDraft":
        """Stage an upload and its parse (`parsed`, a ParsedNotice, else parsed here) as a new
        preview, starting from the corrections last confirmed for the same file or 文号."""
        # Imported on use: importing reads these models, and the parser's readers take a
        # second to import, which every command would wait for.
        from duban.ledger.importing.corrections import column_roles, read
        from duban.ledger.staging import stage
        from duban.parsing import to_json

        if parsed is None:
            parsed = read(content, filename, {})
        digest = stage(content)
        cls.objects.stale().delete()
        previous = Notice.objects.imported_as(digest, parsed.notice.doc_number or "")
        prefill = previous if previous is not None and previous.import_corrections else None
        corrections = copy.deepcopy(prefill.import_corrections) if prefill else {}
        if column_roles(corrections):
            parsed = read(content, filename, corrections)
        draft = cls.objects.create(
            file_hash=digest,
            filename=filename,
            file_size=len(content),
            uploaded_by=user if user is not None and user.is_authenticated else None,
            corrections=corrections,
            parsed=to_json(parsed),
            prefilled_from=prefill,
        )
        data = {"filename": filename, "file_hash": digest}
        if prefill:
            data["prefilled_from"] = prefill.pk
        record(ImportDraftAction.CREATED, draft, user, data)
        return draft

    def _lock(self) -> None:
        """Re-read the preview under a row lock, so that two office users correcting it at
        once both have their corrections kept."""
        locked = ImportDraft.objects.select_for_update().get(pk=self.pk)
        if not locked.is_open:
            raise ValueError("该预览已导入，不能再更正")
        self.status, self.corrections = locked.status, locked.corrections

    def _change(self, user, change: dict, *, read_again: bool = False) -> None:
        """Save and audit a correction; `read_again` parses the file with the column roles
        corrected, the one correction that needs it (ParseError, and the change rolls back,
        when they read no task rows)."""
        from duban.ledger.importing.corrections import read  # on use, as in start()
        from duban.parsing import to_json

        fields = ["corrections", "updated_at"]
        if read_again:
            self.parsed = to_json(read(self.content(), self.filename, self.corrections))
            fields.append("parsed")
        self.save(update_fields=fields)
        record(ImportDraftAction.CORRECTED, self, user, change)

    @transaction.atomic
    def set_columns(self, table: int, roles: list[str | None], user=None) -> None:
        """Read a table's columns in these roles (None: not read), as the office chose them."""
        self._lock()
        self.corrections.setdefault("columns", {})[str(table)] = roles
        self._change(user, {"columns": {str(table): roles}}, read_again=True)

    @transaction.atomic
    def reset_columns(self, table: int, user=None) -> None:
        self._lock()
        self.corrections.get("columns", {}).pop(str(table), None)
        self._change(user, {"columns": {str(table): "reset"}}, read_again=True)

    @transaction.atomic
    def correct_row(self, correction: dict, user=None) -> None:
        """Add a row correction; a second edit of the same row replaces the first."""
        self._lock()
        rows = [
            c
            for c in self.corrections.get("rows", [])
            if not (c["op"] == correction["op"] == "edit" and c["row"] == correction["row"])
        ]
        self.corrections["rows"] = [*rows, correction]
        self._change(user, {"row": correction})

    @transaction.atomic
    def undo_row(self, index: int, user=None) -> None:
        self._lock()
        rows = self.corrections.get("rows", [])
        if not 0 <= index < len(rows):
            raise ValueError("没有这项更正")
        undone = rows.pop(index)
        self._change(user, {"undone": undone})

    @transaction.atomic
    def reject_alias(self, name: str, user=None) -> None:
        """The office says a new unit name is not the known unit it was proposed as."""
        self._lock()
        rejected = self.corrections.setdefault("rejected_aliases", [])
        if name not in rejected:
            rejected.append(name)
        self._change(user, {"rejected_alias": name})

    @transaction.atomic
    def accept_alias(self, name: str, unit: Unit, user=None) -> None:
        """Record a new unit name as an alias of a known unit, in the registry itself."""
        self._lock()
        unit.add_alias(name, user=user, note=f"导入“{self.filename}”时确认")

    def confirm(self, user=None):
        """Import the corrected reading; the notice keeps the corrections for re-imports.

        Returns the applied ImportPreview (its notice and report)."""
        from duban.ledger.importing import apply_import
        from duban.ledger.importing.review import staged
        from duban.ledger.staging import discard

        with transaction.atomic():
            draft = ImportDraft.objects.select_for_update().get(pk=self.pk)
            if not draft.is_open:
                raise ValueError("该预览已导入")
            # apply_import compares with the ledger itself, under its lock.
            prepared = staged(draft)
            notice = prepared.notice = apply_import(prepared, user=user)
            notice.import_corrections = draft.corrections
            notice.save(update_fields=["import_corrections"])
            self.status, self.notice = DraftStatus.CONFIRMED, notice
            self.save(update_fields=["status", "notice", "updated_at"])
            record(ImportDraftAction.CONFIRMED, self, user, {"notice": notice.pk})
        if not ImportDraft.objects.open().filter(file_hash=self.file_hash).exists():
            discard(self.file_hash)
        return prepared
