from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from duban.ledger.choices import AssignmentRole, TaskState, UnitKind
from duban.ledger.importing.corrections import split_names
from duban.ledger.models import Official, Plan, Unit
from duban.lib.params import IdChoiceField, IdMultipleChoiceField
from duban.lib.widgets import SuggestSelect
from duban.parsing import ParseError, errors, parse_notice
from duban.supervision.choices import Colour

# The parser explains itself in English; the office reads why, and what to do, in Chinese.
PARSE_ERRORS = {
    errors.EMPTY: "文件是空的。",
    errors.LEGACY_OFFICE: "这是旧版 Office 文件（.doc/.xls）或设有密码的文件，请去除密码或另存为 .docx/.xlsx 后上传。",
    errors.UNSUPPORTED: "不支持这种文件格式，请上传 .docx、.pdf、.xlsx 或 .txt 文件。",
    errors.DAMAGED: "文件已损坏或不完整，请重新下载或另存后再上传。",
    errors.ENCRYPTED: "文件设有密码，请去除密码后再上传。",
    errors.ZIP_BOMB: "文件解压后异常庞大，为安全起见已拒绝读取。",
    errors.SCANNED: "这是扫描版 PDF，没有可读取的文字，请先做文字识别（OCR），或上传 Word 版本。",
    errors.TOO_LARGE: "文件过大，责任分解通知通常远小于此。",
    errors.NO_FILE: "文件无法打开。",
    errors.NO_TASKS: "文件中没有找到任务行，请确认上传的是责任分解通知。",
}
# The parser's column roles (duban.parsing.layout.ROLES) as the office reads them.
COLUMN_ROLES = {
    "seq": "序号",
    "name": "项目名称",
    "text": "任务内容",
    "units": "责任单位",
    "lead_units": "牵头单位",
    "support_units": "配合单位",
    "leaders": "牵头领导",
    "deadline": "完成时限",
    "remark": "备注",
    "extra": "其他列（照录）",
}


def describe_seen(seen: dict | None) -> str:
    """What the parser saw in a file without task rows, in a sentence: 2 个表格、40 段文字…"""
    if not seen:
        return ""
    parts = []
    if seen.get("tables"):
        parts.append(f"{seen['tables']} 个表格")
    if seen.get("paragraphs"):
        parts.append(f"{seen['paragraphs']} 段文字")
    if seen.get("progress_table"):
        parts.append("一张进度表（记录当前进度，而非分解任务）")
    if seen.get("items"):
        parts.append(f"{seen['items']} 条编号条目，但都没有写明责任单位或牵头领导")
    headings = [h for h in seen.get("headings") or [] if h][:5]
    if headings:
        parts.append("标题有“" + "”“".join(headings) + "”")
    return "文件中读到的是：" + "；".join(parts) + "。" if parts else ""


def parse_error_message(exc: ParseError) -> str:
    # A file without task rows was read; only what it holds is wrong.
    if exc.code == errors.NO_TASKS:
        return PARSE_ERRORS[errors.NO_TASKS] + describe_seen(getattr(exc, "seen", None))
    return "无法读取该文件：" + PARSE_ERRORS.get(exc.code, PARSE_ERRORS[errors.DAMAGED])


def leader_filter() -> IdChoiceField:
    """A list's leader filter: the chosen id, checked against the queryset the form sets
    (access.filterable_officials), the others found by type-ahead."""
    return IdChoiceField(
        Official.objects.none(),
        label="牵头领导",
        required=False,
        widget=SuggestSelect("ledger:suggest-leaders", "输入领导姓名"),
    )


class PlanChoiceField(IdChoiceField):
    """A plan named with its notice: every notice has an annex of the same title."""

    def label_from_instance(self, obj) -> str:
        return obj.long_title


def plan_filter() -> PlanChoiceField:
    """A list's plan filter, as `leader_filter` (access.visible_plans): a province holds
    hundreds of plans, too many to list in every page."""
    return PlanChoiceField(
        Plan.objects.none(),
        label="计划",
        required=False,
        widget=SuggestSelect("ledger:suggest-plans", "输入计划名称或文号"),
    )


def unit_filter() -> IdChoiceField:
    """A list's unit filter, as `leader_filter` (access.filterable_units)."""
    return IdChoiceField(
        Unit.objects.none(),
        label="责任单位",
        required=False,
        widget=SuggestSelect("ledger:suggest-units", "输入单位名称"),
    )


