import re

from django import forms

from duban.lib.widgets import LongSelect

CHOICES = [("", "全部单位"), ("1", "区发改局"), ("2", "区<财政>局")]


class Filters(forms.Form):
    fast = forms.ChoiceField(choices=CHOICES, required=False, widget=LongSelect)
    usual = forms.ChoiceField(choices=CHOICES, required=False)


def test_it_renders_what_djangos_select_renders_without_the_white_space():
    form = Filters({"fast": "2", "usual": "2"})
    fast = str(form["fast"]).replace("fast", "usual")
    assert fast == re.sub(r">\s+<", "><", str(form["usual"]).strip())
    assert '<option value="2" selected>区&lt;财政&gt;局</option>' in fast
