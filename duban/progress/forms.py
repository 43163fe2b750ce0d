from datetime import date

from django import forms

from duban.ledger.models import Plan
from duban.progress.choices import CycleKind, ReviewDecision
from duban.progress.cycles import custom_period
from duban.progress.models import Report
from duban.targets.forms import check_value, confirm_field

TEXT_FIELDS = Report.TEXT_FIELDS


class ReportForm(forms.Form):
    """The report's four texts, percent complete and one field per reportable target."""

    # Required only to submit: a draft may be saved (say, with an upload) before it is written.
    progress = forms.CharField(
        label="完成情况", required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    problems = forms.CharField(
        label="存在问题", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    coordination = forms.CharField(
        label="需协调事项", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    next_steps = forms.CharField(
        label="下一步打算", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    percent_complete = forms.IntegerField(
        label="完成百分比（%）", required=False, min_value=0, max_value=100
    )
    # The version the form was loaded with: a save from an older one is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, data=None, *, report: Report, targets=(), submitting: bool = False):
        initial = {name: getattr(report, name) for name in TEXT_FIELDS}
        initial["percent_complete"] = report.percent_complete
        initial["version"] = report.version
        self.targets = list(targets)
        for target in self.targets:
            initial[f"target_{target.pk}"] = report.target_values.get(str(target.pk))
        super().__init__(data, initial=initial)
        self.fields["progress"].required = submitting
        for target in self.targets:
            self.fields[f"target_{target.pk}"] = forms.DecimalField(
                label=f"{target.metric_text}（{target.unit or '数值'}）",
                help_text=f"目标：{target}",
                required=False,
                max_digits=18,
                decimal_places=4,
            )
        if self.targets:
            self.fields["confirm"] = confirm_field()
        self.period_end = report.cycle.period_end

    def clean_progress(self) -> str:
        return self.cleaned_data["progress"].strip()

    def clean(self):
        cleaned = super().clean()
        for target in self.targets:
            name = f"target_{target.pk}"
            if cleaned.get(name) is not None:
                check_value(self, name, target, cleaned[name], self.period_end)
        return cleaned

    def content(self) -> dict:
        """The cleaned values as keyword arguments of Report.save_content."""
        content = {name: self.cleaned_data[name].strip() for name in TEXT_FIELDS}
        content["percent_complete"] = self.cleaned_data["percent_complete"]
        content["target_values"] = {
            str(t.pk): str(self.cleaned_data[f"target_{t.pk}"])
            for t in self.targets
            if self.cleaned_data.get(f"target_{t.pk}") is not None
        }
        return content

    def conflicts(self, saved: Report) -> list[dict]:
        """The fields where the saved report differs from what was typed: label, saved, typed."""
        typed = self.content()
        pairs = [
            (name, getattr(saved, name), typed[name]) for name in (*TEXT_FIELDS, "percent_complete")
        ]
        pairs += [
            (
                f"target_{t.pk}",
                saved.target_values.get(str(t.pk)),
                typed["target_values"].get(str(t.pk)),
            )
            for t in self.targets
        ]
        return [
            {"label": self.fields[name].label, "saved": old, "typed": new}
            for name, old, new in pairs
            if old != new
        ]


class EvidenceUploadForm(forms.Form):
    """A file sent with the report form: attached once the draft is saved."""

    file = forms.FileField(
        label="上传佐证材料",
        required=False,
        help_text="PDF、Word(docx)、Excel(xlsx)、PNG、JPEG 或文本文件",
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label="审核结论", choices=ReviewDecision.choices)
    comment = forms.CharField(
        label="意见", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        cleaned = super().clean()
        cleaned["comment"] = cleaned.get("comment", "").strip()
        if cleaned.get("decision") == ReviewDecision.RETURN and not cleaned["comment"]:
            self.add_error("comment", "退回时请填写修改意见。")
        return cleaned


class GenerateCyclesForm(forms.Form):
    plan = forms.ModelChoiceField(
        label="计划", queryset=Plan.objects.all(), empty_label="请选择计划"
    )
    kind = forms.ChoiceField(label="周期类型", choices=CycleKind.choices)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    due_day = forms.IntegerField(
        label="报送日", min_value=1, max_value=31, initial=5, help_text="月报、季报在下月几日前报送"
    )
    name = forms.CharField(label="名称（自定义周期）", required=False, max_length=100)
    period_start = forms.DateField(label="起始日期（自定义周期）", required=False)
    period_end = forms.DateField(label="截止日期（自定义周期）", required=False)
    due_on = forms.DateField(label="报送截止（自定义周期）", required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") != CycleKind.CUSTOM:
            return cleaned
        dates = [cleaned.get(k) for k in ("period_start", "period_end", "due_on")]
        if not all(isinstance(d, date) for d in dates):
            raise forms.ValidationError("自定义周期需要填写起始日期、截止日期和报送截止日期。")
        try:
            cleaned["periods"] = [custom_period(*dates, cleaned.get("name", ""))]
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return cleaned


class MilestoneForm(forms.Form):
    description = forms.CharField(label="形象进度", widget=forms.Textarea(attrs={"rows": 2}))
    due_on = forms.DateField(label="完成时间")
