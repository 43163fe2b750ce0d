from datetime import timedelta

from django import forms

from duban.ledger.forms import leader_filter, plan_filter, unit_filter
from duban.ledger.models import Official, Unit
from duban.lib import clock
from duban.lib.params import IdMultipleChoiceField
from duban.progress.models import Report
from duban.supervision.choices import Colour, Tier
from duban.supervision.models import response_days


def _clean_text(value: str) -> str:
    """Stripped text that is not only spaces."""
    value = value.strip()
    if not value:
        raise forms.ValidationError("请填写内容。")
    return value


class NoticeForm(forms.Form):
    """The office issues a 督办单 to one of the task's responsible units (牵头, 共同 or 配合)."""

    unit = forms.ModelChoiceField(Unit.objects.none(), label="督办单位", empty_label=None)
    tier = forms.ChoiceField(label="等级", choices=Tier.choices, initial=Tier.REMIND)
    reason = forms.CharField(label="督办事由", widget=forms.Textarea(attrs={"rows": 4}))
    respond_by = forms.DateField(
        label="反馈期限", widget=forms.DateInput(attrs={"type": "date"}), required=False
    )
    signer = forms.CharField(label="签发人", max_length=50)
    copied_to = IdMultipleChoiceField(
        Official.objects.all(),
        label="抄送领导",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="抄送的区领导可查看本督办单并收到消息。",
    )

    def __init__(self, *args, units: dict, **kwargs):
        """`units`: {unit: its part in the task}, in the order offered."""
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[unit.pk for unit in units])
        # Labelled with the unit's part, lead units first (the queryset's order would lose that).
        self.fields["unit"].choices = [
            (unit.pk, f"{unit.name}（{role}）") for unit, role in units.items()
        ]

    def clean_signer(self) -> str:
        return _clean_text(self.cleaned_data["signer"])

    def clean_reason(self) -> str:
        return _clean_text(self.cleaned_data["reason"])

    def clean(self):
        cleaned = super().clean()
        today = clock.today()
        if cleaned.get("respond_by") is None and cleaned.get("tier"):
            # An empty deadline means the tier's usual number of days.
            cleaned["respond_by"] = today + timedelta(days=response_days(cleaned["tier"]))
        elif cleaned.get("respond_by") and cleaned["respond_by"] < today:
            self.add_error("respond_by", "反馈期限不能早于今天。")
        return cleaned


class CloseForm(forms.Form):
    remarks = forms.CharField(label="办结意见", widget=forms.Textarea(attrs={"rows": 3}))

    def clean_remarks(self) -> str:
        return _clean_text(self.cleaned_data["remarks"])


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files under one name; cleaned to a list (empty when none is chosen)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        uploads = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(upload, initial) for upload in uploads]


class ResponseForm(forms.Form):
    response = forms.CharField(label="反馈内容", widget=forms.Textarea(attrs={"rows": 5}))
    files = MultipleFileField(
        label="附件",
        required=False,
        help_text="可选多个文件：PDF、Word(docx)、Excel(xlsx)、PNG、JPEG 或文本文件",
    )

    def clean_response(self) -> str:
        return _clean_text(self.cleaned_data["response"])


class ProblemForm(forms.Form):
    title = forms.CharField(label="问题", max_length=200)
    description = forms.CharField(label="具体情况", widget=forms.Textarea(attrs={"rows": 5}))

    def clean_title(self) -> str:
        return _clean_text(self.cleaned_data["title"])

    def clean_description(self) -> str:
        return _clean_text(self.cleaned_data["description"])


class ProblemActionForm(forms.Form):
    """The one text every problem action takes: a note, a reason, a 批示 or a resolution."""

    LABELS = {
        "coordinate": "协调情况",
        "escalate": "提请理由",
        "instruct": "批示内容",
        "resolve": "解决情况",
        "close": "说明",
    }

    text = forms.CharField(label="内容", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, action: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = self.LABELS[action]
        # Closing a resolved problem needs no words.
        self.fields["text"].required = action != "close"

    def clean_text(self) -> str:
        if not self.fields["text"].required:
            return self.cleaned_data["text"].strip()
        return _clean_text(self.cleaned_data["text"])


class InstructionForm(forms.Form):
    """A leader's 批示 on a task, or on one of its reports, addressed to named units."""

    text = forms.CharField(label="批示内容", widget=forms.Textarea(attrs={"rows": 5}))
    units = forms.ModelMultipleChoiceField(
        Unit.objects.none(),
        label="落实单位",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "请选择落实单位。"},
    )
    report = forms.ModelChoiceField(
        Report.objects.none(), label="针对报告", required=False, empty_label="（针对任务）"
    )

    def __init__(self, *args, units, reports, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units
        self.fields["report"].queryset = reports

    def clean_text(self) -> str:
        return _clean_text(self.cleaned_data["text"])


class FeedbackForm(forms.Form):
    answer = forms.CharField(label="落实情况", widget=forms.Textarea(attrs={"rows": 5}))

    def clean_answer(self) -> str:
        return _clean_text(self.cleaned_data["answer"])


class OverviewFilterForm(forms.Form):
    """The GET filters of the supervision overview; invalid values are dropped."""

    colour = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部状态"), *Colour.choices]
    )
    plan = plan_filter()
    leader = leader_filter()
    unit = unit_filter()
    q = forms.CharField(label="关键词", required=False, max_length=100)
    sort = forms.ChoiceField(
        label="排序",
        required=False,
        choices=[("", "按严重程度"), ("order", "按任务顺序")],
    )

    def __init__(self, data, plans, units, all_leaders: bool = True):
        super().__init__(data)
        self.fields["plan"].queryset = plans
        self.fields["leader"].queryset = Official.objects.all()
        self.fields["plan"].empty_label = "全部计划"
        self.fields["leader"].empty_label = "全部领导"
        self.fields["unit"].empty_label = "全部单位"
        self.fields["unit"].queryset = units
        if not all_leaders:  # a leader's overview is their own portfolio
            del self.fields["leader"]

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())

    def filters(self) -> dict:
        """The values that validated, so one bad parameter does not empty the overview."""
        self.is_valid()
        return {
            name: value for name, value in self.cleaned_data.items() if value and name != "sort"
        }