class LedgerFilterForm(forms.Form):
    """The GET filters of the ledger list; invalid values are dropped, not reported."""

    q = forms.CharField(
        label="关键词",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "任务内容、备注或序号"}),
    )
    plan = plan_filter()
    leader = leader_filter()
    unit = unit_filter()
    kind = forms.ChoiceField(
        label="单位类别", required=False, choices=[("", "全部类别"), *UnitKind.choices]
    )
    role = forms.ChoiceField(
        label="单位职责", required=False, choices=[("", "任意职责"), *AssignmentRole.choices]
    )
    colour = forms.ChoiceField(
        label="督办状态", required=False, choices=[("", "任意督办状态"), *Colour.choices]
    )
    status = forms.ChoiceField(
        label="状态",
        required=False,
        choices=[("", "有效任务"), ("all", "全部（含已撤销）"), (TaskState.WITHDRAWN, "已撤销")],
    )

    def __init__(self, data, plans, leaders, units):
        super().__init__(data)
        self.fields["plan"].queryset = plans
        self.fields["leader"].queryset = leaders
        self.fields["unit"].queryset = units
        self.fields["plan"].empty_label = "全部计划"
        self.fields["leader"].empty_label = "全部领导"
        self.fields["unit"].empty_label = "全部单位"

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())

    def filters(self) -> dict:
        """The values that validated, so one bad parameter does not empty the ledger."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class UnitFilterForm(forms.Form):
    """The unit registry's filters; an invalid one (a NUL, an unknown kind) is left out."""

    kind = forms.ChoiceField(choices=[("", "全部"), *UnitKind.choices], required=False)
    q = forms.CharField(max_length=100, required=False)

    def filters(self) -> dict:
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v}


class NoticeUploadForm(forms.Form):
    """A notice file within the size limit; after validation `content` holds its bytes.

    It is parsed in the background (ledger.jobs): a large PDF takes seconds."""

    file = forms.FileField(
        label="通知文件",
        help_text="支持 .docx、.pdf、.xlsx、.txt，文件类型按内容识别。",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.DUBAN_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"文件过大（{filesizeformat(upload.size)}），上限为 {filesizeformat(limit)}。"
            )
        upload.seek(0)
        self.content = upload.read()
        return upload


def read_notice(content: bytes, filename: str):
    """The notice's parse; ValueError with the reason in Chinese when it has no task rows."""
    try:
        parsed = parse_notice(content, filename)
    except ParseError as exc:
        raise ValueError(parse_error_message(exc)) from None
    if not sum(len(s.items) for p in parsed.plans for s in p.sections):
        raise ValueError(PARSE_ERRORS[errors.NO_TASKS])
    return parsed


class UnitKindForm(forms.Form):
    kind = forms.ChoiceField(label="单位类别", choices=UnitKind.choices)


class MergeUnitsForm(forms.Form):
    """Fold another unit (an alias spelled as a unit of its own) into this one."""

    drop = IdChoiceField(
        Unit.objects.none(),
        label="并入本单位的单位",
        widget=SuggestSelect("ledger:suggest-units", "输入单位名称"),
    )

    def __init__(self, data=None, *, keep: Unit):
        super().__init__(data)
        self.fields["drop"].queryset = Unit.objects.exclude(pk=keep.pk)
        self.fields["drop"].empty_label = "请选择单位"


class ResolvePlaceholderForm(forms.Form):
    units = IdMultipleChoiceField(
        Unit.objects.concrete(),
        label="具体单位",
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, data=None, *, exclude=()):
        super().__init__(data)
        self.fields["units"].queryset = self.fields["units"].queryset.exclude(pk__in=exclude)


class ColumnRolesForm(forms.Form):
    """The roles of a table's columns, one select per column ("" leaves a column unread)."""

    table = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    def __init__(self, data=None, *, width: int = 0, initial=None):
        super().__init__(data, initial=initial)
        choices = [("", "不读取"), *COLUMN_ROLES.items()]
        for index in range(width):
            self.fields[f"role_{index}"] = forms.ChoiceField(
                label=f"第 {index + 1} 列", choices=choices, required=False
            )
        self.width = width

    def clean(self):
        data = super().clean()
        roles = [data.get(f"role_{i}") or None for i in range(self.width)]
        if "text" not in roles and "name" not in roles:
            raise forms.ValidationError("请指定任务内容所在的列。")
        data["roles"] = roles
        return data


class RowCorrectionForm(forms.Form):
    """A row of the preview the office edits, drops or joins to the row above."""

    OPS = [("edit", "修改"), ("drop", "删除"), ("join", "并入上一行")]

    op = forms.ChoiceField(choices=OPS)
    ref = forms.RegexField(regex=r"^\d+-\d+-\d+$")
    text = forms.RegexField(regex=r"^[0-9a-f]{16}$")
    lead = forms.CharField(label="牵头单位", required=False, max_length=1000)
    joint = forms.CharField(label="责任单位", required=False, max_length=1000)
    support = forms.CharField(label="配合单位", required=False, max_length=1000)
    leaders = forms.CharField(label="牵头领导", required=False, max_length=200)
    deadline = forms.CharField(label="完成时限", required=False, max_length=200)

    def correction(self, key: dict) -> dict:
        """The correction to store for the row of `key` (importing.corrections)."""
        data = self.cleaned_data
        correction = {"op": data["op"], "row": key}
        if data["op"] == "edit":
            for role in ("lead", "joint", "support"):
                correction[role] = split_names(data[role])
            correction["leaders"] = split_names(data["leaders"], person=True)
            correction["deadline"] = " ".join(data["deadline"].split())
        return correction


class AliasForm(forms.Form):
    """Accept or reject a proposed alias: a new name is (or is not) a known unit."""

    name = forms.CharField(max_length=150)
    accept = forms.BooleanField(required=False)
