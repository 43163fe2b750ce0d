from django.urls import path

from duban.targets import views

app_name = "targets"

urlpatterns = [
    # /targets/<pk>/
    path("<int:pk>/", views.target_detail, name="target"),
    path("<int:pk>/values/", views.target_value, name="target-value"),
    path("<int:pk>/revise/", views.target_revise, name="target-revise"),
    # /targets/notices/<pk>/links/ and /targets/links/<pk>/
    path("notices/<int:pk>/links/", views.notice_links, name="notice-links"),
    path("notices/<int:pk>/links/add/", views.link_add, name="link-add"),
    path("links/<int:pk>/confirm/", views.change_link, {"action": "confirm"}, name="link-confirm"),
    path("links/<int:pk>/remove/", views.change_link, {"action": "remove"}, name="link-remove"),
    # /targets/metrics/
    path("metrics/", views.metric_list, name="metrics"),
    path("metrics/<int:pk>/", views.metric_detail, name="metric"),
    path("metrics/import/", views.import_values, name="import-values"),
]
