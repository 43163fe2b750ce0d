from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from duban.ledger.choices import Role, TaskStatus, UnitKind
from duban.ledger.models import Official, Plan, Unit
from duban.lib.params import IdMultipleChoiceField
from duban.lib.widgets import LongSelect
from duban.parsing import ParseError, errors, parse_bytes

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
    errors.NO_TASKS: "文件中没有找到任务分解表，请确认上传的是责任分解通知。",
}


class LedgerFilterForm(forms.Form):
    """The GET filters of the ledger list; invalid values are dropped, not reported."""

    q = forms.CharField(
        label="关键词",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "任务内容、备注或序号"}),
    )
    plan = forms.ModelChoiceField(
        Plan.objects.none(), label="计划", required=False, widget=LongSelect
    )
    leader = forms.ModelChoiceField(
        Official.objects.none(), label="牵头领导", required=False, widget=LongSelect
    )
    unit = forms.ModelChoiceField(
        Unit.objects.none(), label="责任单位", required=False, widget=LongSelect
    )
    kind = forms.ChoiceField(
        label="单位类别", required=False, choices=[("", "全部类别"), *UnitKind.choices]
    )
    role = forms.ChoiceField(
        label="单位职责", required=False, choices=[("", "任意职责"), *Role.choices]
    )
    status = forms.ChoiceField(
        label="状态",
        required=False,
        choices=[("", "有效任务"), ("all", "全部（含已撤销）"), (TaskStatus.WITHDRAWN, "已撤销")],
    )

    def __init__(self, data, plans, leaders, units):
        super().__init__(data)
        self.fields["plan"].queryset = plans
        # Every notice has an annex of the same title, so the notice tells them apart.
        self.fields["plan"].label_from_instance = lambda plan: f"{plan.title}（{plan.notice}）"
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


class UploadForm(forms.Form):
    """A notice file within the size limit, of a format the parser reads, with task rows.

    After validation `content` holds the file's bytes.
    """

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
        try:
            parsed = parse_bytes(self.content, upload.name)
        except ParseError as exc:
            raise forms.ValidationError(
                "无法读取该文件：" + PARSE_ERRORS.get(exc.code, PARSE_ERRORS[errors.DAMAGED])
            ) from None
        rows = sum(len(s["items"]) for p in parsed["plans"] for s in p["sections"])
        if not rows:
            raise forms.ValidationError("文件中没有找到任务分解表，请确认上传的是责任分解通知。")
        return upload


class UnitKindForm(forms.Form):
    kind = forms.ChoiceField(label="单位类别", choices=UnitKind.choices)


class MergeUnitsForm(forms.Form):
    """Fold another unit (an alias spelled as a unit of its own) into this one."""

    drop = forms.ModelChoiceField(Unit.objects.none(), label="并入本单位的单位")

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
