from django.urls import path

from duban.api import views

app_name = "api"

# /api/tokens/: the office's API tokens (the API itself is at /api/v1/, see duban.api.v1)
urlpatterns = [
    path("tokens/", views.token_list, name="tokens"),
    path("tokens/<id:pk>/revoke/", views.token_revoke, name="token-revoke"),
]
