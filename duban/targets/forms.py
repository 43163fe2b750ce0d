from decimal import Decimal

from django import forms
from django.db.models import Q

from duban.ledger.choices import PlanKind
from duban.lib import clock
from duban.targets.checks import far_off, impossible
from duban.targets.models import Target, TargetRevision

# A browser date picker takes ISO dates only, whatever the locale's input formats are.
DATE_INPUT = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def confirm_field() -> forms.BooleanField:
    """The tick that saves a value far off its target's path; shown once one is found."""
    return forms.BooleanField(
        label="数值核对无误，确认保存", required=False, widget=forms.HiddenInput
    )


def check_value(form: forms.Form, name: str, target: Target, value, on_date) -> None:
    """Refuse an impossible value of field `name`, and one far off the path until confirmed.

    `form` has a `confirm` field (`confirm_field()`), turned into a check box when needed.
    """
    if (problem := impossible(target, value)) is not None:
        form.add_error(name, f"{problem}。")
    elif (problem := far_off(target, value, on_date)) is not None and not form.cleaned_data.get(
        "confirm"
    ):
        form.fields["confirm"].widget = forms.CheckboxInput()
        form.add_error(name, f"该数值{problem}，请核对；确认无误请勾选“数值核对无误”后再提交。")


class ValueForm(forms.Form):
    """One value of one target, as of a date, checked against the target."""

    value = forms.DecimalField(label="数值", max_digits=18, decimal_places=4)
    on_date = forms.DateField(label="数据截至", widget=DATE_INPUT, initial=clock.today)
    note = forms.CharField(label="说明", max_length=300, required=False)
    confirm = confirm_field()

    def __init__(self, *args, target: Target, **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target

    def clean_on_date(self):
        on_date = self.cleaned_data["on_date"]
        if on_date > clock.today():
            raise forms.ValidationError("数据日期不能晚于今天。")
        return on_date

    def clean(self):
        cleaned = super().clean()
        value, on_date = cleaned.get("value"), cleaned.get("on_date")
        if value is not None and on_date is not None:
            check_value(self, "value", self.target, value, on_date)
        return cleaned


class RevisionForm(forms.ModelForm):
    """A target change (任务调整): new value, reason, approving document, effective date."""

    class Meta:
        model = TargetRevision
        fields = ["new_value", "reason", "document", "effective_on"]
        widgets = {
            "reason": forms.Textarea(attrs={"rows": 3}),
            "effective_on": DATE_INPUT,
        }
        help_texts = {"document": "批准调整的文件名称或文号，如“某政办〔2022〕12号”。"}

    def __init__(self, *args, target: Target, **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target

    def clean_new_value(self) -> Decimal:
        new_value = self.cleaned_data["new_value"]
        if new_value < 0:
            raise forms.ValidationError("目标值不能为负数。")
        return new_value

    def clean(self):
        cleaned = super().clean()
        effective_on, new_value = cleaned.get("effective_on"), cleaned.get("new_value")
        if (
            effective_on
            and new_value is not None
            and self.target.value_on(effective_on) == new_value
        ):
            raise forms.ValidationError("新目标值与生效日的目标值相同。")
        return cleaned


class LinkAddForm(forms.Form):
    """Link an annual target of a notice to a five-year target by hand."""

    annual = forms.ModelChoiceField(
        label="年度目标", queryset=Target.objects.none(), empty_label="请选择"
    )
    five_year = forms.ModelChoiceField(
        label="五年目标", queryset=Target.objects.none(), empty_label="请选择"
    )

    def __init__(self, *args, notice, **kwargs):
        super().__init__(*args, **kwargs)
        active = Target.objects.active().select_related("task")
        self.fields["annual"].queryset = active.in_notice(notice).filter(
            task__plan__kind=PlanKind.ANNUAL
        )
        # The notice's own five-year plan, or one of an earlier notice by the same issuer.
        scope = Q(task__plan__notice=notice)
        if notice.issuer:
            scope |= Q(task__plan__notice__issuer=notice.issuer)
        self.fields["five_year"].queryset = active.filter(
            scope, task__plan__kind=PlanKind.FIVE_YEAR
        )


class ValueImportForm(forms.Form):
    """A statistics release file; a dry run only checks it."""

    file = forms.FileField(
        label="统计数据文件",
        help_text="CSV 或 Excel（.xlsx），列：指标、时间（如 2022-06 或 2022年1-6月）、数值，可选单位。",
    )
    dry_run = forms.BooleanField(label="只检查，不导入", required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("只支持 .csv 和 .xlsx 文件。")
        return upload
