from django import forms
from django.contrib.auth.models import User

from duban.accounts.choices import UserRole
from duban.accounts.people import PHONE, username_taken


class UnlockForm(forms.Form):
    kind = forms.ChoiceField(choices=[("username", "用户名"), ("ip", "地址")])
    value = forms.CharField(max_length=255)


class LoginForm(forms.Form):
    """A new liaison's or leader's log-in; the password is generated, never typed."""

    username = forms.CharField(
        label="用户名",
        max_length=150,
        validators=[User.username_validator],
        help_text="登录时使用，字母、数字或 @ . + - _，如 fagai_zhang。",
    )
    name = forms.CharField(label="姓名", max_length=150)
    phone = forms.CharField(label="手机", max_length=20, required=False)
    email = forms.EmailField(label="邮箱", required=False, help_text="接收提醒和消息邮件。")

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        if username_taken(username):
            raise forms.ValidationError("该用户名已被使用。")
        return username

    def clean_phone(self) -> str:
        phone = "".join(self.cleaned_data["phone"].split())
        if phone and not PHONE.fullmatch(phone):
            raise forms.ValidationError("手机号只能包含数字、+ 和 -。")
        return phone


class LiaisonFileForm(forms.Form):
    file = forms.FileField(
        label="联络员名单",
        help_text="Excel（.xlsx），列：单位、姓名、用户名，可选手机、邮箱；第一行为表头。",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("只支持 Excel（.xlsx）文件，请另存为 .xlsx 后再上传。")
        return upload


class LeaderLoginForm(LoginForm):
    """A log-in for the leader, or for a secretary who acts for the leader."""

    role = forms.ChoiceField(
        label="账号类型",
        choices=[(UserRole.LEADER, "区领导本人"), (UserRole.SECRETARY, "领导秘书")],
        initial=UserRole.LEADER,
        help_text="秘书看到领导的分管工作，可代领导批示，记录为秘书所为。",
    )
