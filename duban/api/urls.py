from django.urls import path

from duban.api import views

app_name = "api"

# /api/tokens/: the office's API tokens (the API itself is at /api/v1/, see duban.api.v1)
urlpatterns = [
    path("tokens/", views.token_list, name="tokens"),
    path("tokens/<id:pk>/revoke/", views.token_revoke, name="token-revoke"),
    # /api/webhooks/: the URLs that receive events, and their delivery logs
    path("webhooks/", views.webhook_list, name="webhooks"),
    path("webhooks/<id:pk>/", views.webhook_detail, name="webhook"),
    path("webhooks/<id:pk>/disable/", views.webhook_disable, name="webhook-disable"),
]
