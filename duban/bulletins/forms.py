from django import forms

from duban.progress.models import ReportingCycle


class IssueForm(forms.Form):
    """A bulletin on a cycle, or on a date (today when neither is given)."""

    cycle = forms.ModelChoiceField(
        ReportingCycle.objects.select_related("plan"), label="报送周期", required=False
    )
    on = forms.DateField(
        label="统计截至", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
