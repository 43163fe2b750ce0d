from django import forms
from django.contrib.auth.models import User

from duban.api.choices import TokenScope


class TokenForm(forms.Form):
    """A new token: whose it is, what the office calls it, and what it may do."""

    user = forms.ModelChoiceField(User.objects.none(), label="用户")
    name = forms.CharField(label="名称", max_length=100, help_text="如：浙政钉工作台、统计局推送")
    scope = forms.ChoiceField(label="权限", choices=TokenScope.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = User.objects.filter(is_active=True, profile__isnull=False)
        self.fields["user"].queryset = users.select_related("profile").order_by("username")
        self.fields["user"].label_from_instance = lambda u: str(u.profile)
        self.fields["user"].empty_label = "请选择用户"

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())


class WebhookForm(forms.Form):
    url = forms.URLField(
        label="推送地址", max_length=500, assume_scheme="https", help_text="接收推送的 http(s) 地址"
    )

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if not url.startswith(("http://", "https://")):
            raise forms.ValidationError("推送地址须以 http:// 或 https:// 开头。")
        return url
