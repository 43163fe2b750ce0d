from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from duban.accounts import views

app_name = "accounts"

# /accounts/
urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:password-done"),
        ),
        name="password-change",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_done.html"),
        name="password-done",
    ),
    path("lockouts/", views.lockout_list, name="lockouts"),
    path("lockouts/lift/", views.lockout_lift, name="lockout-lift"),
    # /accounts/logins/: liaisons' and leaders' log-ins (listed at ledger:people)
    path("logins/<id:pk>/deactivate/", views.login_deactivate, name="login-deactivate"),
    path("logins/<id:pk>/reactivate/", views.login_reactivate, name="login-reactivate"),
    path("logins/<id:pk>/password/", views.login_password_reset, name="login-password-reset"),
]
