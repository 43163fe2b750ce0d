from django import forms


class UnlockForm(forms.Form):
    kind = forms.ChoiceField(choices=[("username", "用户名"), ("ip", "地址")])
    value = forms.CharField(max_length=255)
